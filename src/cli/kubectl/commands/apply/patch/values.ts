// JSON values as kubectl's Go code holds them after json.Unmarshal into interface{}: every number
// a float64, reflect.TypeOf compared by kind, reflect.DeepEqual, Go's `==` on interface values and
// fmt's %v, which the strategic-merge code uses to sort list items.
import { goFloat } from '../../../../../printers/gofloat.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonMap;
export interface JsonMap {
  [key: string]: JsonValue;
}

export type GoKind = 'nil' | 'bool' | 'string' | 'float64' | 'map' | 'slice';

export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const has = (m: JsonMap, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

export function goKind(v: JsonValue): GoKind {
  if (v === null) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  return 'map';
}

/** reflect.DeepEqual on decoded JSON. */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => has(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Go's `==` on interface{} values (comparing maps or slices panics in Go; here: unequal). */
export function goEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const k = goKind(a);
  return k === goKind(b) && k !== 'map' && k !== 'slice' && a === b;
}


/** fmt's %v. */
export function goSprintV(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprintV).join(' ')}]`;
  return `map[${Object.keys(v).sort().map((k) => `${k}:${goSprintV(v[k])}`).join(' ')}]`;
}

export function deepCopy<T extends JsonValue>(v: T): T {
  return (v === null || typeof v !== 'object' ? v : JSON.parse(JSON.stringify(v))) as T;
}

/** Go's byte-wise string order (UTF-8 bytes = code points). */
export function goLess(a: string, b: string): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0;
}

export { goFloat };
