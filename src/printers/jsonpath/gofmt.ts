// Go's fmt as the jsonpath engine and its printers use it on decoded JSON: %v (fmt.Sprint: what
// -o jsonpath prints for scalars and custom-columns prints for every cell), %#v (the object dump
// in jsonpath execution errors) and strconv.Quote. Map keys are printed sorted, as fmt does.

import { isPrint } from './scanner.js';
import { isGoInt, isMap, sortedKeys, type Val } from './values.js';
import { goFloat } from '../gofloat.js';

/** fmt's %v of a float64 (its name here for the template engines). */
export const formatFloatG = goFloat;

/** A JSON number as fmt prints it: int64 in decimal, float64 with %g. */
export function formatGoNumber(n: number, typed: boolean): string {
  if (isGoInt(n, typed)) return BigInt(n).toString();
  return formatFloatG(n);
}

const QUOTE_ESCAPES: Record<string, string> = { '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/** strconv.Quote (also fmt's %q and %#v of a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const esc = QUOTE_ESCAPES[ch];
    if (esc) out += esc;
    else if (isPrint(ch)) out += ch;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
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
