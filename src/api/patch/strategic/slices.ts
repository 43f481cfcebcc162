// List helpers of strategicpatch: element types, merge-key look-ups, de-duplication and the
// partitions used to restore element order. Comparisons follow Go's `==` on interface values.

import { MergeFailure, MERGE_ERRORS } from '../errors.js';
import {
  goEqual,
  goFormat,
  goKind,
  goScalarKey,
  goTypeName,
  hasKey,
  isMap,
  type GoKind,
  type JsonMap,
  type JsonValue,
} from '../values.js';

/** mergepatch.ErrBadArgType(expected, actual). */
export function badArgType(expected: string, actual: JsonValue | undefined): MergeFailure {
  return new MergeFailure(`expected a ${expected}, but received a ${goTypeName(actual)}`);
}

/** mergepatch.ErrNoMergeKey. */
export function noMergeKey(m: JsonMap, key: string): MergeFailure {
  return new MergeFailure(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);
}

export const MAP_TYPE = 'map[string]interface {}';
export const SLICE_TYPE = '[]interface {}';

/** sliceElementType: the one Go type of every element of the given lists. */
export function sliceElementType(...slices: JsonValue[][]): GoKind {
  let prev: GoKind | undefined;
  for (const s of slices) {
    for (const v of s) {
      const current = goKind(v);
      if (prev === undefined) {
        prev = current;
        if (prev === 'slice') throw MERGE_ERRORS.noListOfLists();
      } else if (prev !== current) {
        throw new MergeFailure(`list element types are not identical: ${goFormat(slices)}`);
      }
    }
  }
  if (prev === undefined) throw new MergeFailure('no elements in any of the given slices');
  return prev;
}

/** findMapInSliceBasedOnKeyValue: the first map whose `key` equals `value`. */
export function findByMergeKey(
  list: JsonValue[],
  key: string,
  value: JsonValue | undefined,
): { map: JsonMap; index: number } | undefined {
  for (const [index, v] of list.entries()) {
    if (!isMap(v)) throw new MergeFailure(`value for key ${index} is not a map`);
    if (hasKey(v, key) && goEqual(v[key], value)) return { map: v, index };
  }
  return undefined;
}

/** deduplicateScalars, including its habit of moving the last element into a duplicate's place. */
export function deduplicateScalars(input: JsonValue[]): JsonValue[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(s[i], s[j])) {
        s[j] = s[length] as JsonValue;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** deleteFromSlice: the parallel $deleteFromPrimitiveList removes every occurrence. */
export function deleteFromSlice(current: JsonValue[], toDelete: JsonValue[]): JsonValue[] {
  const doomed = new Set(toDelete.map(goScalarKey));
  return current.filter((v) => !doomed.has(goScalarKey(v)));
}

/** partitionPrimitivesByPresentInList: [present in partitionBy, not present]. */
export function partitionPrimitives(
  list: JsonValue[],
  partitionBy: JsonValue[],
): [JsonValue[], JsonValue[]] {
  const inPatch = new Set(partitionBy.map(goScalarKey));
  const present = list.filter((v) => inPatch.has(goScalarKey(v)));
  const absent = list.filter((v) => !inPatch.has(goScalarKey(v)));
  return [present, absent];
}

/** partitionMapsByPresentInList: by merge-key value. */
export function partitionMaps(
  list: JsonValue[],
  partitionBy: JsonValue[],
  mergeKey: string,
): [JsonValue[], JsonValue[]] {
  const present: JsonValue[] = [];
  const absent: JsonValue[] = [];
  for (const v of list) {
    if (!isMap(v)) throw badArgType(MAP_TYPE, v);
    if (!hasKey(v, mergeKey)) throw noMergeKey(v, mergeKey);
    const found = findByMergeKey(partitionBy, mergeKey, v[mergeKey]);
    (found === undefined ? absent : present).push(v);
  }
  return [present, absent];
}

/** index(): position of an item in a list, by merge-key value for maps, by value otherwise. */
export function indexOfItem(
  list: JsonValue[],
  item: JsonValue,
  mergeKey: string,
  kind: GoKind,
): number {
  const valueOf = (v: JsonValue): JsonValue | undefined =>
    kind === 'map' ? (isMap(v) && hasKey(v, mergeKey) ? (v[mergeKey] ?? null) : null) : v;
  const wanted = valueOf(item);
  return list.findIndex((v) => goEqual(valueOf(v), wanted));
}
