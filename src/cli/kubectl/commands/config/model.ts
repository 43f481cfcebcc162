// The in-memory kubeconfig, shaped as client-go's internal api.Config: structs as records keyed by
// json tag, name-keyed maps, byte fields as bytes (nil = null), each stanza remembering the file
// it came from under '-' (LocationOfOrigin). Go's zero values, DeepEqual and copying.
import { CLUSTER, CONFIG, type GoType, type StructType } from './types.js';

/** runtime.Object in an extensions map: the JSON it was read from, kept as is. */
export class RawJson {
  constructor(readonly json: unknown) {}
}

export type Value = string | boolean | Uint8Array | null | RawJson | Value[] | ValueMap | Struct;
export type ValueMap = Map<string, Value>;
export interface Struct {
  [tag: string]: Value;
}

export interface Config extends Struct {
  'current-context': string;
  preferences: Struct;
  clusters: Map<string, Struct>;
  users: Map<string, Struct>;
  contexts: Map<string, Struct>;
}

/** The file a stanza was loaded from ('' for new ones). */
export const ORIGIN = '-';

/** Go's zero value of a type (maps become empty maps, as api.New* makes them). */
export function zeroValue(t: GoType): Value {
  switch (t.k) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'struct':
      return newStruct(t);
    case 'map':
      return new Map();
    default:
      return null;
  }
}

export function newStruct(t: StructType): Struct {
  const s: Struct = {};
  for (const field of t.fields) s[field.tag] = zeroValue(field.type);
  return s;
}

/** clientcmdapi.NewConfig(). */
export function newConfig(): Config {
  return newStruct(CONFIG) as Config;
}

export function newCluster(): Struct {
  return newStruct(CLUSTER);
}

export function isStruct(v: Value | undefined): v is Struct {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Uint8Array) && !(v instanceof RawJson);
}

function bytesEqual(a: Uint8Array, b: Value): boolean {
  return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
}

function mapsEqual(a: ValueMap, b: Value): boolean {
  if (!(b instanceof Map) || a.size !== b.size) return false;
  for (const [k, v] of a) {
    if (!b.has(k) || !deepEqual(v, b.get(k)!)) return false;
  }
  return true;
}

function structsEqual(a: Struct, b: Value): boolean {
  if (!isStruct(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => deepEqual(a[k] ?? null, b[k] ?? null));
}

/** reflect.DeepEqual on kubeconfig values. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === null || typeof a !== 'object') return a === b;
  if (a instanceof Uint8Array) return bytesEqual(a, b);
  if (a instanceof Map) return mapsEqual(a, b);
  if (a instanceof RawJson) return b instanceof RawJson && JSON.stringify(a.json) === JSON.stringify(b.json);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]!));
  return structsEqual(a, b);
}

/** A string field of a struct ('' when unset). */
export function str(s: Struct | undefined, tag: string): string {
  const v = s?.[tag];
  return typeof v === 'string' ? v : '';
}

export function bytesOf(s: Struct, tag: string): Uint8Array | null {
  const v = s[tag];
  return v instanceof Uint8Array ? v : null;
}
