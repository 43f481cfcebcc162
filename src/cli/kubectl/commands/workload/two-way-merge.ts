// strategicpatch.CreateTwoWayMergePatch as kubectl's set/rollout/cordon call it: the patch that
// turns the object as read into the object as changed. Maps diff key by key (a dropped key is
// null); lists that merge by a key diff element by element, with `$patch: delete` for dropped
// elements and a `$setElementOrder/<list>` directive; every other list is replaced when it
// differs. The result is sent as application/strategic-merge-patch+json with sorted keys.
import { deepEqual, goCompact, isRecord, type Json } from './json-values.js';
import { fieldMeta, schemaForKind, type TypeMeta } from './patch-schema.js';

const keyString = (v: unknown): string => (v === undefined || v === null ? '<nil>' : String(v));
const byKey = (k: string) => (a: unknown, b: unknown): number => {
  const x = keyString((a as Json)[k]);
  const y = keyString((b as Json)[k]);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** normalizeSliceOrder: patch elements in the order of the modified list, deletions last. */
function inModifiedOrder(patch: Json[], modified: Json[], key: string): Json[] {
  const order = (e: Json): number => modified.findIndex((m) => m[key] === e[key]);
  const kept = patch.filter((e) => e.$patch !== 'delete');
  const deleted = patch.filter((e) => e.$patch === 'delete');
  kept.sort((a, b) => {
    const i = order(a);
    const j = order(b);
    return i >= 0 && j >= 0 ? i - j : 0;
  });
  return [...kept, ...deleted];
}

/** diffListsOfMaps: walks both lists sorted by the merge key. */
function diffListsOfMaps(original: Json[], modified: Json[], sub: TypeMeta, key: string): { patch: Json[]; deletions: Json[] } {
  const o = [...original].sort(byKey(key));
  const m = [...modified].sort(byKey(key));
  const patch: Json[] = [];
  const deletions: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const ok = i < o.length ? keyString(o[i]![key]) : undefined;
    const mk = j < m.length ? keyString(m[j]![key]) : undefined;
    if (ok !== undefined && mk !== undefined && ok === mk) {
      const d = diffMaps(o[i]!, m[j]!, sub);
      if (Object.keys(d).length > 0) patch.push({ ...d, [key]: m[j]![key] });
      i++;
      j++;
    } else if (ok === undefined || (mk !== undefined && ok > mk)) {
      patch.push(m[j]!);
      j++;
    } else {
      deletions.push({ $patch: 'delete', [key]: o[i]![key] });
      i++;
    }
  }
  return { patch, deletions };
}

function sameOrder(original: Json[], modified: Json[], key: string): boolean {
  return original.length === modified.length && modified.every((m, i) => deepEqual(original[i]?.[key], m[key]));
}

function diffMergeList(field: string, original: unknown[], modified: unknown[], sub: TypeMeta, key: string, out: Json): void {
  if (original.length === 0) {
    if (modified.length > 0) out[field] = modified;
    return;
  }
  if (!original.every(isRecord) || !modified.every(isRecord)) {
    if (!deepEqual(original, modified)) out[field] = modified;
    return;
  }
  const { patch, deletions } = diffListsOfMaps(original, modified, sub, key);
  const all = [...inModifiedOrder(patch, modified, key), ...deletions];
  if (all.length > 0) out[field] = all;
  if (all.length > 0 || !sameOrder(original, modified, key)) {
    out[`$setElementOrder/${field}`] = modified.map((m) => ({ [key]: m[key] }));
  }
}

/** diffMaps: the patch between two maps of one type. */
export function diffMaps(original: Json, modified: Json, schema: TypeMeta): Json {
  const out: Json = {};
  for (const [k, mv] of Object.entries(modified)) {
    if (!(k in original)) {
      out[k] = mv;
      continue;
    }
    const ov = original[k];
    const { meta, sub } = fieldMeta(schema, k);
    if (isRecord(ov) && isRecord(mv)) {
      const d = diffMaps(ov, mv, sub);
      if (Object.keys(d).length > 0) out[k] = d;
    } else if (Array.isArray(ov) && Array.isArray(mv) && meta.key !== undefined) {
      diffMergeList(k, ov, mv, sub, meta.key, out);
    } else if (!deepEqual(ov, mv)) {
      out[k] = mv;
    }
  }
  for (const k of Object.keys(original)) if (!(k in modified)) out[k] = null;
  return out;
}

/** The patch for an object of `kind`, as the bytes kubectl sends (`{}` when nothing changed). */
export function twoWayMergePatch(original: Json, modified: Json, kind: string): string {
  return goCompact(diffMaps(original, modified, schemaForKind(kind)), true);
}
