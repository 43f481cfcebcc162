// The strategic merge patch directives that need no recursion: `$patch` on a map and in a list,
// `$retainKeys`, and the clean-up of directives and nulls in values copied from the patch.

import { MergeFailure, MERGE_ERRORS } from '../errors.js';
import { goFormat, hasKey, isMap, setKey, type JsonMap, type JsonValue } from '../values.js';
import { findByMergeKey, noMergeKey } from './slices.js';

export const DIRECTIVE_MARKER = '$patch';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';

/** mergepatch.ErrBadPatchType. */
function badPatchType(directive: JsonValue | undefined, m: JsonMap): MergeFailure {
  return new MergeFailure(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(m)}`);
}

/** handleDirectiveInMergeMap: `$patch: replace` keeps the patch map, `delete` empties it. */
export function mapDirective(directive: JsonValue | undefined, patch: JsonMap): JsonMap {
  if (directive === 'replace') {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === 'delete') return {};
  throw badPatchType(directive, patch);
}

/** removeDirectives: drop maps that carry `$patch`, recursively; undefined means "drop me". */
export function removeDirectives(v: JsonValue): JsonValue | undefined {
  if (Array.isArray(v)) {
    const out: JsonValue[] = [];
    for (const item of v) {
      const kept = removeDirectives(item);
      if (kept !== undefined) out.push(kept);
    }
    return out;
  }
  if (!isMap(v)) return v;
  if (hasKey(v, DIRECTIVE_MARKER)) return undefined;
  for (const [k, child] of Object.entries(v)) {
    const kept = removeDirectives(child);
    if (kept === undefined) delete v[k];
    else setKey(v, k, kept);
  }
  return v;
}

/** discardNullValuesFromPatch: null map values vanish at any depth (null list items stay). */
export function discardNulls(v: JsonValue): void {
  if (Array.isArray(v)) {
    v.forEach(discardNulls);
    return;
  }
  if (!isMap(v)) return;
  for (const [k, child] of Object.entries(v)) {
    if (child === null) delete v[k];
    else discardNulls(child);
  }
}

/**
 * applyRetainKeysDirective (server side): with `$retainKeys` in the patch, every patch key must be
 * listed, and original keys not listed are cleared.
 */
export function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!hasKey(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retain = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!Array.isArray(retain)) throw MERGE_ERRORS.badRetainKeys();
  const keep = new Set(retain.filter((k): k is string => typeof k === 'string'));
  for (const [k, v] of Object.entries(patch)) {
    const parallel = k.startsWith('$deleteFromPrimitiveList') || k.startsWith('$setElementOrder');
    if (v === null || parallel) continue;
    if (!keep.has(k)) throw MERGE_ERRORS.badRetainKeys();
  }
  for (const k of Object.keys(original)) {
    if (!keep.has(k)) delete original[k];
  }
}

/**
 * deleteMatchingEntries, as Go's `append(s[:i], s[i+1:]...)` does it: elements shift left inside
 * the caller's own array (its tail keeps a stale copy) and the live length shrinks. Returns the
 * new live length of `list`.
 */
function deleteMatching(
  list: JsonValue[],
  length: number,
  mergeKey: string,
  value: JsonValue | undefined,
): number {
  let n = length;
  for (;;) {
    const found = findByMergeKey(list.slice(0, n), mergeKey, value);
    if (found === undefined) return n;
    list.copyWithin(found.index, found.index + 1, n);
    n--;
  }
}

/** The outcome of the `$patch` items of a merge list. */
export interface ListDirectivesResult {
  /** The live items left after deletions (or the patch's items, after `$patch: replace`). */
  live: JsonValue[];
  /** The patch items without directive items. */
  items: JsonValue[];
  /** The caller's array, shifted in place by deletions; undefined after `$patch: replace`. */
  backing?: JsonValue[];
}

/**
 * mergeSliceWithSpecialElements: apply `$patch: delete` items (in place, see deleteMatching) and
 * `$patch: replace` (the list becomes the patch's other items).
 */
export function listDirectives(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
): ListDirectivesResult {
  const plain: JsonValue[] = [];
  let replace = false;
  let length = original.length;
  for (const v of patch) {
    const item = v as JsonMap;
    if (!hasKey(item, DIRECTIVE_MARKER)) {
      plain.push(v);
      continue;
    }
    const directive = item[DIRECTIVE_MARKER];
    if (directive === 'delete') {
      if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey);
      length = deleteMatching(original, length, mergeKey, item[mergeKey]);
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw new MergeFailure('merging lists cannot yet be specified in the patch');
    } else {
      throw badPatchType(directive, item);
    }
  }
  if (replace) return { live: plain, items: [] };
  return { live: original.slice(0, length), items: plain, backing: original };
}
