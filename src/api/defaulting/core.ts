// Namespace, Secret, Node, LimitRange and ResourceQuota defaulters.
import type { KObject } from '../types.js';
import { arr, isObject, obj, objs, str, type JsonObject } from '../validation/json.js';
import { defaultResourceList, defaultResourceLists } from './quantities.js';

/**
 * SetDefaults_Namespace (the kubernetes.io/metadata.name label) and SetDefaults_NamespaceStatus,
 * plus the "kubernetes" finalizer the namespace strategy adds on create (and keeps on update).
 * A namespace being deleted is left alone, so finalizing it can empty the list.
 */
export function defaultNamespace(ns: KObject): void {
  const name = str(ns.metadata.name);
  if (name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  if (!isObject(ns.spec)) ns.spec = {};
  const spec = ns.spec as JsonObject;
  const finalizers = arr(spec.finalizers).map(str);
  if (!ns.metadata.deletionTimestamp && !finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
  if (!isObject(ns.status)) ns.status = {};
  const status = ns.status as JsonObject;
  if (!status.phase) status.phase = 'Active';
}

/**
 * SetDefaults_Secret, and what decoding a v1 Secret does: stringData entries are written into
 * data (base64), overwriting keys of the same name, and stringData itself is not kept.
 */
export function defaultSecret(s: KObject): void {
  if (!s.type) s.type = 'Opaque';
  if (!isObject(s.stringData)) return;
  const data: JsonObject = isObject(s.data) ? s.data : {};
  for (const [k, v] of Object.entries(s.stringData)) data[k] = Buffer.from(str(v), 'utf8').toString('base64');
  s.data = data;
  delete s.stringData;
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function defaultNode(node: KObject): void {
  const status = obj(node.status);
  defaultResourceLists(status, ['capacity', 'allocatable']);
  if (isObject(status.capacity) && !isObject(status.allocatable)) status.allocatable = { ...status.capacity };
}

/** SetDefaults_LimitRangeItem for Container limits: default ← max, defaultRequest ← default, then ← min. */
export function defaultLimitRange(lr: KObject): void {
  for (const item of objs(obj(lr.spec).limits)) {
    for (const k of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) defaultResourceList(item[k]);
    if (item.type !== 'Container') continue;
    const def = obj((item.default ??= {}));
    const req = obj((item.defaultRequest ??= {}));
    for (const [k, v] of Object.entries(obj(item.max))) def[k] ??= v;
    for (const [k, v] of Object.entries(def)) req[k] ??= v;
    for (const [k, v] of Object.entries(obj(item.min))) req[k] ??= v;
  }
}

export function defaultResourceQuota(rq: KObject): void {
  defaultResourceList(obj(rq.spec).hard);
  defaultResourceLists(obj(rq.status), ['hard', 'used']);
}
