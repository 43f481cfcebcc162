// strategicpatch's mergeMap as CreateThreeWayMergePatch calls it (MergeParallelList and
// IgnoreUnmatchedNulls off): merging the changes patch into the deletions patch, keeping the
// parallel lists and `$retainKeys` as they are and ordering merged lists by `$setElementOrder/`.
import { DELETE_PRIMITIVE_PREFIX, DIRECTIVE, RETAIN_KEYS, SET_ORDER_PREFIX } from './options.js';
import { deduplicateScalars, noMergeKeyError, normalizeSliceOrder, sliceElementKind } from './lists.js';
import { splitStrategies, type Lookup } from './meta.js';
import { orderMerged, validateSetOrder } from './order.js';
import { deepEqual, goEqual, goKind, goSprintV, has, isMap, type JsonMap, type JsonValue } from './values.js';

const BAD_SET_ORDER = 'invalid patch format of $setElementOrder list';

function directiveMap(directive: JsonValue, patch: JsonMap): JsonMap {
  if (directive === 'replace') {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === 'delete') return {};
  throw new Error(`Unknown patch type: ${goSprintV(directive)} in map: ${goSprintV(patch)}`);
}

/** removeDirectives: maps holding `$patch` disappear (undefined), recursively. */
export function removeDirectives(v: JsonValue): JsonValue | undefined {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(removeDirectives).filter((x): x is JsonValue => x !== undefined);
  if (!isMap(v)) return v;
  if (has(v, DIRECTIVE)) return undefined;
  for (const k of Object.keys(v)) {
    const kept = removeDirectives(v[k]!);
    if (kept === undefined) delete v[k];
    else v[k] = kept;
  }
  return v;
}

function setWithoutDirectives(original: JsonMap, k: string, v: JsonValue): void {
  const kept = removeDirectives(v);
  if (kept === undefined) delete original[k];
  else original[k] = kept;
}

export function mergeMap(original: JsonMap, patch: JsonMap, schema: Lookup): JsonMap {
  if (has(patch, DIRECTIVE)) return directiveMap(patch[DIRECTIVE]!, patch);
  if (has(patch, RETAIN_KEYS)) {
    const keys = patch[RETAIN_KEYS]!;
    delete patch[RETAIN_KEYS];
    if (!has(original, RETAIN_KEYS)) original[RETAIN_KEYS] = keys;
    else if (!deepEqual(original[RETAIN_KEYS], keys)) {
      throw new Error(`${goSprintV(original[RETAIN_KEYS])} and ${goSprintV(keys)} are not deep equal: this may happen when calculating the 3-way diff patch`);
    }
  }
  mergeSetOrderLists(original, patch, schema);
  for (const k of Object.keys(patch)) mergeKey(original, k, patch[k]!, schema);
  return original;
}

function mergeKey(original: JsonMap, k: string, patchV: JsonValue, schema: Lookup): void {
  if (k.startsWith(DELETE_PRIMITIVE_PREFIX)) {
    original[k] = patchV;
    return;
  }
  if (patchV === null) delete original[k];
  if (!has(original, k) || goKind(original[k]!) !== goKind(patchV)) {
    setWithoutDirectives(original, k, patchV);
    return;
  }
  const cur = original[k]!;
  if (isMap(cur) && isMap(patchV)) {
    const { schema: sub, meta } = schema.forStruct(k);
    original[k] = splitStrategies(meta.strategies).strategy === 'replace' ? patchV : mergeMap(cur, patchV, sub);
  } else if (Array.isArray(cur) && Array.isArray(patchV)) {
    const { schema: sub, meta } = schema.forSlice(k);
    const strategy = splitStrategies(meta.strategies).strategy;
    original[k] = strategy === 'merge' ? mergeSlice(cur, patchV, sub, meta.mergeKey) : patchV;
  } else {
    setWithoutDirectives(original, k, patchV);
  }
}

/** mergePatchIntoOriginal: each `$setElementOrder/` list with its list, merged and ordered. */
function mergeSetOrderLists(original: JsonMap, patch: JsonMap, schema: Lookup): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ORDER_PREFIX)) continue;
    const order = patch[key]!;
    if (!has(original, key)) original[key] = order;
    else if (!deepEqual(original[key], order)) throw new Error(BAD_SET_ORDER);
    delete patch[key];
    if (!Array.isArray(order)) throw new Error(`expected a []interface {}, but received a ${goKind(order)}`);
    const slash = key.indexOf('/');
    if (slash < 0) throw new Error(BAD_SET_ORDER);
    const field = key.slice(slash + 1);
    const origList = original[field];
    const patchList = patch[field];
    const { schema: sub, meta } = schema.forSlice(field);
    const strategy = splitStrategies(meta.strategies).strategy;
    validateSetOrder(Array.isArray(patchList) ? patchList : [], order, meta.mergeKey);
    let merged: JsonValue[];
    if (origList !== undefined && patchList === undefined) merged = origList as JsonValue[];
    else if (origList === undefined && patchList !== undefined) merged = removeDirectives(patchList) as JsonValue[];
    else if (origList !== undefined && patchList !== undefined) {
      merged = strategy === 'merge' ? mergeSlice(origList as JsonValue[], patchList as JsonValue[], sub, meta.mergeKey) : (patchList as JsonValue[]);
    } else continue;
    const origValues = Array.isArray(origList) ? origList : [];
    const kind = sliceElementKind(origValues, Array.isArray(patchList) ? patchList : []);
    original[field] = orderMerged(merged, order, origValues, meta.mergeKey, kind);
    delete patch[field];
  }
}

function findByKey(list: JsonValue[], key: string, value: JsonValue): number {
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    if (!isMap(m)) throw new Error(`value for key ${i} is not a map`);
    if (has(m, key) && goEqual(m[key], value)) return i;
  }
  return -1;
}

/** mergeSlice: scalars concatenated and deduplicated; maps merged by key, `$patch` items honoured. */
export function mergeSlice(original: JsonValue[], patch: JsonValue[], schema: Lookup, mergeKey: string): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  let orig = original;
  let items = patch;
  let merged: JsonValue[];
  if (kind !== 'map') {
    merged = deduplicateScalars([...orig, ...items]);
  } else {
    if (mergeKey === '') throw new Error(`cannot merge lists without merge key for ${schema.name()}`);
    ({ orig, items } = applySpecialElements(orig, items, mergeKey));
    merged = [...orig];
    for (const v of items) {
      const m = v as JsonMap;
      if (!has(m, mergeKey)) throw noMergeKeyError(m, mergeKey);
      const at = findByKey(merged, mergeKey, m[mergeKey]!);
      if (at >= 0) merged[at] = mergeMap(merged[at] as JsonMap, m, schema);
      else merged.push(v);
    }
  }
  return orderMerged(merged, items, orig, mergeKey, kind);
}

/** mergeSliceWithSpecialElements: `$patch: delete` removes, `$patch: replace` takes the patch. */
function applySpecialElements(original: JsonValue[], patch: JsonValue[], mergeKey: string): { orig: JsonValue[]; items: JsonValue[] } {
  let orig = original;
  const rest: JsonValue[] = [];
  let replace = false;
  for (const v of patch) {
    const m = v as JsonMap;
    if (!has(m, DIRECTIVE)) {
      rest.push(v);
      continue;
    }
    const d = m[DIRECTIVE];
    if (d === 'delete') {
      if (!has(m, mergeKey)) throw noMergeKeyError(m, mergeKey);
      orig = orig.filter((x) => !(isMap(x) && has(x, mergeKey) && goEqual(x[mergeKey], m[mergeKey])));
    } else if (d === 'replace') replace = true;
    else if (d === 'merge') throw new Error('merging lists cannot yet be specified in the patch');
    else throw new Error(`Unknown patch type: ${goSprintV(d ?? null)} in map: ${goSprintV(m)}`);
  }
  return replace ? { orig: rest, items: [] } : { orig, items: rest };
}

export { normalizeSliceOrder };
