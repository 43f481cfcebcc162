// A decoded GoStruct → the JSON Go's encoding/json writes for the Go struct: fields in declaration
// order under their json names; an inline embedded struct's fields promoted in its place;
// `omitempty` drops "", 0, false, nil pointers and empty slices/maps but never a struct; a
// non-pointer struct is always written (`resources: {}`); a nil slice, map or pointer without
// omitempty is null; map keys sorted; []byte as base64; int64 as a number.
import { specOf } from './decode.js';
import type { FieldSpec, MessageSpec } from './schema.js';
import { isSpecial, specialJson, specialZero, type GoStruct } from './special.js';

export interface TopLevel {
  apiVersion: string;
  kind: string;
}

function scalarJson(type: string, v: unknown): unknown {
  if (type === 'bytes') return (v as Buffer).toString('base64');
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** One value of a field's type (an element, a map value, or a singular present value). */
function valueJson(type: string, v: unknown): unknown {
  if (isSpecial(type)) return specialJson(type, v);
  if (type.includes('.')) return messageJson(specOf(type), v as GoStruct);
  return scalarJson(type, v);
}

function scalarZero(type: string): unknown {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (type === 'bytes') return null;
  return 0;
}

/** The JSON of a non-pointer singular field that was not on the wire. */
function zeroJson(type: string): unknown {
  if (isSpecial(type)) return specialZero(type);
  if (type.includes('.')) return messageJson(specOf(type), new Map());
  return scalarZero(type);
}

const isEmptyScalar = (type: string, json: unknown): boolean =>
  !type.includes('.') && !isSpecial(type) && (json === '' || json === 0 || json === false || json === null);

function mapJson(type: string, map: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...map.keys()].sort()) out[k] = valueJson(type, map.get(k));
  return out;
}

/** The field's JSON, or undefined when encoding/json leaves it out. */
function fieldJson(f: FieldSpec, v: unknown): unknown {
  if (f.map || f.repeated) {
    const size = v === undefined ? 0 : f.map ? (v as Map<string, unknown>).size : (v as unknown[]).length;
    if (size === 0) return f.omitempty ? undefined : null;
    return f.map ? mapJson(f.type, v as Map<string, unknown>) : (v as unknown[]).map((e) => valueJson(f.type, e));
  }
  if (v === undefined && f.pointer) return f.omitempty ? undefined : null;
  const json = v === undefined ? zeroJson(f.type) : valueJson(f.type, v);
  if (f.omitempty && !f.pointer && isEmptyScalar(f.type, json)) return undefined;
  return json;
}

function writeFields(out: Record<string, unknown>, spec: MessageSpec, struct: GoStruct, top?: TopLevel): void {
  for (const f of spec.fields) {
    if (f.type === '@typemeta') {
      if (top?.kind) out.kind = top.kind;
      if (top?.apiVersion) out.apiVersion = top.apiVersion;
    } else if (f.inline) {
      writeFields(out, specOf(f.type), (struct.get(f.num) as GoStruct | undefined) ?? new Map());
    } else {
      const json = fieldJson(f, struct.get(f.num));
      if (json !== undefined) out[f.json] = json;
    }
  }
}

/** The JSON of a decoded message; `top` gives the object's kind and apiVersion (its TypeMeta). */
export function messageJson(spec: MessageSpec, struct: GoStruct, top?: TopLevel): unknown {
  if (spec.list) {
    const items = struct.get(1) as unknown[] | undefined;
    const elem = spec.fields[0]!.type;
    return items?.length ? items.map((e) => valueJson(elem, e)) : null;
  }
  const out: Record<string, unknown> = {};
  writeFields(out, spec, struct, top);
  return out;
}
