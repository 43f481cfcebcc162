// Go's fmt as the jsonpath engine and its printers use it on decoded JSON: %v (fmt.Sprint: what
// -o jsonpath prints for scalars and custom-columns prints for every cell), %#v (the object dump
// in jsonpath execution errors) and strconv.Quote. Map keys are printed sorted, as fmt does.

import { isGoInt, isMap, sortedKeys, type Val } from './values.js';
import { goFloat } from '../gofloat.js';
import { goQuote } from '../go-quote.js';

export { goQuote };

/** fmt's %v of a float64 (its name here for the template engines). */
export const formatFloatG = goFloat;

/** A JSON number as fmt prints it: int64 in decimal, float64 with %g. */
export function formatGoNumber(n: number, typed: boolean): string {
  if (isGoInt(n, typed)) return BigInt(n).toString();
  return formatFloatG(n);
}

/** fmt.Sprint of decoded JSON: `map[a:1 b:[x y]]`, `<nil>` for null. */
export function sprintData(v: unknown, typed: boolean): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoNumber(v, typed);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => sprintData(x, typed)).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${sprintData(v[k], typed)}`).join(' ')}]`;
  return String(v);
}

/** fmt.Sprint of an engine value. */
export function sprintVal(val: Val, typed: boolean): string {
  switch (val.t) {
    case 'invalid':
      return '<invalid reflect.Value>';
    case 'data':
      return sprintData(val.v, typed);
    case 'float':
      return formatFloatG(val.v);
    default:
      return String(val.v);
  }
}

/** %#v of decoded JSON held in an interface{} (`interface {}(nil)` for null). */
export function goSyntax(v: unknown, typed: boolean): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return formatGoNumber(v, typed);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSyntax(x, typed)).join(', ')}}`;
  if (isMap(v)) return `map[string]interface {}{${sortedKeys(v).map((k) => `${goQuote(k)}:${goSyntax(v[k], typed)}`).join(', ')}}`;
  return String(v);
}
