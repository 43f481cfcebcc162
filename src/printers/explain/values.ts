// Decoded JSON as Go's text/template sees it in explain's template: truth (empty maps, lists and
// strings, 0, false and nil are false), map indexing that yields nil for missing keys, the
// `contains` function's deep equality and the `resolveRef` function.

export type JsonMap = { [key: string]: unknown };

export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** text/template's truth of a value. */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** `index m key` / `m.key` on a map: the value, or undefined (nil) when absent or not a map. */
export function prop(m: unknown, key: string): unknown {
  return isMap(m) && Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

/** A map-valued key, or undefined. */
export function mapProp(m: unknown, key: string): JsonMap | undefined {
  const v = prop(m, key);
  return isMap(v) ? v : undefined;
}

/** A list-valued key (empty when absent). */
export function listProp(m: unknown, key: string): unknown[] {
  const v = prop(m, key);
  return Array.isArray(v) ? v : [];
}

/** reflect.DeepEqual on decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The template's `contains list value`: false unless list is a list holding value. */
export function contains(list: unknown, value: unknown): boolean {
  return Array.isArray(list) && list.some((x) => deepEqual(x, value));
}

/** `additionalProperties` that is a schema, not the boolean form. */
export function schemaAdditional(schema: unknown): unknown {
  const v = prop(schema, 'additionalProperties');
  return truthy(v) && typeof v !== 'boolean' ? v : undefined;
}

/** Keys in the order Go ranges over a map[string]any: sorted bytewise. */
export function sortedKeys(m: JsonMap): string[] {
  return Object.keys(m).sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
}

/**
 * resolveRef: a fragment-only JSON reference (`#/components/schemas/X`) walked through the
 * document; undefined (nil) for anything else or when a step is not a map.
 */
export function resolveRef(ref: unknown, doc: JsonMap): JsonMap | undefined {
  if (typeof ref !== 'string') return undefined;
  const hash = ref.indexOf('#');
  if (hash !== 0 || ref.length === 1) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  let cur: JsonMap = doc;
  for (const k of fragment.split('/')) {
    if (k === '') continue;
    const next = prop(cur, k);
    if (!isMap(next)) return undefined;
    cur = next;
  }
  return cur;
}
