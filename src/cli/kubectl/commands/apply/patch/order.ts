// How strategicpatch keeps list order when merging: items split into those the patch (or its
// `$setElementOrder/` list) names and those only the server has, each sorted by its own order,
// then interleaved by the server's order (mergeSortedSlice).
import { noMergeKeyError, normalizeSliceOrder } from './lists.js';
import { goEqual, goSprintV, has, isMap, type GoKind, type JsonMap, type JsonValue } from './values.js';

function presentIn(list: JsonValue[], v: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return list.some((x) => goEqual(x, v));
  if (!isMap(v) || !has(v, mergeKey)) throw noMergeKeyError(v, mergeKey);
  return list.some((x, i) => {
    if (!isMap(x)) throw new Error(`value for key ${i} is not a map`);
    return has(x, mergeKey) && goEqual(x[mergeKey], v[mergeKey]);
  });
}

function indexOf(order: JsonValue[], v: JsonValue, mergeKey: string, kind: GoKind): number {
  const val = (x: JsonValue): JsonValue | undefined => (kind === 'map' ? (isMap(x) ? x[mergeKey] : undefined) : x);
  const want = val(v);
  return order.findIndex((x) => {
    const got = val(x);
    return want === undefined || got === undefined ? want === got : goEqual(want, got);
  });
}

/** mergeSortedSlice: `left` items placed into `right` where the server order says they go. */
function mergeSorted(left: JsonValue[], right: JsonValue[], serverOrder: JsonValue[], mergeKey: string, kind: GoKind): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]!);
    else if (j >= right.length) out.push(left[i++]!);
    else {
      const li = indexOf(serverOrder, left[i]!, mergeKey, kind);
      const ri = indexOf(serverOrder, right[j]!, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]!);
      else out.push(right[j++]!);
    }
  }
  return out;
}

/** partition + normalizeElementOrder. */
export function orderMerged(merged: JsonValue[], patchOrder: JsonValue[], serverOrder: JsonValue[], mergeKey: string, kind: GoKind): JsonValue[] {
  const inPatch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of merged) (presentIn(patchOrder, v, mergeKey) ? inPatch : serverOnly).push(v);
  const p = normalizeSliceOrder(inPatch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSorted(s, p, serverOrder, mergeKey, kind);
}

function mergeKeyEqual(a: JsonValue, b: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(a, b);
  if (!isMap(a) || !isMap(b)) throw new Error('expected a map[string]interface {}');
  if (!has(a, mergeKey)) throw noMergeKeyError(a, mergeKey);
  if (!has(b, mergeKey)) throw noMergeKeyError(b, mergeKey);
  return goEqual(a[mergeKey], b[mergeKey]);
}

/** validatePatchWithSetOrderList: the patch list's items appear in the order list's order. */
export function validateSetOrder(patchList: JsonValue[], order: JsonValue[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey === '' ? patchList : patchList.filter((m) => !(isMap(m) && m.$patch === 'delete'));
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    if (isMap(items[p]) && has(items[p] as JsonMap, '$patch')) {
      p++;
      continue;
    }
    if (mergeKeyEqual(items[p]!, order[s]!, mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw new Error(`The order in patch list:\n${goSprintV(patchList)}\n doesn't match $setElementOrder list:\n${goSprintV(order)}\n`);
  }
}
