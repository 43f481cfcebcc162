// strategicpatch's diffMaps: the patch that turns `original` into `modified`, field by field —
// additions and changes (unless ignored), nulls for removed keys (unless ignored), merge lists
// diffed item by item with `$patch: delete` entries and `$setElementOrder/` and
// `$deleteFromPrimitiveList/` parallel lists, `$retainKeys` for retainKeys fields.
import { diffListOfMaps, diffListOfScalars, normalizeSliceOrder, sliceElementKind, sortScalars } from './lists.js';
import { splitStrategies, type Lookup } from './meta.js';
import { DELETE_PRIMITIVE_PREFIX, DIRECTIVE, RETAIN_KEYS, SET_ORDER_PREFIX, type DiffOptions } from './options.js';
import { deepEqual, goEqual, goKind, has, isMap, type JsonMap, type JsonValue } from './values.js';

export type { DiffOptions };

export function diffMaps(original: JsonMap, modified: JsonMap, schema: Lookup, o: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: JsonValue[] = [];
  for (const key of Object.keys(modified)) {
    const mod = modified[key]!;
    if (o.buildRetainKeys && mod !== null) retainKeys.push(key);
    if (!has(original, key)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const orig = original[key]!;
    if (key === DIRECTIVE) {
      if (typeof orig !== 'string' || typeof mod !== 'string') throw new Error(`invalid value for special key: ${DIRECTIVE}`);
      if (orig !== mod) patch[key] = mod;
      continue;
    }
    if (goKind(orig) !== goKind(mod)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    if (isMap(orig) && isMap(mod)) diffMapField(key, orig, mod, patch, schema, o);
    else if (Array.isArray(orig) && Array.isArray(mod)) diffSliceField(key, orig, mod, patch, schema, o);
    else replaceIfNotEqual(key, orig, mod, patch, o);
  }
  if (!o.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!has(modified, key)) patch[key] = null;
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS] = sortScalars(retainKeys);
  }
  return patch;
}

function replaceIfNotEqual(key: string, orig: JsonValue, mod: JsonValue, patch: JsonMap, o: DiffOptions): void {
  if (o.ignoreChangesAndAdditions || deepEqual(orig, mod)) return;
  patch[key] = mod;
}

function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  return Object.keys(original).some((k) => original[k] !== null && !has(modified, k));
}

function lookupOrSkip<T>(lookup: () => T, orig: JsonValue, mod: JsonValue): T | undefined {
  try {
    return lookup();
  } catch (err) {
    if (deepEqual(orig, mod)) return undefined;
    throw err;
  }
}

function diffMapField(key: string, orig: JsonMap, mod: JsonMap, patch: JsonMap, schema: Lookup, o: DiffOptions): void {
  const found = lookupOrSkip(() => schema.forStruct(key), orig, mod);
  if (!found) return;
  const { retainKeys, strategy } = splitStrategies(found.meta.strategies);
  const opts = { ...o, buildRetainKeys: retainKeys };
  if (strategy === 'replace') {
    if (!o.ignoreChangesAndAdditions) patch[key] = mod;
    return;
  }
  const value = diffMaps(orig, mod, found.schema, opts);
  if (Object.keys(value).length > 0) patch[key] = value;
}

function diffSliceField(key: string, orig: JsonValue[], mod: JsonValue[], patch: JsonMap, schema: Lookup, o: DiffOptions): void {
  const found = lookupOrSkip(() => schema.forSlice(key), orig, mod);
  if (!found) return;
  const { retainKeys, strategy } = splitStrategies(found.meta.strategies);
  if (strategy !== 'merge') {
    replaceIfNotEqual(key, orig, mod, patch, o);
    return;
  }
  const r = diffLists(orig, mod, found.schema, found.meta.mergeKey, { ...o, buildRetainKeys: retainKeys });
  if (r.add.length > 0) patch[key] = r.add;
  if (r.del.length > 0) patch[`${DELETE_PRIMITIVE_PREFIX}/${key}`] = r.del;
  if (r.order.length > 0) patch[`${SET_ORDER_PREFIX}/${key}`] = r.order;
}

/** diffLists: the patch list, the parallel deletion list and the $setElementOrder list. */
export function diffLists(orig: JsonValue[], mod: JsonValue[], schema: Lookup, mergeKey: string, o: DiffOptions): { add: JsonValue[]; del: JsonValue[]; order: JsonValue[] } {
  if (orig.length === 0) {
    return { add: mod.length === 0 || o.ignoreChangesAndAdditions ? [] : mod, del: [], order: [] };
  }
  const kind = sliceElementKind(orig, mod);
  if (kind === 'slice') throw new Error('lists of lists are not supported');
  if (kind === 'map') {
    const { patch, deletions } = diffListOfMaps(orig, mod, schema, mergeKey, o, diffMaps);
    const add = [...normalizeSliceOrder(patch, mod, mergeKey, kind), ...deletions];
    const orderSame = isOrderSame(orig, mod, mergeKey);
    const wantOrder = o.setElementOrder && ((!o.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) || (!o.ignoreDeletions && add.length > 0));
    const order = wantOrder ? mod.map((v): JsonValue => ({ [mergeKey]: (v as JsonMap)[mergeKey] ?? null })) : [];
    return { add, del: [], order };
  }
  // Go sorts `original` in place before comparing it with `modified` for the order list.
  const { add, del, sortedOriginal } = diffListOfScalars(orig, mod, o);
  const sorted = normalizeSliceOrder(add, mod, mergeKey, kind);
  const wantOrder = o.setElementOrder && ((!o.ignoreDeletions && del.length > 0) || (!o.ignoreChangesAndAdditions && !deepEqual(sortedOriginal, mod)));
  return { add: sorted, del, order: wantOrder ? mod : [] };
}

function isOrderSame(orig: JsonValue[], mod: JsonValue[], mergeKey: string): boolean {
  if (orig.length !== mod.length) return false;
  return mod.every((m, i) => {
    const a = orig[i];
    if (mergeKey === '') return goEqual(a, m);
    if (!isMap(a) || !isMap(m) || !has(a, mergeKey) || !has(m, mergeKey)) return false;
    return goEqual(a[mergeKey], m[mergeKey]);
  });
}
