// Element order after a list merge, and the `$setElementOrder/<field>` directive
// (design-proposals-archive/cli/preserve-order-in-strategic-merge-patch.md): the precedence is
// $setElementOrder > order in the patch list > order in the live list.

import { MergeFailure, MERGE_ERRORS } from '../errors.js';
import { lookupField, type FieldLookup, type PatchSchema } from '../schema/lookup.js';
import {
  goEqual,
  goFormat,
  hasKey,
  isMap,
  setKey,
  type GoKind,
  type JsonMap,
  type JsonValue,
} from '../values.js';
import { DIRECTIVE_MARKER, removeDirectives } from './directives.js';
import {
  badArgType,
  indexOfItem,
  MAP_TYPE,
  noMergeKey,
  partitionMaps,
  partitionPrimitives,
  SLICE_TYPE,
  sliceElementType,
} from './slices.js';

export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';

/** Merges two lists of a field by its strategy (mergeSliceHandler, never a deletion list). */
export type ListMerger = (
  original: JsonValue[],
  patch: JsonValue[],
  field: FieldLookup,
) => JsonValue[];

/** extractKey: the field a `$prefix/<field>` key names. */
export function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw MERGE_ERRORS.badPrimitiveList();
    throw MERGE_ERRORS.badSetElementOrder();
  }
  return key.slice(slash + 1);
}

/** Go's sort.SliceStable for the short lists it sorts here (insertion sort, same swaps). */
function insertionSort(items: JsonValue[], less: (a: JsonValue, b: JsonValue) => boolean): void {
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j] as JsonValue, items[j - 1] as JsonValue); j--) {
      [items[j], items[j - 1]] = [items[j - 1] as JsonValue, items[j] as JsonValue];
    }
  }
}

/** extractToDeleteItems: [items to keep, items carrying `$patch: delete`]. */
function splitDeletions(list: JsonValue[]): [JsonValue[], JsonValue[]] {
  const keep: JsonValue[] = [];
  const doomed: JsonValue[] = [];
  for (const v of list) {
    if (!isMap(v)) throw badArgType(MAP_TYPE, v);
    (hasKey(v, DIRECTIVE_MARKER) && v[DIRECTIVE_MARKER] === 'delete' ? doomed : keep).push(v);
  }
  return [keep, doomed];
}

function requireMergeKeys(mergeKey: string, ...lists: JsonValue[][]): void {
  for (const item of lists.flat()) {
    if (!isMap(item)) throw badArgType(MAP_TYPE, item);
    if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey);
  }
}

/** normalizeSliceOrder: sort `toSort` by the positions in `order`; deletions go last. */
function sortByOrder(
  toSort: JsonValue[],
  order: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  let items = [...toSort];
  let doomed: JsonValue[] = [];
  if (kind === 'map') {
    requireMergeKeys(mergeKey, items, order);
    [items, doomed] = splitDeletions(items);
  }
  insertionSort(items, (a, b) => {
    const ia = indexOfItem(order, a, mergeKey, kind);
    const ib = ia >= 0 ? indexOfItem(order, b, mergeKey, kind) : -1;
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  });
  return [...items, ...doomed];
}

/** mergeSortedSlice: interleave server-only items into the patch items by live order. */
function interleave(
  left: JsonValue[],
  right: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const l = left[i];
    const r = right[j];
    if (l === undefined) out.push(right[j++] as JsonValue);
    else if (r === undefined) out.push(left[i++] as JsonValue);
    else {
      const li = indexOfItem(serverOrder, l, mergeKey, kind);
      const ri = indexOfItem(serverOrder, r, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] as JsonValue);
      else out.push(right[j++] as JsonValue);
    }
  }
  return out;
}

/** normalizeElementOrder: patch items in patch order, server-only items in live order, merged. */
export function normalizeElementOrder(
  patch: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  const sortedPatch = sortByOrder(patch, patchOrder, mergeKey, kind);
  const sortedServer = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  return interleave(sortedServer, sortedPatch, serverOrder, mergeKey, kind);
}

function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(left, right);
  if (!isMap(left)) throw badArgType(MAP_TYPE, left);
  if (!isMap(right)) throw badArgType(MAP_TYPE, right);
  if (!hasKey(left, mergeKey)) throw noMergeKey(left, mergeKey);
  if (!hasKey(right, mergeKey)) throw noMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}

/** validatePatchWithSetOrderList: patch items must appear in $setElementOrder, in its order. */
function validateAgainstOrder(patchList: JsonValue[], order: JsonValue[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey === '' ? patchList : splitDeletions(patchList)[0];
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    const item = items[p] as JsonValue;
    if (isMap(item) && hasKey(item, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, order[s] as JsonValue, mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw new MergeFailure(
      `The order in patch list:\n${goFormat(patchList)}\n` +
        ` doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goFormat(order)}\n`,
    );
  }
}

function listAt(m: JsonMap, key: string): JsonValue[] | undefined {
  if (!hasKey(m, key)) return undefined;
  const v = m[key];
  if (!Array.isArray(v)) throw badArgType(SLICE_TYPE, v);
  return v;
}

/**
 * mergePatchIntoOriginal: for every `$setElementOrder/<field>` in the patch, merge that field's
 * list now and put the result in the directive's order; both keys leave the patch.
 */
export function applySetElementOrder(
  original: JsonMap,
  patch: JsonMap,
  schema: PatchSchema,
  mergeList: ListMerger,
): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw badArgType(SLICE_TYPE, order);
    const field = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const originalList = listAt(original, field);
    const patchList = listAt(patch, field);
    const lookup = lookupField(schema, field);
    validateAgainstOrder(patchList ?? [], order, lookup.meta.mergeKey);
    const merged = mergedList(originalList, patchList, lookup, mergeList);
    if (merged === undefined) continue;
    const mergeKey = lookup.meta.mergeKey;
    setKey(original, field, orderAs(merged, order, originalList ?? [], patchList ?? [], mergeKey));
    delete patch[field];
  }
}

function mergedList(
  originalList: JsonValue[] | undefined,
  patchList: JsonValue[] | undefined,
  lookup: FieldLookup,
  mergeList: ListMerger,
): JsonValue[] | undefined {
  if (originalList !== undefined && patchList === undefined) return originalList;
  if (originalList === undefined && patchList !== undefined) {
    return removeDirectives(patchList) as JsonValue[];
  }
  if (originalList !== undefined && patchList !== undefined) {
    return mergeList(originalList, patchList, lookup);
  }
  return undefined;
}

function orderAs(
  merged: JsonValue[],
  order: JsonValue[],
  originalList: JsonValue[],
  patchList: JsonValue[],
  mergeKey: string,
): JsonValue[] {
  const [patchItems, serverOnly] =
    mergeKey === '' ? partitionPrimitives(merged, order) : partitionMaps(merged, order, mergeKey);
  const kind = sliceElementType(originalList, patchList);
  return normalizeElementOrder(patchItems, serverOnly, order, originalList, mergeKey, kind);
}
