// JSON merge patch (RFC 7386) with the behaviour of gopkg.in/evanphx/json-patch.v4 MergePatch,
// which the apiserver uses: objects merge recursively, null deletes, anything else replaces;
// a value that lands where there was nothing (or null, or a non-object) loses its null members.

import { deepCopy, hasKey, isMap, setKey, type JsonMap, type JsonValue } from './values.js';

/** pruneNulls: drop null members of objects, at any depth (null array items stay). */
function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) {
    v.forEach((item) => (item === null ? undefined : pruneNulls(item)));
    return v;
  }
  if (isMap(v)) {
    for (const [k, child] of Object.entries(v)) {
      if (child === null) delete v[k];
      else pruneNulls(child);
    }
  }
  return v;
}

/** merge(cur, patch): recurse only when both are objects. */
function mergeValue(current: JsonValue, patch: JsonValue): JsonValue {
  if (!isMap(current)) return pruneNulls(patch);
  if (!isMap(patch)) return patch;
  mergeDocs(current, patch);
  return current;
}

function mergeDocs(doc: JsonMap, patch: JsonMap): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      delete doc[k];
      continue;
    }
    const current = hasKey(doc, k) ? doc[k] : undefined;
    if (current === undefined || current === null) setKey(doc, k, pruneNulls(v));
    else setKey(doc, k, mergeValue(current, v));
  }
}

/** Applies a merge patch object to an object; neither argument is modified. */
export function jsonMergePatch(original: JsonMap, patch: JsonMap): JsonMap {
  const doc = deepCopy(original);
  mergeDocs(doc, deepCopy(patch));
  return doc;
}
