// The value of a new, empty object of a kind as the apiserver's field manager sees it (the Go zero
// struct, through reflection): struct fields are always present (`spec: {}`, `status: {}`), fields
// without omitempty are null or their zero scalar, ObjectMeta's creationTimestamp is null. What a
// create adds to this is what its manager owns; an apply-create merges into it.
import { openapiData, schemaNameOf, type Schema as OpenApiSchema } from '../schema/index.js';
import { isObject, type Json, type JsonObject } from './values.js';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

function refName(s: OpenApiSchema): string | undefined {
  const ref = s.$ref ?? (s.allOf?.length === 1 ? s.allOf[0]?.$ref : undefined);
  return ref === undefined ? undefined : ref.slice(ref.lastIndexOf('/') + 1);
}

/** A non-pointer struct field: a named type with properties, published with `default: {}`. */
function structField(member: OpenApiSchema): string | undefined {
  const name = refName(member);
  if (name === undefined || !isObject(member.default) || Object.keys(member.default).length > 0) return undefined;
  return openapiData().schemas[name]?.properties ? name : undefined;
}

function zeroField(owner: string, prop: string, member: OpenApiSchema, required: boolean, depth: number): Json | undefined {
  if (owner === OBJECT_META && prop === 'creationTimestamp') return null;
  const struct = structField(member);
  if (struct !== undefined) return zeroStruct(struct, depth + 1);
  if (!required) return undefined;
  const def = member.default;
  return def === undefined || isObject(def) || Array.isArray(def) ? null : (def as Json);
}

function zeroStruct(name: string, depth: number): JsonObject {
  const spec = openapiData().schemas[name];
  const out: JsonObject = {};
  if (!spec?.properties || depth > 16) return out;
  const required = new Set(spec.required ?? []);
  for (const [prop, member] of Object.entries(spec.properties)) {
    const v = zeroField(name, prop, member, required.has(prop), depth);
    if (v !== undefined) out[prop] = v;
  }
  return out;
}

const cache = new Map<string, JsonObject>();

/** The empty object of a kind (`{}` for kinds without a published schema). */
export function zeroObject(group: string, version: string, kind: string): JsonObject {
  const name = schemaNameOf({ group, version, kind });
  if (name === undefined) return {};
  let z = cache.get(name);
  if (!z) {
    z = zeroStruct(name, 0);
    delete z.apiVersion;
    delete z.kind;
    cache.set(name, z);
  }
  return structuredClone(z);
}
