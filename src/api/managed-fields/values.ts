// JSON values as structured-merge-diff's value package sees them: a total order (value.Compare:
// numbers < strings < booleans < lists < maps < null), deep equality (value.Equals), and the
// `%v`-style text conflict paths embed (value.ToString).
import { goFloat } from '../../printers/gofloat.js';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The rank of a value's type in value.Compare's order. */
function rank(v: Json): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (Array.isArray(v)) return 3;
  if (isObject(v)) return 4;
  return 5;
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compareLists(a: Json[], b: Json[]): number {
  for (let i = 0; ; i++) {
    if (i >= a.length && i >= b.length) return 0;
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const c = compareValues(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
}

/** value.MapCompare: keys zipped in lexical order, with its length checks first. */
function compareMaps(a: JsonObject, b: JsonObject): number {
  const la = Object.keys(a).length;
  const lb = Object.keys(b).length;
  if (la === 0 && lb === 0) return 0;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let c: number;
    if (i === la) c = -1;
    else if (i === lb) c = 1;
    else if (!(k in a)) c = 1;
    else if (!(k in b)) c = -1;
    else c = compareValues(a[k]!, b[k]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** value.Compare: a total order over JSON values. */
export function compareValues(a: Json, b: Json): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number') return sign(a - (b as number));
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a)) return compareLists(a, b as Json[]);
  if (isObject(a)) return compareMaps(a, b as JsonObject);
  return 0;
}

/** value.Equals: deep equality (map key order does not matter). */
export function equalValues(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equalValues(x, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equalValues(a[k], b[k]));
  }
  return false;
}

/** value.ToString: strings quoted (%q), numbers as %v, lists bracketed, maps as k=v pairs. */
export function valueString(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(valueString).join(',')}]`;
  return Object.keys(v)
    .map((k) => `${k}=${valueString(v[k]!)}`)
    .join('');
}

export const deepCopy = <T>(v: T): T => structuredClone(v);
