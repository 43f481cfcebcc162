// After a patch, the object is what Go would get by decoding the result into the API type:
// directive keys ($setElementOrder/…, $patch) and null members vanish (a null
// creationTimestamp stays, as a zero metav1.Time marshals to null).
export function pruneDecoded(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneDecoded);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (x === null && k !== 'creationTimestamp') continue;
    out[k] = pruneDecoded(x);
  }
  return out;
}
