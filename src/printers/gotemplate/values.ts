// Go values as the template engine sees them: JSON-ish JS data (strings, booleans, arrays, plain
// objects as map[string]interface{}), numbers carrying their Go type (GoNum), named string types
// (GoStr, e.g. json.Number), and Iface: an element read out of a map or slice, whose static type
// is interface {} (it matters for error messages and is dropped at the end of each command).
import { compareGoStrings } from '../jsonpath/index.js';

export class GoNum {
  constructor(readonly type: string, readonly value: number) {}
  get isFloat(): boolean {
    return this.type.startsWith('float');
  }
  get isUint(): boolean {
    return this.type.startsWith('uint');
  }
}

/** A value of a named string type (json.Number when crictl decodes with UseNumber). */
export class GoStr {
  constructor(readonly type: string, readonly value: string) {}
}

export class Iface {
  constructor(readonly inner: unknown) {}
}

/** A JS function given to the engine, with Go's parameter shape when it matters. */
export interface GoFuncSpec {
  /** the fixed parameters' Go types ('any', 'string', 'reflect.Value') */
  params?: string[];
  /** the variadic parameter's element type, when the function is variadic */
  variadic?: string;
  /** receive the engine's values (GoNum, GoStr, Iface, INVALID) instead of plain JS */
  raw?: boolean;
}
export type GoFunc = ((...args: unknown[]) => unknown) & { goSpec?: GoFuncSpec };

/** The zero reflect.Value: a missing key, an untyped nil. */
export const INVALID = Symbol('invalid');

export type GoMap = Record<string, unknown>;
export const isGoMap = (v: unknown): v is GoMap =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNum) && !(v instanceof GoStr) && !(v instanceof Iface);

export const int = (n: number): GoNum => new GoNum('int', n);
export const int64 = (n: number): GoNum => new GoNum('int64', n);
export const float64 = (n: number): GoNum => new GoNum('float64', n);

/** A JSON number as apimachinery's json.Unmarshal decodes it: int64 when integral, else float64. */
export function jsonNumber(n: number): GoNum {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? int64(n) : float64(n);
}

/** Raw JS data to a Go value (numbers typed, undefined as nil). */
export function norm(v: unknown): unknown {
  if (typeof v === 'number') return jsonNumber(v);
  if (v === undefined) return null;
  return v;
}

/** The concrete value inside an interface (nil interface → INVALID). */
export function concrete(v: unknown): unknown {
  if (v instanceof Iface) return v.inner === null ? INVALID : concrete(v.inner);
  return v;
}

export type GoKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'func' | 'interface';

export function kindOf(v: unknown): GoKind {
  if (v === INVALID || v === null || v === undefined) return 'invalid';
  if (v instanceof Iface) return 'interface';
  if (typeof v === 'string' || v instanceof GoStr) return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof GoNum) return v.isFloat ? 'float' : v.isUint ? 'uint' : 'int';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'function') return 'func';
  return 'map';
}

/** reflect's Type.String(). */
export function typeName(v: unknown): string {
  if (v instanceof Iface) return 'interface {}';
  if (v === null || v === undefined || v === INVALID) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return jsonNumber(v).type;
  if (v instanceof GoNum || v instanceof GoStr) return v.type;
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'function') return 'func(...interface {}) interface {}';
  return 'map[string]interface {}';
}

export const numValue = (v: unknown): number => (v instanceof GoNum ? v.value : Number(v));
export const strValue = (v: unknown): string => (v instanceof GoStr ? v.value : String(v));

/** Byte length of a Go string (UTF-8). */
export const byteLen = (s: string): number => Buffer.byteLength(s, 'utf8');

/** text/template's isTrue: (truth, ok). */
export function isTrue(v: unknown): [boolean, boolean] {
  const c = concrete(v);
  switch (kindOf(c)) {
    case 'invalid':
      return [false, true];
    case 'bool':
      return [c as boolean, true];
    case 'string':
      return [strValue(c).length > 0, true];
    case 'int':
    case 'uint':
    case 'float':
      return [numValue(c) !== 0, true];
    case 'slice':
      return [(c as unknown[]).length > 0, true];
    case 'map':
      return [sortedKeys(c as GoMap).length > 0, true];
    default:
      return [true, true];
  }
}

/** Map keys as fmt and range visit them: sorted byte-wise. */
export const sortedKeys = (m: GoMap): string[] => Object.keys(m).filter((k) => m[k] !== undefined).sort(compareGoStrings);
