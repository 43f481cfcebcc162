// The values the jsonpath engine passes around, seen the way Go's reflect sees them. Data comes
// from decoded JSON (map[string]interface{} trees). Whole numbers are int64 and others float64, as
// in the unstructured objects kubectl gets from a server; objects kubectl builds itself (create
// --dry-run=client) go through encoding/json into interface{}, where every number is float64:
// that is the `typed` flag.

/** A reflect.Value: JSON data, a literal from the template, or a byte of a ranged-over string. */
export type Val =
  | { t: 'invalid' }
  | { t: 'data'; v: unknown }
  | { t: 'int'; v: number }
  | { t: 'float'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'string'; v: string }
  | { t: 'uint8'; v: number };

/** reflect.Kind, as far as the engine tells kinds apart. */
export type GoKind = 'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'map' | 'slice';

export type JsonMap = Record<string, unknown>;

export const INVALID: Val = { t: 'invalid' };
export const data = (v: unknown): Val => ({ t: 'data', v });

export const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a JSON number is an int64 (else a float64). */
export const isGoInt = (n: number, typed: boolean): boolean => !typed && Number.isInteger(n) && Math.abs(n) < 2 ** 63;

export function kindOf(val: Val, typed: boolean): GoKind {
  switch (val.t) {
    case 'invalid':
      return 'invalid';
    case 'data':
      return dataKind(val.v, typed);
    case 'uint8':
      return 'uint';
    default:
      return val.t;
  }
}

function dataKind(v: unknown, typed: boolean): GoKind {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInt(v, typed) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'slice' : 'map';
}

/** The Go type name (%T, reflect.Type.String()) of a value. */
export function goTypeName(val: Val, typed: boolean): string {
  if (val.t === 'int') return 'int';
  const names: Record<GoKind, string> = {
    invalid: '<nil>',
    nil: '<nil>',
    bool: 'bool',
    int: 'int64',
    uint: 'uint8',
    float: 'float64',
    string: 'string',
    map: 'map[string]interface {}',
    slice: '[]interface {}',
  };
  return names[kindOf(val, typed)];
}

/** The plain JS value inside (reflect.Value.Interface()). */
export function unwrap(val: Val): unknown {
  return val.t === 'invalid' ? null : val.v;
}

/** A UTF-16 unit ranked so that unit order is code point order (surrogates above the BMP). */
const rank = (u: number): number => (u >= 0xd800 && u <= 0xdfff ? u + 0x10000 : u);

/** Go's string comparison: byte-wise on UTF-8, which is code point order. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) < rank(y) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Map keys in the order fmt and encoding/json print them. */
export const sortedKeys = (m: JsonMap): string[] => Object.keys(m).filter((k) => m[k] !== undefined).sort(compareGoStrings);
