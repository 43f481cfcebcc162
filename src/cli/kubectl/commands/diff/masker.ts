// diff's Masker: a Secret's data values never reach the diff; each becomes `***`, or
// `*** (before)` / `*** (after)` where the two versions differ.
import type { Obj } from '../../../../client/types.js';

type Data = Record<string, unknown>;

function dataOf(o: Obj | undefined): Data | undefined {
  const d = (o as unknown as { data?: unknown } | undefined)?.data;
  return d !== null && typeof d === 'object' && !Array.isArray(d) ? { ...(d as Data) } : undefined;
}

function withData(o: Obj | undefined, data: Data | undefined): Obj | undefined {
  if (!o || !data) return o;
  return { ...o, data } as unknown as Obj;
}

/** Masked copies; a missing version becomes null (a nil *Unstructured, which prints `null`). */
export function maskSecrets(from: Obj | undefined, to: Obj | undefined): { from: Obj | null; to: Obj | null } {
  const f = dataOf(from);
  const t = dataOf(to);
  for (const k of Object.keys(f ?? {})) {
    if (t && k in t) {
      if (f![k] !== t[k]) {
        f![k] = '*** (before)';
        t[k] = '*** (after)';
        continue;
      }
      t[k] = '***';
    }
    f![k] = '***';
  }
  for (const k of Object.keys(t ?? {})) if (!f || !(k in f)) t![k] = '***';
  return { from: withData(from, f) ?? null, to: withData(to, t) ?? null };
}
