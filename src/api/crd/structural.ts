// What the apiserver does to a custom resource as it decodes it (apiextensions-apiserver's
// structural pruning and defaulting): fields the schema does not declare are dropped (unless
// x-kubernetes-preserve-unknown-fields), then missing fields with a default get it. apiVersion,
// kind and metadata at the root (and in embedded resources) are always kept.
import { fieldSchema, isObject, type JSONSchemaProps } from './schema.js';

const META_KEYS = ['apiVersion', 'kind', 'metadata'];

function pruneValue(s: JSONSchemaProps | undefined, v: unknown, path: string, root: boolean, out: string[]): void {
  if (!s) return;
  if (Array.isArray(v)) {
    if (s.items) v.forEach((x, i) => pruneValue(s.items, x, `${path}[${i}]`, false, out));
    return;
  }
  if (!isObject(v)) return;
  const keepMeta = root || s['x-kubernetes-embedded-resource'];
  for (const k of Object.keys(v)) {
    const at = path ? `${path}.${k}` : k;
    if (keepMeta && META_KEYS.includes(k)) continue;
    const child = fieldSchema(s, k);
    if (child) pruneValue(child, v[k], at, false, out);
    else if (!s['x-kubernetes-preserve-unknown-fields']) {
      delete v[k];
      out.push(at);
    }
  }
}

/** Drops undeclared fields in place; returns their paths (`spec.foo`, `spec.items[0].bar`) in document order. */
export function prune(schema: JSONSchemaProps, obj: Record<string, unknown>): string[] {
  const out: string[] = [];
  pruneValue(schema, obj, '', true, out);
  return out;
}

/** Fills in schema defaults in place, parents before children. */
export function applySchemaDefaults(s: JSONSchemaProps | undefined, v: unknown): void {
  if (!s) return;
  if (Array.isArray(v)) {
    if (s.items) for (const x of v) applySchemaDefaults(s.items, x);
    return;
  }
  if (!isObject(v)) return;
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    if (p.default !== undefined && (!(k in v) || (v[k] === null && !p.nullable))) v[k] = structuredClone(p.default);
  }
  for (const k of Object.keys(v)) applySchemaDefaults(fieldSchema(s, k), v[k]);
}
