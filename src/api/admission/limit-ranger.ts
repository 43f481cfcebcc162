// LimitRanger: on pod creation, containers and init containers missing a request or limit get the
// Container-type defaults of each LimitRange in the namespace (recorded in the
// kubernetes.io/limit-ranger annotation); then pods (create) and claims (create, update) are
// checked against every LimitRange's min / max / maxLimitRequestRatio.
import type { AdmissionPlugin, AdmissionRequest } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import { limitRange } from '../resources/limitrange.js';
import { forbidden } from '../errors.js';
import { quantityString } from '../validation/quantity.js';
import type { ResourceList } from '../quantity/resource-list.js';
import { readResourceList } from '../quantity/resource-list.js';
import type { PodSpecJson } from '../quantity/pod-resources.js';
import type { LimitItem } from './limit-ranger-constraints.js';
import { aggregate, podLimitErrors, pvcLimitErrors } from './limit-ranger-constraints.js';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

/** SetDefaults_LimitRangeItem, applied again on read in case the stored object predates it. */
function defaultItem(item: LimitItem): LimitItem {
  if (item.type !== 'Container') return item;
  const def = new Map(item.default);
  const defReq = new Map(item.defaultRequest);
  for (const [k, v] of item.max) if (!def.has(k)) def.set(k, v);
  for (const [k, v] of def) if (!defReq.has(k)) defReq.set(k, v);
  for (const [k, v] of item.min) if (!defReq.has(k)) defReq.set(k, v);
  return { ...item, default: def, defaultRequest: defReq };
}

/** The items of one LimitRange, read defensively. */
export function limitItems(lr: KObject): LimitItem[] {
  const raw = (lr.spec as { limits?: unknown } | undefined)?.limits;
  if (!Array.isArray(raw)) return [];
  return raw.map((it: Record<string, unknown>) => defaultItem({
    type: typeof it?.type === 'string' ? it.type : '',
    max: readResourceList(it?.max),
    min: readResourceList(it?.min),
    default: readResourceList(it?.default),
    defaultRequest: readResourceList(it?.defaultRequest),
    maxLimitRequestRatio: readResourceList(it?.maxLimitRequestRatio),
  }));
}

interface ContainerJson {
  name?: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

/** Sets the missing entries of one list; returns the names set, sorted. */
function fill(resources: NonNullable<ContainerJson['resources']>, which: 'requests' | 'limits', defaults: ResourceList): string[] {
  const cur = { ...(resources[which] ?? {}) };
  const set = [...defaults.keys()].filter((k) => !(k in cur)).sort();
  if (!set.length) return set;
  for (const k of set) cur[k] = quantityString(defaults.get(k)!);
  resources[which] = Object.fromEntries(Object.entries(cur).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return set;
}

/** mergeContainerResources: the annotation parts for one container. */
function mergeContainer(c: ContainerJson, limits: ResourceList, requests: ResourceList, prefix: string): string[] {
  const res = c.resources ?? {};
  const setLimits = fill(res, 'limits', limits);
  const setRequests = fill(res, 'requests', requests);
  if (setLimits.length || setRequests.length) c.resources = res;
  const parts: string[] = [];
  if (setRequests.length) parts.push(`${setRequests.join(', ')} request for ${prefix} ${c.name ?? ''}`);
  if (setLimits.length) parts.push(`${setLimits.join(', ')} limit for ${prefix} ${c.name ?? ''}`);
  return parts;
}

/** PodMutateLimitFunc for one LimitRange. */
export function applyPodDefaults(pod: KObject, items: LimitItem[]): void {
  const limits: ResourceList = new Map();
  const requests: ResourceList = new Map();
  for (const item of items) {
    if (item.type !== 'Container') continue;
    for (const [k, v] of item.defaultRequest) requests.set(k, v);
    for (const [k, v] of item.default) limits.set(k, v);
  }
  const spec = (pod.spec ?? {}) as { containers?: ContainerJson[]; initContainers?: ContainerJson[] };
  const parts: string[] = [];
  for (const c of spec.containers ?? []) parts.push(...mergeContainer(c, limits, requests, 'container'));
  for (const c of spec.initContainers ?? []) parts.push(...mergeContainer(c, limits, requests, 'init container'));
  if (parts.length) (pod.metadata.annotations ??= {})[LIMIT_RANGER_ANNOTATION] = `LimitRanger plugin set: ${parts.join('; ')}`;
}

const isPod = (req: AdmissionRequest) => req.d.group === '' && req.d.plural === 'pods';
const isClaim = (req: AdmissionRequest) => req.d.group === '' && req.d.plural === 'persistentvolumeclaims';

/** SupportsAttributes plus "ignore objects being deleted". */
function applies(req: AdmissionRequest): boolean {
  if (req.subresource || !req.obj || !req.namespace) return false;
  if (req.old?.metadata.deletionTimestamp) return false;
  if (isPod(req)) return req.op === 'CREATE';
  return isClaim(req) && (req.op === 'CREATE' || req.op === 'UPDATE');
}

/** admission.NewForbidden's name: the request's, else the object's name or generateName. */
const nameOf = (req: AdmissionRequest): string => req.name || req.obj?.metadata.name || req.obj?.metadata.generateName || 'Unknown';

export function limitRanger(storage: ObjectStorage): AdmissionPlugin {
  const ranges = async (ns: string) => (await storage.list(limitRange, ns)).items;
  return {
    name: 'LimitRanger',
    async admit(req) {
      if (!applies(req) || !isPod(req)) return;
      for (const lr of await ranges(req.namespace!)) applyPodDefaults(req.obj!, limitItems(lr));
    },
    async validate(req) {
      if (!applies(req)) return;
      const spec = (req.obj!.spec ?? {}) as PodSpecJson & { resources?: { requests?: unknown } };
      for (const lr of await ranges(req.namespace!)) {
        const items = limitItems(lr);
        const errs = isPod(req) ? podLimitErrors(items, spec) : pvcLimitErrors(items, spec);
        if (errs.length) throw forbidden({ group: req.d.group, resource: req.d.plural }, nameOf(req), aggregate(errs));
      }
    },
  };
}
