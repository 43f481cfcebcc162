// JSON merge patch (RFC 7386) as evanphx/json-patch v4 computes and combines it, and
// jsonmergepatch's helpers: keep only the nulls (deletions) or only the rest, and the
// conflict test between two patches.
import { deepEqual, goKind, has, isMap, type JsonMap, type JsonValue } from './values.js';

/** jsonpatch.CreateMergePatch for two objects. */
export function createMergePatch(a: JsonMap, b: JsonMap): JsonMap {
  const into: JsonMap = {};
  for (const key of Object.keys(b)) {
    const bv = b[key]!;
    if (!has(a, key) || goKind(a[key]!) !== goKind(bv)) {
      into[key] = bv;
      continue;
    }
    const av = a[key]!;
    if (isMap(av) && isMap(bv)) {
      const d = createMergePatch(av, bv);
      if (Object.keys(d).length > 0) into[key] = d;
    } else if (!deepEqual(av, bv)) {
      into[key] = bv;
    }
  }
  for (const key of Object.keys(a)) if (!has(b, key)) into[key] = null;
  return into;
}

/** keepOrDeleteNullInObj. */
export function keepOrDeleteNull(m: JsonMap, keepNull: boolean): JsonMap {
  const out: JsonMap = {};
  for (const key of Object.keys(m)) {
    const v = m[key]!;
    if (v === null) {
      if (keepNull) out[key] = null;
    } else if (isMap(v)) {
      if (Object.keys(v).length === 0) {
        if (!keepNull) out[key] = v;
        continue;
      }
      const sub = keepOrDeleteNull(v, keepNull);
      if (Object.keys(sub).length > 0) out[key] = sub;
    } else if (!keepNull) {
      out[key] = v;
    }
  }
  return out;
}

/** mergepatch.HasConflicts. */
export function hasConflicts(left: JsonValue, right: JsonValue): boolean {
  if (isMap(left)) {
    if (!isMap(right)) return true;
    return Object.keys(left).some((k) => has(right, k) && hasConflicts(left[k]!, right[k]!));
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true;
    return left.some((v, i) => hasConflicts(v, right[i]!));
  }
  return !deepEqual(left, right);
}

function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isMap(v)) return v;
  for (const k of Object.keys(v)) {
    if (v[k] === null) delete v[k];
    else v[k] = pruneNulls(v[k]!);
  }
  return v;
}

/** jsonpatch.MergePatch(doc, patch): the patch applied to a document (here another patch). */
export function mergePatches(doc: JsonMap, patch: JsonMap): JsonMap {
  for (const k of Object.keys(patch)) {
    const v = patch[k]!;
    if (v === null) {
      delete doc[k];
      continue;
    }
    const cur = doc[k];
    if (cur === undefined || cur === null) doc[k] = pruneNulls(v);
    else if (isMap(cur) && isMap(v)) doc[k] = mergePatches(cur, v);
    else doc[k] = pruneNulls(v);
  }
  return doc;
}
