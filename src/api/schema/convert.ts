// Between the two OpenAPI shapes Kubernetes publishes. The data holds v3 schemas and v2 paths;
// /openapi/v3 documents turn the paths into v3 operations (parameters with a schema, the body as
// requestBody, one content entry per media type), /openapi/v2 turns the schemas back into v2
// definitions (no defaults, `$ref` beside its description, IntOrString/Quantity as strings), as
// kube-openapi's builders do.
import { openapiData, refName, SCHEMA_PREFIX } from './data.js';
import type { Schema, V2Object } from './data.js';
import type { PathItem } from './paths.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);

function resolveParameter(p: V2Object): V2Object {
  const ref = p.$ref;
  return typeof ref === 'string' ? (openapiData().parameters[refName(ref)] ?? p) : p;
}

function v3Ref(ref: unknown): { $ref: string } | undefined {
  return typeof ref === 'string' ? { $ref: SCHEMA_PREFIX + refName(ref) } : undefined;
}

function parameterV3(p: V2Object): V2Object {
  const { type, format, uniqueItems, ...rest } = p;
  const schema: V2Object = { type };
  if (format) schema.format = format;
  if (uniqueItems) schema.uniqueItems = uniqueItems;
  return { ...rest, schema };
}

function operationV3(op: V2Object): V2Object {
  const { consumes, produces, schemes: _schemes, parameters, responses, ...rest } = op;
  const params = ((parameters as V2Object[] | undefined) ?? []).map(resolveParameter);
  const out: V2Object = { ...rest };
  const query = params.filter((p) => p.in !== 'body').map(parameterV3);
  if (query.length) out.parameters = query;
  const body = params.find((p) => p.in === 'body');
  const bodySchema = body && v3Ref((body.schema as Schema | undefined)?.$ref);
  if (body && bodySchema) {
    const content = Object.fromEntries(((consumes as string[] | undefined) ?? ['*/*']).map((t) => [t, { schema: bodySchema }]));
    out.requestBody = { content, ...(body.required ? { required: true } : {}) };
  }
  out.responses = Object.fromEntries(
    Object.entries((responses as Record<string, V2Object> | undefined) ?? {}).map(([code, r]) => {
      const schema = v3Ref((r.schema as Schema | undefined)?.$ref);
      const content = schema && Object.fromEntries(((produces as string[] | undefined) ?? ['application/json']).map((t) => [t, { schema }]));
      return [code, { ...(content ? { content } : {}), description: r.description }];
    }),
  );
  return out;
}

/** A v2 path item as a v3 path item. */
export function pathItemV3(item: PathItem): PathItem {
  const out: PathItem = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'parameters') out.parameters = (value as V2Object[]).map(resolveParameter).map(parameterV3);
    else if (METHODS.has(key)) out[key] = operationV3(value as V2Object);
    else out[key] = value;
  }
  return out;
}

/** A v3 schema as a v2 definition (what /openapi/v2 serves: defaults pruned, refs unwrapped). */
export function schemaV2(s: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === 'default' || key === 'oneOf') continue;
    if (key === '$ref') out.$ref = `#/definitions/${refName(String(value))}`;
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, schemaV2(v)]));
    else if (key === 'items') out.items = schemaV2(value as Schema);
    else if (key === 'additionalProperties') out.additionalProperties = typeof value === 'boolean' ? value : schemaV2(value as Schema);
    else if (key === 'allOf') out.allOf = (value as Schema[]).map(schemaV2);
    else out[key] = value;
  }
  if (out.allOf?.length === 1 && out.allOf[0]!.$ref && !out.$ref) {
    out.$ref = out.allOf[0]!.$ref;
    delete out.allOf;
  }
  if (s.oneOf && !s.type) out.type = 'string';
  return out;
}

/** Every `$ref` target named inside a value. */
export function refsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(refName(v));
      else refsIn(v, out);
    }
  }
  return out;
}

/** The named schemas and every schema they reference, by name, sorted. */
export function schemaClosure(names: Iterable<string>): Record<string, Schema> {
  const { schemas } = openapiData();
  const seen = new Set<string>();
  const queue = [...names];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name) || !schemas[name]) continue;
    seen.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  return Object.fromEntries([...seen].sort().map((n) => [n, schemas[n]!]));
}
