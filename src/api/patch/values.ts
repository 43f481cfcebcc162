// JSON values as the apiserver's Go code sees them after decoding into interface{}: the Go type of
// each value (integers stay int64, as the apiserver decodes patches with PreserveInts), Go's `==`
// between interface values, and fmt's `%v` rendering, which upstream error messages embed.
import { goFloat } from '../../printers/gofloat.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonMap;
export interface JsonMap {
  [key: string]: JsonValue;
}

/** The Go dynamic type of a decoded JSON value (reflect.TypeOf). */
export type GoKind = 'nil' | 'bool' | 'string' | 'int64' | 'float64' | 'map' | 'slice';

export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function goKind(v: JsonValue): GoKind {
  if (v === null) return 'nil';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    default:
      return 'map';
  }
}

/** Go's `==` on interface{} values holding decoded JSON (maps and slices never equal). */
export function goEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const ka = goKind(a);
  if (ka !== goKind(b) || ka === 'map' || ka === 'slice') return false;
  return a === b;
}

/** A string that is equal for two scalars exactly when Go's `==` says they are (map keys). */
export function goScalarKey(v: JsonValue): string {
  return `${goKind(v)}:${String(v)}`;
}

/** reflect.TypeOf(v) printed with %s, as mergepatch.ErrBadArgType does. */
export function goTypeName(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return '%!s(<nil>)';
  switch (goKind(v)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    default:
      return goKind(v);
  }
}


/** fmt.Sprintf("%v", v) for a decoded JSON value: map[k:v ...] with sorted keys, [a b], <nil>. */
export function goFormat(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goFormat(v[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number' && !Number.isInteger(v)) return goFloat(v);
  return String(v);
}

export function deepCopy<T extends JsonValue>(v: T): T {
  return structuredClone(v);
}

/** Whether a decoded map has the key (own properties only: "constructor" is no JSON key). */
export function hasKey(m: JsonMap, key: string): boolean {
  return Object.hasOwn(m, key);
}

/** m[key] = v, also for the key "__proto__", which must stay a plain data property. */
export function setKey(m: JsonMap, key: string, v: JsonValue): void {
  if (key === '__proto__') {
    const property = { value: v, writable: true, enumerable: true, configurable: true };
    Object.defineProperty(m, key, property);
  } else {
    m[key] = v;
  }
}
