// Reading plain JSON objects without trusting their shape: every accessor returns a safe
// default when the field is absent or of another type.

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object at v, or an empty one. */
export const obj = (v: unknown): JsonObject => (isObject(v) ? v : {});

/** The object at v, or undefined. */
export const optObj = (v: unknown): JsonObject | undefined => (isObject(v) ? v : undefined);

/** The array at v, or an empty one. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The array of objects at v (non-objects read as empty objects). */
export const objs = (v: unknown): JsonObject[] => arr(v).map(obj);

/** The string at v, or "" (as Go's zero value). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The number at v, or 0 (as Go's zero value). */
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The number at v, or undefined (a nil pointer). */
export const optNum = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The string at v, or undefined (a nil pointer). */
export const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The map[string]string at v, or undefined. */
export function strMap(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) out[k] = typeof val === 'string' ? val : String(val);
  return out;
}

/** The strings at v (non-strings dropped), or undefined when v is not an array. */
export function strList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : String(x))) : undefined;
}

/** True for values Go decodes to a zero value (absent, null, "", 0, false, [] or {}). */
export function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.values(v).every(isZero);
}

/** apimachinery's Semantic.DeepEqual over JSON: zero values and empty collections equal absence. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isZero(a) && isZero(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

/** Own-property check that treats `undefined` as absent. */
export const has = (o: JsonObject, k: string): boolean => o[k] !== undefined && o[k] !== null;
