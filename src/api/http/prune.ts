// After a patch, the object is what Go would get by decoding the result into the API type:
// directive keys ($setElementOrder/…, $patch) and null members vanish (a null
// creationTimestamp stays, as a zero metav1.Time marshals to null).
// Top-level fields that are runtime.RawExtension are kept byte for byte (a ControllerRevision's
// data is a patch that carries `$patch: replace`).
export function pruneDecoded(v: unknown, rawFields: readonly string[] = []): unknown {
  if (Array.isArray(v)) return v.map((x) => pruneDecoded(x));
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (rawFields.includes(k)) {
      out[k] = x;
      continue;
    }
    if (k.startsWith('$')) continue;
    if (x === null && k !== 'creationTimestamp') continue;
    out[k] = pruneDecoded(x);
  }
  return out;
}

/** The RawExtension fields of a kind's objects. */
export const rawFieldsOf = (kind: string): readonly string[] => (kind === 'ControllerRevision' ? ['data'] : []);
