// SetDefaults_ResourceList and Quantity serialisation: every quantity is rounded up to milli
// units and written back in canonical form ("1024Mi" → "1Gi", "0.5" → "500m", 1 → "1").
import { isObject, type JsonObject } from '../validation/json.js';
import { parseQuantity, quantityString, roundUpMilli } from '../validation/quantity.js';

/** The canonical text of one quantity value (left alone when it does not parse). */
export function canonicalQuantityValue(v: unknown, roundMilli = false): unknown {
  if (typeof v !== 'string' && typeof v !== 'number') return v;
  const q = parseQuantity(String(v));
  if (!q) return v;
  return quantityString(roundMilli ? roundUpMilli(q) : q);
}

/** Canonicalises a ResourceList in place (rounding up to milli units, as the defaulter does). */
export function defaultResourceList(list: unknown): void {
  if (!isObject(list)) return;
  for (const k of Object.keys(list)) list[k] = canonicalQuantityValue(list[k], true);
}

/** Canonicalises the ResourceLists found at the given keys of an object. */
export function defaultResourceLists(o: JsonObject | undefined, keys: readonly string[]): void {
  if (!o) return;
  for (const k of keys) defaultResourceList(o[k]);
}
