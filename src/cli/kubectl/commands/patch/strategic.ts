// A client-side strategic merge patch for the built-in types (patch --local / --dry-run=client):
// maps merge (null deletes), lists with a patch merge key merge by that key (kept in the order
// apimachinery's normalizeElementOrder gives), primitive merge lists union, other lists replace;
// `$patch: replace|delete`, `$deleteFromPrimitiveList/…` and `$setElementOrder/…` are honoured.
// The merge keys are the ones the core/apps/batch Go types declare (patchMergeKey).
type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

const MERGE_KEYS: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name', volumes: 'name',
  volumeMounts: 'mountPath', volumeDevices: 'devicePath', imagePullSecrets: 'name', hostAliases: 'ip',
  ownerReferences: 'uid', conditions: 'type', addresses: 'type', topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

const PRIMITIVE_MERGE = new Set(['finalizers']);

/** The merge key of a list field, given the map keys leading to it ('' when it replaces). */
function mergeKeyOf(path: string[], field: string): string {
  if (field === 'ports') return path.some((p) => CONTAINER_LISTS.has(p)) ? 'containerPort' : 'port';
  return MERGE_KEYS[field] ?? '';
}

/** The value identifying a list item: its merge key, or the item itself in a primitive list. */
function keyOf(item: Json, mergeKey: string): Json {
  if (mergeKey === '') return item;
  return isMap(item) ? item[mergeKey] : undefined;
}

const indexIn = (list: Json[], item: Json, mergeKey: string): number =>
  list.findIndex((x) => JSON.stringify(keyOf(x, mergeKey)) === JSON.stringify(keyOf(item, mergeKey)));

/** mergeSortedSlice(serverOnly, patchItems, serverOrder). */
function mergeSorted(serverOnly: Json[], patchItems: Json[], serverOrder: Json[], mergeKey: string): Json[] {
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (j >= patchItems.length) { out.push(serverOnly[i++]); continue; }
    if (i >= serverOnly.length) { out.push(patchItems[j++]); continue; }
    const li = indexIn(serverOrder, serverOnly[i], mergeKey);
    const ri = indexIn(serverOrder, patchItems[j], mergeKey);
    if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
    else out.push(patchItems[j++]);
  }
  return out;
}

function mergeList(original: Json[], patch: Json[], mergeKey: string, path: string[]): Json[] {
  if (patch.some((p) => isMap(p) && p.$patch === 'replace')) return patch.filter((p) => !(isMap(p) && p.$patch === 'replace'));
  const deletes = patch.filter((p) => isMap(p) && p.$patch === 'delete');
  const adds = patch.filter((p) => !(isMap(p) && p.$patch === 'delete'));
  const base = original.filter((o) => !deletes.some((d) => indexIn([d], o, mergeKey) === 0));
  const merged = [...base];
  for (const p of adds) {
    const at = indexIn(merged, p, mergeKey);
    if (at >= 0) merged[at] = mergeValue(merged[at], p, path);
    else merged.push(strip(p, path));
  }
  const patchItems = adds.map((p) => merged[indexIn(merged, p, mergeKey)]);
  const serverOnly = merged.filter((m) => indexIn(adds, m, mergeKey) < 0);
  return mergeSorted(serverOnly, patchItems, original, mergeKey);
}

/** Deduplicated union, ordered as normalizeElementOrder orders it. */
function mergePrimitives(original: Json[], patch: Json[]): Json[] {
  const merged = [...new Set([...original, ...patch])];
  const patchItems = patch.filter((p, i) => patch.indexOf(p) === i);
  const serverOnly = merged.filter((m) => !patch.includes(m));
  return mergeSorted(serverOnly, patchItems, original, '');
}

/** $setElementOrder: the merged list sorted by the order given (items it lacks go first). */
function reorder(list: Json[], order: Json[], mergeKey: string): Json[] {
  const idx = (x: Json): number => indexIn(order, x, mergeKey);
  return list.map((x, i) => ({ x, i, o: idx(x) })).sort((a, b) => (a.o < 0 || b.o < 0 ? (a.o < 0 ? -1 : 1) || a.i - b.i : a.o - b.o)).map((e) => e.x);
}

function applyElementOrder(out: JsonMap, patch: JsonMap, path: string[]): void {
  for (const [k, order] of Object.entries(patch)) {
    if (!k.startsWith('$setElementOrder/') || !Array.isArray(order)) continue;
    const field = k.slice('$setElementOrder/'.length);
    const list = out[field];
    if (Array.isArray(list)) out[field] = reorder(list, order, mergeKeyOf(path, field));
  }
}

/** A patch value with its directives removed, as it lands where nothing was. */
function strip(v: Json, path: string[]): Json {
  return isMap(v) ? mergeMap({}, v, path) : v;
}

function mergeValue(original: Json, patch: Json, path: string[]): Json {
  if (isMap(patch)) return isMap(original) ? mergeMap(original, patch, path) : strip(patch, path);
  return patch;
}

function mergeMap(original: JsonMap, patch: JsonMap, path: string[]): JsonMap {
  if (patch.$patch === 'replace') return mergeMap({}, { ...patch, $patch: undefined }, path);
  const out: JsonMap = { ...original };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const cur = out[field];
      if (Array.isArray(cur) && Array.isArray(v)) out[field] = cur.filter((x) => !v.includes(x));
      continue;
    }
    if (v === null || (isMap(v) && v.$patch === 'delete')) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    if (Array.isArray(v) && Array.isArray(cur)) {
      const key = mergeKeyOf(path, k);
      if (key !== '') out[k] = mergeList(cur, v, key, [...path, k]);
      else out[k] = PRIMITIVE_MERGE.has(k) ? mergePrimitives(cur, v) : v;
      continue;
    }
    out[k] = mergeValue(cur, v, [...path, k]);
  }
  applyElementOrder(out, patch, path);
  return out;
}

/** StrategicMergePatch(original, patch) for one object. */
export function applyStrategicPatch(original: Json, patch: Json): Json {
  if (!isMap(patch)) throw new Error('Unable to convert patch to a map');
  return mergeMap(isMap(original) ? original : {}, patch, []);
}
