// An object as kubectl holds it after decoding into its Go struct (kubectl's scheme): fields in
// declaration order, unknown fields dropped, `omitempty` leaving out "", 0, false and nil or empty
// slices and maps (never a struct), a nil pointer or slice without omitempty written as null, a
// non-pointer struct always written (`resources: {}`, `creationTimestamp: null`, `status: {}`),
// map keys sorted. The field tables are the ones the apiserver's protobuf decoder reads
// (fixtures/protobuf/kube-v1.32-protobuf.json: k8s.io/api v0.32 types in Go declaration order).
import { quantity } from '../../../../printers/columns/quantity.js';
import { goTypeKey, goTypeTables as schema, type Row } from '../../../../printers/gotypes/tables.js';
import { unmarshalError } from '../../../../printers/gotypes/unmarshal.js';

export { goTypeKey };

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function scalarValue(type: string, v: unknown): unknown {
  if (v !== undefined && v !== null) return v;
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (type === 'bytes') return null;
  return 0;
}

/** One value of a type: a struct, a named slice, a self-marshalling type or a scalar. */
function typedOf(type: string, v: unknown): unknown {
  switch (type) {
    case '@time':
    case '@microtime':
    case '@raw':
      return v ?? null;
    case '@quantity':
      return quantity(v);
    case '@intorstring':
      return v ?? 0;
    default:
      break;
  }
  if (!type.includes('.')) return scalarValue(type, v);
  const spec = schema().messages[type];
  if (typeof spec === 'string') {
    const elem = spec.slice('list:'.length);
    return Array.isArray(v) ? v.map((x) => typedOf(elem, x)) : null;
  }
  return structOf(spec ?? [], isRecord(v) ? v : {});
}

const emptyScalar = (type: string, json: unknown): boolean =>
  !type.includes('.') && !type.startsWith('@') && (json === '' || json === 0 || json === false || json === null);

/** The Go maps among typed values: printed with their keys sorted, whatever JS's own key order. */
const goMaps = new WeakSet<object>();

export const isGoMap = (v: object): boolean => goMaps.has(v);

function collectionOf(row: Row, v: unknown): unknown {
  const [, , type, flags] = row;
  const omit = flags.includes('o');
  if (flags.includes('m')) {
    if (!isRecord(v)) return omit ? undefined : null;
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (keys.length === 0 && omit) return undefined;
    const map = Object.fromEntries(keys.map((k) => [k, typedOf(type, v[k])]));
    goMaps.add(map);
    return map;
  }
  if (!Array.isArray(v)) return omit ? undefined : null;
  if (v.length === 0 && omit) return undefined;
  return v.map((x) => typedOf(type, x));
}

/** A field's JSON, or undefined when encoding/json leaves it out. */
function fieldOf(row: Row, v: unknown): unknown {
  const [, , type, flags] = row;
  if (flags.includes('m') || flags.includes('r')) return collectionOf(row, v);
  const omit = flags.includes('o');
  if (flags.includes('p')) return v === undefined || v === null ? (omit ? undefined : null) : typedOf(type, v);
  const json = typedOf(type, v);
  return omit && emptyScalar(type, json) ? undefined : json;
}

function writeFields(out: Json, rows: Row[], obj: Json): void {
  for (const row of rows) {
    const [name, , type, flags] = row;
    if (type === '@typemeta') {
      if (typeof obj.kind === 'string' && obj.kind !== '') out.kind = obj.kind;
      if (typeof obj.apiVersion === 'string' && obj.apiVersion !== '') out.apiVersion = obj.apiVersion;
    } else if (flags.includes('i')) {
      const inner = schema().messages[type];
      if (Array.isArray(inner)) writeFields(out, inner, obj);
    } else {
      const json = fieldOf(row, obj[name]);
      if (json !== undefined) out[name] = json;
    }
  }
}

function structOf(rows: Row[], obj: Json): Json {
  const out: Json = {};
  writeFields(out, rows, obj);
  return out;
}

/** `*v1.Deployment`: the Go type kubectl names in "unknown object type" errors. */
export function goTypeName(apiVersion: string, kind: string): string {
  if (goTypeKey(apiVersion, kind) === undefined) return '*unstructured.Unstructured';
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  return `*${version}.${kind}`;
}

/**
 * The object as its Go struct encodes it, kind and apiVersion first; undefined when the kind is
 * not one kubectl's scheme knows (an unstructured object keeps its keys, printed sorted).
 */
export function typedObject<T extends object>(obj: T): T | undefined {
  const o = obj as Json;
  const key = goTypeKey(String(o.apiVersion ?? ''), String(o.kind ?? ''));
  if (key === undefined) return undefined;
  return typedOf(key, o) as T;
}

/** A value of one Go type (`core/v1.PodSpec`) as encoding/json writes it. */
export function typedValue(typeKey: string, value: unknown): unknown {
  return typedOf(typeKey, value);
}

/** encoding/json's error decoding v into the Go struct typeKey (src/printers/gotypes). */
export const firstTypeError = (typeKey: string, v: unknown): string | undefined => unmarshalError(typeKey, v);

/** Throws encoding/json's UnmarshalTypeError for the first field whose JSON type is wrong. */
export function checkDecodable(obj: object): void {
  const o = obj as Json;
  const key = goTypeKey(String(o.apiVersion ?? ''), String(o.kind ?? ''));
  const err = key === undefined ? undefined : unmarshalError(key, o);
  if (err) throw new Error(err);
}
