// What json.Unmarshal (sigs.k8s.io/json, as the apiserver decodes bodies; encoding/json, as kubectl
// does) reports when a JSON value does not fit the Go struct it is decoded into. The decoder walks
// the document in order and keeps going after a type mismatch: the FIRST UnmarshalTypeError wins,
// worded `json: cannot unmarshal <kind> into Go struct field <innermost struct>.<json path without
// indices or map keys> of type <Go type>`. null fits anything. A self-decoding type's error
// (Quantity, Time, IntOrString) ends decoding at once and wins over an earlier mismatch; when it
// is an inner type mismatch it is worded with the field's context like any other.
import { elementGoType, fieldGoType, structName } from './go-type.js';
import { jsonKind, specialError } from './special.js';
import { listElement, structRows, type Row } from './tables.js';

interface Ctx { struct: string; path: string[] }
interface State { saved?: string; fatal?: string }
interface Field { owner: string; row: Row }

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPE_META: Row[] = [['kind', 0, 'string', 'o'], ['apiVersion', 0, 'string', 'o']];
const fieldCache = new Map<string, Map<string, Field>>();

/** A struct's JSON fields, embedded structs' fields flattened into it as encoding/json does. */
function fieldsOf(key: string, out = new Map<string, Field>()): Map<string, Field> {
  const cached = fieldCache.get(key);
  if (cached) return cached;
  for (const row of structRows(key) ?? []) {
    const [name, , type, flags] = row;
    if (type === '@typemeta') TYPE_META.forEach((r) => out.set(r[0], { owner: 'meta/v1.TypeMeta', row: r }));
    else if (flags.includes('i')) fieldsOf(type).forEach((f, n) => out.set(n, f));
    else out.set(name, { owner: key, row });
  }
  fieldCache.set(key, out);
  return out;
}

function typeError(kind: string, goType: string, ctx: Ctx | undefined): string {
  return ctx
    ? `json: cannot unmarshal ${kind} into Go struct field ${ctx.struct}.${ctx.path.join('.')} of type ${goType}`
    : `json: cannot unmarshal ${kind} into Go value of type ${goType}`;
}

const INT_RANGE: Record<string, [number, number]> = { int32: [-2147483648, 2147483647], int64: [-9223372036854775808, 9223372036854775807] };

/** literalStore's check of a string, bool or number literal (or a composite) against a scalar. */
function scalarFits(type: string, v: unknown): boolean | 'number' {
  if (type === 'string') return typeof v === 'string';
  if (type === 'bool') return typeof v === 'boolean';
  if (type === 'double') return typeof v === 'number';
  if (type === 'bytes') return typeof v === 'string' || Array.isArray(v);
  const range = INT_RANGE[type];
  if (range === undefined || typeof v !== 'number') return range === undefined;
  return Number.isInteger(v) && v >= range[0] && v <= range[1] ? true : 'number';
}

/** Decodes v into a value of the table type `type` (Go type goType); false once decoding ends. */
function decodeValue(st: State, type: string, goType: string, v: unknown, ctx: Ctx | undefined): boolean {
  if (v === null) return true;
  const target = goType.startsWith('*') ? goType.slice(1) : goType;
  if (type.startsWith('@')) {
    const err = specialError(type, v);
    if (err === undefined) return true;
    st.fatal = typeof err === 'string' ? err : typeError(err.kind, err.goType, ctx);
    return false;
  }
  if (!type.includes('.')) {
    const fits = scalarFits(type, v);
    if (fits !== true) st.saved ??= typeError(fits === 'number' ? `number ${String(v)}` : jsonKind(v), target, ctx);
    return true;
  }
  const elem = listElement(type);
  if (elem !== undefined) return decodeItems(st, elem, target, v, ctx);
  if (!isRecord(v)) {
    st.saved ??= typeError(jsonKind(v), target, ctx);
    return true;
  }
  return decodeStruct(st, type, v, ctx);
}

/** A slice (`[]T` or a named slice): each element in order. */
function decodeItems(st: State, type: string, goType: string, v: unknown, ctx: Ctx | undefined): boolean {
  if (!Array.isArray(v)) {
    st.saved ??= typeError(jsonKind(v), goType, ctx);
    return true;
  }
  const elem = elementGoType(goType, type);
  return v.every((x) => decodeValue(st, type, elem, x, ctx));
}

function decodeField(st: State, { owner, row }: Field, v: unknown, ctx: Ctx): boolean {
  const [, , type, flags] = row;
  const goType = fieldGoType(owner, row);
  if (v === null) return true;
  if (flags.includes('r')) return decodeItems(st, type, goType, v, ctx);
  if (!flags.includes('m')) return decodeValue(st, type, goType, v, ctx);
  if (!isRecord(v)) {
    st.saved ??= typeError(jsonKind(v), goType, ctx);
    return true;
  }
  const elem = elementGoType(goType, type);
  return Object.values(v).every((x) => decodeValue(st, type, elem, x, ctx));
}

function decodeStruct(st: State, key: string, obj: Json, ctx: Ctx | undefined): boolean {
  const fields = fieldsOf(key);
  for (const [name, v] of Object.entries(obj)) {
    const field = fields.get(name); // case-sensitive; unknown fields are another check's business
    if (field && !decodeField(st, field, v, { struct: structName(key), path: [...(ctx?.path ?? []), name] })) return false;
  }
  return true;
}

/** The error json.Unmarshal returns decoding value into the Go struct typeKey, if any. */
export function unmarshalError(typeKey: string, value: unknown): string | undefined {
  if (!isRecord(value) || structRows(typeKey) === undefined) return undefined;
  const st: State = {};
  decodeStruct(st, typeKey, value, undefined);
  return st.fatal ?? st.saved;
}


/**
 * The error json.Unmarshal returns for value as field `field` (table type typeKey, Go type goType)
 * of a struct named owner, e.g. the builder's metadataOnlyObject.metadata.
 */
export function fieldUnmarshalError(owner: string, field: string, typeKey: string, goType: string, value: unknown): string | undefined {
  const st: State = {};
  decodeValue(st, typeKey, goType, value, { struct: owner, path: [field] });
  return st.fatal ?? st.saved;
}
