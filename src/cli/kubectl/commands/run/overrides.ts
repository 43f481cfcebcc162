// run's --overrides: the generated object's JSON patched by a JSON merge patch (the default),
// an RFC 6902 JSON patch, or a strategic merge patch (lists merged on their Kubernetes merge
// keys), then read back as the Go struct.
import { applyJsonPatchV4, decodeJsonPatch } from '../../../../printers/gotypes/json-patch-v4.js';

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
  if (type === 'json') return applyJsonPatchV4(obj, decodeJsonPatch(patch)) as Json;
  return (type === 'strategic' ? strategicMerge(obj, patch) : mergePatch(obj, patch)) as Json;
}
