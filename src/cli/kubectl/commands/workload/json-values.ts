// JSON values as kubectl's Go code handles them: objects as maps, a deep copy, Go's semantic
// equality (apiequality.Semantic: a nil and an empty slice or map are equal) and encoding/json's
// compact form, with map keys sorted (json.Marshal of a map) or kept in struct order.
import { goJsonQuote, jsonEntries } from '../../../../printers/json.js';

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function rec(v: unknown): Json {
  return isRecord(v) ? v : {};
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);

/** apiequality.Semantic.DeepEqual on decoded JSON: missing, null, [] and {} are alike. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => semanticEqual(a[k], b[k]));
  }
  return a === b;
}

/** reflect.DeepEqual on decoded JSON (order of keys does not matter, types do). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return a === b;
}

/** encoding/json's compact output; `sorted` for maps (json.Marshal sorts their keys). */
export function goCompact(v: unknown, sorted: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => goCompact(x, sorted)).join(',')}]`;
  if (typeof v !== 'object') return 'null';
  return `{${jsonEntries(v, sorted).map(([k, x]) => `${goJsonQuote(k)}:${goCompact(x, sorted)}`).join(',')}}`;
}
