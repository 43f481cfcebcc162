// The list helpers of strategicpatch: Go's sort.Sort / sort.SliceStable as they order small
// slices (insertion sort, with the package's non-strict `<=` comparisons), scalar lists compared
// through their %v text, lists of maps paired by merge key.
import type { DiffOptions } from './options.js';
import type { Lookup } from './meta.js';
import { goEqual, goKind, goLess, goSprintV, has, isMap, type GoKind, type JsonMap, type JsonValue } from './values.js';

/** Go's insertion sort (what sort.Sort and sort.Stable do for short slices). */
function insertionSort<T>(s: T[], less: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < s.length; i++) {
    for (let j = i; j > 0 && less(s[j]!, s[j - 1]!); j--) [s[j], s[j - 1]] = [s[j - 1]!, s[j]!];
  }
  return s;
}

/** sort.Sort with a `<=` Less: exact for up to 12 items (Go's pdqsort insertion-sorts those). */
function goSort<T>(s: T[], key: (v: T) => string): T[] {
  const lessEq = (a: T, b: T): boolean => !goLess(key(b), key(a));
  if (s.length <= 12) return insertionSort(s, lessEq);
  return s.sort((a, b) => (goLess(key(a), key(b)) ? -1 : goLess(key(b), key(a)) ? 1 : 0));
}

export const sortScalars = (s: JsonValue[]): JsonValue[] => goSort(s, goSprintV);

/** deduplicateScalars: Go's swap-with-last removal of repeats. */
export function deduplicateScalars(input: JsonValue[]): JsonValue[] {
  const s = input;
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(s[i], s[j])) {
        s[j] = s[length]!;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

export function sortMapsByField(s: JsonValue[], field: string): JsonValue[] {
  return goSort([...s], (v) => goSprintV((v as JsonMap)[field]));
}

/** sliceElementType: the one Go kind of all items, or the upstream errors. */
export function sliceElementKind(...slices: JsonValue[][]): GoKind {
  let prev: GoKind | undefined;
  for (const s of slices) {
    for (const v of s) {
      const k = goKind(v);
      if (prev === undefined) {
        prev = k;
        if (k === 'slice') throw new Error('lists of lists are not supported');
      } else if (prev !== k) {
        throw new Error(`list element types are not identical: ${goSprintV(slices)}`);
      }
    }
  }
  if (prev === undefined) throw new Error('no elements in any of the given slices');
  return prev;
}

export function noMergeKeyError(m: JsonValue, key: string): Error {
  return new Error(`map: ${goSprintV(m)} does not contain declared merge key: ${key}`);
}

function indexIn(list: JsonValue[], v: JsonValue, mergeKey: string, kind: GoKind): number {
  const val = (x: JsonValue): JsonValue | undefined => (kind === 'map' ? (isMap(x) ? x[mergeKey] : undefined) : x);
  const want = val(v);
  return list.findIndex((x) => {
    const got = val(x);
    return want === undefined || got === undefined ? want === got : goEqual(want, got);
  });
}

/** normalizeSliceOrder: sort.SliceStable by position in `order`; `$patch: delete` items last. */
export function normalizeSliceOrder(toSort: JsonValue[], order: JsonValue[], mergeKey: string, kind: GoKind): JsonValue[] {
  let items = [...toSort];
  const deletions: JsonValue[] = [];
  if (kind === 'map') {
    for (const l of [toSort, order]) for (const m of l) if (!isMap(m) || !has(m, mergeKey)) throw noMergeKeyError(m, mergeKey);
    items = toSort.filter((m) => (m as JsonMap).$patch !== 'delete');
    deletions.push(...toSort.filter((m) => (m as JsonMap).$patch === 'delete'));
  }
  const less = (a: JsonValue, b: JsonValue): boolean => {
    const ia = indexIn(order, a, mergeKey, kind);
    const ib = indexIn(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  };
  return [...insertionSort(items, less), ...deletions];
}

/** diffListsOfScalars: additions and deletions between two scalar lists, compared as sorted %v text. */
export function diffListOfScalars(orig: JsonValue[], mod: JsonValue[], o: DiffOptions): { add: JsonValue[]; del: JsonValue[]; sortedOriginal: JsonValue[] } {
  const a = sortScalars(orig);
  const b = sortScalars([...mod]);
  const add: JsonValue[] = [];
  const del: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const sa = i < a.length ? goSprintV(a[i]) : undefined;
    const sb = j < b.length ? goSprintV(b[j]) : undefined;
    if (sa !== undefined && sb !== undefined && sa === sb) {
      i++;
      j++;
    } else if (sa === undefined || (sb !== undefined && goLess(sb, sa))) {
      if (!o.ignoreChangesAndAdditions) add.push(b[j]!);
      j++;
    } else {
      if (!o.ignoreDeletions) del.push(a[i]!);
      i++;
    }
  }
  return { add, del: deduplicateScalars(del), sortedOriginal: a };
}

type DiffMapsFn = (original: JsonMap, modified: JsonMap, schema: Lookup, o: DiffOptions) => JsonMap;

function keyed(list: JsonValue[], mergeKey: string, i: number): { m: JsonMap; v: JsonValue; s: string } {
  const m = list[i];
  if (!isMap(m)) throw new Error(`expected a map[string]interface {}, but received a ${goKind(m ?? null)}`);
  if (!has(m, mergeKey)) throw noMergeKeyError(m, mergeKey);
  return { m, v: m[mergeKey]!, s: goSprintV(m[mergeKey]) };
}

/** diffListsOfMaps: items paired by merge key (as %v text); deletions as `$patch: delete`. */
export function diffListOfMaps(orig: JsonValue[], mod: JsonValue[], schema: Lookup, mergeKey: string, o: DiffOptions, diffMaps: DiffMapsFn): { patch: JsonValue[]; deletions: JsonValue[] } {
  const a = sortMapsByField(orig, mergeKey);
  const b = sortMapsByField(mod, mergeKey);
  const patch: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? keyed(a, mergeKey, i) : undefined;
    const y = j < b.length ? keyed(b, mergeKey, j) : undefined;
    if (x && y && x.s === y.s) {
      const p = diffMaps(x.m, y.m, schema, o);
      if (Object.keys(p).length > 0) patch.push({ ...p, [mergeKey]: y.v });
      i++;
      j++;
    } else if (!x || (y && goLess(y.s, x.s))) {
      if (!o.ignoreChangesAndAdditions) patch.push(y!.m);
      j++;
    } else {
      if (!o.ignoreDeletions) deletions.push({ [mergeKey]: x.v, $patch: 'delete' });
      i++;
    }
  }
  return { patch, deletions };
}
