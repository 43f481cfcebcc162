// Strict field validation: the fields of an object its kind's schema does not have, reported as
// kube-apiserver's strict JSON decoder (sigs.k8s.io/json, case-sensitive) reports them when it
// decodes a request body into the Go type: in document order, depth first, each at the moment its
// key is met, as a path of field names joined by "." with list indexes as "[i]"
// (`spec.containers[0].imagee`); at most 100 per object. Types that decode themselves (Time,
// Quantity, IntOrString, RawExtension, FieldsV1) and x-kubernetes-preserve-unknown-fields take
// anything; maps (additionalProperties) take any key.
import { openapiData, refName, schemaNameOf } from './data.js';
import type { Schema } from './data.js';

const MAX_ERRORS = 100;

/** Follows `$ref` and a single-element allOf to the schema that describes the value. */
function resolve(s: Schema | undefined): Schema | undefined {
  const { schemas } = openapiData();
  for (let depth = 0; s && depth < 8; depth++) {
    if (s.$ref) s = schemas[refName(s.$ref)];
    else if (s.allOf?.length === 1 && !s.properties) s = s.allOf[0];
    else return s;
  }
  return s;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(schema: Schema | undefined, value: unknown, path: string, out: string[]): void {
  const s = resolve(schema);
  if (!s || s['x-kubernetes-preserve-unknown-fields'] || out.length >= MAX_ERRORS) return;
  if (Array.isArray(value)) {
    if (s.items) value.forEach((v, i) => walk(s.items, v, `${path}[${i}]`, out));
    return;
  }
  if (!isObject(value)) return;
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (s.properties) {
    for (const [key, v] of Object.entries(value)) {
      const field = s.properties[key];
      if (field) walk(field, v, at(key), out);
      else if (out.length < MAX_ERRORS) out.push(at(key));
    }
  } else if (isObject(s.additionalProperties)) {
    for (const [key, v] of Object.entries(value)) walk(s.additionalProperties, v, at(key), out);
  }
}

/**
 * The JSON paths of the fields of `obj` that the schema of group/version/kind does not know, in
 * the order upstream's strict decoder reports them. [] when the kind has no published schema.
 */
export function unknownFields(group: string, version: string, kind: string, obj: unknown): string[] {
  const name = schemaNameOf({ group, version, kind });
  if (!name) return [];
  const out: string[] = [];
  walk(openapiData().schemas[name], obj, '', out);
  return out;
}
