// Applying a strategic merge patch as the apiserver does (strategicpatch.StrategicMergeMapPatch
// with MergeParallelList and IgnoreUnmatchedNulls): maps merge key by key, null deletes, lists go
// by their field's patchStrategy, and the `$patch`, `$retainKeys`, `$setElementOrder/` and
// `$deleteFromPrimitiveList/` directives are honoured. Works in place on its (copied) inputs.

import { MergeFailure } from '../errors.js';
import { lookupField, schemaName, type FieldLookup, type PatchSchema } from '../schema/lookup.js';
import {
  deepCopy,
  goKind,
  hasKey,
  isMap,
  setKey,
  type JsonMap,
  type JsonValue,
} from '../values.js';
import {
  applyRetainKeys,
  DIRECTIVE_MARKER,
  discardNulls,
  listDirectives,
  mapDirective,
  type ListDirectivesResult,
  removeDirectives,
} from './directives.js';
import {
  applySetElementOrder,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  extractKey,
  normalizeElementOrder,
} from './element-order.js';
import {
  deduplicateScalars,
  deleteFromSlice,
  findByMergeKey,
  noMergeKey,
  partitionMaps,
  partitionPrimitives,
  sliceElementType,
} from './slices.js';

/** Applies `patch` to `original` under `schema`; neither argument is modified. */
export function strategicMerge(original: JsonMap, patch: JsonMap, schema: PatchSchema): JsonMap {
  return mergeMap(deepCopy(original), deepCopy(patch), schema);
}

/** mergeMap: one level of a strategic merge, recursing into maps and lists. */
function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema): JsonMap {
  if (hasKey(patch, DIRECTIVE_MARKER)) return mapDirective(patch[DIRECTIVE_MARKER], patch);
  applyRetainKeys(original, patch);
  applySetElementOrder(original, patch, schema, (o, p, field) => mergeList(o, p, field, false));
  for (const [key, patchValue] of Object.entries(patch)) {
    mergeKeyInto(original, key, patchValue, schema);
  }
  return original;
}

/** The patch value as it lands where the original has nothing comparable. */
function takePatchValue(original: JsonMap, key: string, patchValue: JsonValue): void {
  discardNulls(patchValue);
  const kept = removeDirectives(patchValue);
  if (kept === undefined) delete original[key];
  else setKey(original, key, kept);
}

function mergeKeyInto(
  original: JsonMap,
  rawKey: string,
  patchValue: JsonValue,
  schema: PatchSchema,
): void {
  const isDeleteList = rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX);
  const field = isDeleteList ? extractKey(rawKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX) : rawKey;
  const key = field === '' ? rawKey : field;
  if (patchValue === null) {
    delete original[key];
    return;
  }
  const originalValue = hasKey(original, key) ? original[key] : undefined;
  if (originalValue === undefined || goKind(originalValue) !== goKind(patchValue)) {
    if (!isDeleteList) takePatchValue(original, key, patchValue);
    return;
  }
  if (Array.isArray(originalValue) && Array.isArray(patchValue)) {
    const field = lookupField(schema, key);
    setKey(original, key, mergeList(originalValue, patchValue, field, isDeleteList));
  } else if (isMap(originalValue) && isMap(patchValue)) {
    setKey(original, key, mergeChildMap(originalValue, patchValue, lookupField(schema, key)));
  } else {
    takePatchValue(original, key, patchValue);
  }
}

/** mergeMapHandler: `patchStrategy: replace` takes the patch map as it is. */
function mergeChildMap(original: JsonMap, patch: JsonMap, field: FieldLookup): JsonMap {
  return field.meta.strategy === 'replace' ? patch : mergeMap(original, patch, field.schema);
}

/** mergeSliceHandler: merge lists (and deletion lists) merge; every other list is replaced. */
function mergeList(
  original: JsonValue[],
  patch: JsonValue[],
  field: FieldLookup,
  isDeleteList: boolean,
): JsonValue[] {
  if (field.meta.strategy !== 'merge' && !isDeleteList) return patch;
  return mergeSlice(original, patch, field.schema, field.meta.mergeKey, isDeleteList);
}

/** mergeSlice: union of primitives, or maps matched by merge key; then the element order. */
function mergeSlice(
  original: JsonValue[],
  patch: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  isDeleteList: boolean,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  let live = original;
  let items = patch;
  let merged: JsonValue[];
  if (kind !== 'map') {
    if (isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') {
      throw new MergeFailure(`cannot merge lists without merge key for ${schemaName(schema)}`);
    }
    const special = listDirectives(original, patch, mergeKey);
    live = special.live;
    items = special.items;
    merged = mergeElements(special, mergeKey, schema);
  }
  const [patchItems, serverOnly] =
    mergeKey === '' ? partitionPrimitives(merged, items) : partitionMaps(merged, items, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, items, live, mergeKey, kind);
}

/**
 * mergeSliceWithoutSpecialElements: merge matching maps, append the others as they are. Like
 * Go's append, an appended item first fills the slots deletions freed in the caller's array,
 * which `$setElementOrder` later reads as the live order.
 */
function mergeElements(
  special: ListDirectivesResult,
  mergeKey: string,
  schema: PatchSchema,
): JsonValue[] {
  const out = [...special.live];
  const backing = special.backing;
  for (const v of special.items) {
    const item = v as JsonMap;
    if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey);
    const found = findByMergeKey(out, mergeKey, item[mergeKey]);
    if (found !== undefined) {
      out[found.index] = mergeMap(found.map, item, schema);
      continue;
    }
    if (backing !== undefined && out.length < backing.length) backing[out.length] = v;
    out.push(v);
  }
  return out;
}
