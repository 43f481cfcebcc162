// run's --overrides: the generated object's JSON patched by a JSON merge patch (the default),
// an RFC 6902 JSON patch, or a strategic merge patch (lists merged on their Kubernetes merge
// keys), then read back as the Go struct.
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386, as evanphx/json-patch's MergePatch applies it. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Json = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** patchMergeKey of the core/v1 list fields a pod override may touch. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name', volumes: 'name',
  imagePullSecrets: 'name', volumeMounts: 'mountPath', volumeDevices: 'devicePath', ports: 'containerPort',
  hostAliases: 'ip', resourceClaims: 'name', schedulingGates: 'name', ownerReferences: 'uid',
};

function mergeList(key: string, target: unknown, patch: unknown[]): unknown[] {
  const mergeKey = MERGE_KEYS[key];
  if (mergeKey === undefined || !Array.isArray(target)) return patch;
  const out = [...target];
  for (const item of patch) {
    const at = isObject(item) ? out.findIndex((x) => isObject(x) && x[mergeKey] === item[mergeKey]) : -1;
    if (at >= 0) out[at] = strategicMerge(out[at], item);
    else out.push(item);
  }
  return out;
}

export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Json = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(k, out[k], v);
    else out[k] = strategicMerge(out[k], v);
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  return path.slice(1).split('/').map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function parentOf(doc: unknown, path: string): [Json | unknown[], string] {
  const parts = pointer(path);
  const last = parts.pop();
  let node: unknown = doc;
  for (const p of parts) node = Array.isArray(node) ? node[Number(p)] : isObject(node) ? node[p] : undefined;
  if (last === undefined || (!Array.isArray(node) && !isObject(node))) throw new Error(`add operation does not apply: doc is missing path: "${path}": missing value`);
  return [node, last];
}

function applyOp(doc: unknown, op: Json): void {
  const [parent, key] = parentOf(doc, String(op.path ?? ''));
  const index = key === '-' && Array.isArray(parent) ? parent.length : Number(key);
  switch (op.op) {
    case 'add':
      if (Array.isArray(parent)) parent.splice(index, 0, op.value);
      else parent[key] = op.value;
      return;
    case 'replace':
      if (Array.isArray(parent)) parent[index] = op.value;
      else parent[key] = op.value;
      return;
    case 'remove':
      if (Array.isArray(parent)) parent.splice(index, 1);
      else delete parent[key];
      return;
    default:
      throw new Error(`Unexpected kind: ${String(op.op)}`);
  }
}

/** RFC 6902 add, replace and remove. */
export function jsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const out = structuredClone(doc);
  for (const op of ops) applyOp(out, isObject(op) ? op : {});
  return out;
}

/** Overrider.Apply */
export function applyOverrides(obj: Json, overrides: string, type: string): Json {
  if (overrides === '') return obj;
  if (!['json', 'merge', 'strategic'].includes(type || 'merge')) throw new Error(`invalid override type: ${type}`);
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    throw new Error(type === 'json' ? 'invalid character looking for beginning of value' : 'Invalid JSON Patch');
  }
  if (type === 'json') return jsonPatch(obj, patch) as Json;
  return (type === 'strategic' ? strategicMerge(obj, patch) : mergePatch(obj, patch)) as Json;
}
