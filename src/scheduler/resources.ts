// framework.Resource: cpu in millicores, memory and ephemeral storage in bytes, the pod count a
// node allows, and scalar (extended, hugepages) resources as whole units — plain numbers, so the
// filter and score arithmetic of thousands of nodes a second stays cheap.
import type { ResourceList } from '../api/quantity/resource-list.js';
import { readResourceList } from '../api/quantity/resource-list.js';
import { podRequests, type PodSpecJson } from '../api/quantity/pod-resources.js';
import { quantityMilliValue, quantityValue } from '../api/validation/quantity.js';

export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  scalars: Map<string, number> | null;
}

/** Requests with the defaults the scorers assume for containers that set none. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export const emptyResource = (): Resource => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalars: null });

export function cloneResource(r: Resource): Resource {
  return { ...r, scalars: r.scalars ? new Map(r.scalars) : null };
}

/** schedutil.IsScalarResourceName: extended, prefixed native, hugepages and attachable volumes. */
export const isScalarResourceName = (name: string): boolean =>
  name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');

/** Resource.Add over a ResourceList. */
export function addList(r: Resource, list: ResourceList): void {
  for (const [name, q] of list) {
    switch (name) {
      case 'cpu': r.milliCPU += Number(quantityMilliValue(q)); break;
      case 'memory': r.memory += Number(quantityValue(q)); break;
      case 'pods': r.allowedPodNumber += Number(quantityValue(q)); break;
      case 'ephemeral-storage': r.ephemeralStorage += Number(quantityValue(q)); break;
      default:
        if (isScalarResourceName(name)) {
          r.scalars ??= new Map();
          r.scalars.set(name, (r.scalars.get(name) ?? 0) + Number(quantityValue(q)));
        }
    }
  }
}

/** Adds (sign 1) or subtracts (sign -1) b into a. */
export function addResource(a: Resource, b: Resource, sign: 1 | -1): void {
  a.milliCPU += sign * b.milliCPU;
  a.memory += sign * b.memory;
  a.ephemeralStorage += sign * b.ephemeralStorage;
  if (!b.scalars) return;
  a.scalars ??= new Map();
  for (const [k, v] of b.scalars) a.scalars.set(k, (a.scalars.get(k) ?? 0) + sign * v);
}

/** A node's status.allocatable. */
export function allocatableOf(status: unknown): Resource {
  const r = emptyResource();
  addList(r, readResourceList((status as { allocatable?: unknown } | undefined)?.allocatable));
  return r;
}

interface ContainerJson {
  resources?: { requests?: Record<string, unknown>; limits?: unknown };
  [k: string]: unknown;
}

function withDefaultRequests(containers: ContainerJson[] | undefined): ContainerJson[] | undefined {
  return containers?.map((c) => {
    const requests = { ...(c.resources?.requests ?? {}) };
    if (requests.cpu === undefined) requests.cpu = `${DEFAULT_MILLI_CPU_REQUEST}m`;
    if (requests.memory === undefined) requests.memory = String(DEFAULT_MEMORY_REQUEST);
    return { ...c, resources: { ...(c.resources ?? {}), requests } };
  });
}

export interface PodResources {
  /** resourcehelper.PodRequests with overhead: what NodeResourcesFit checks and the cache adds up. */
  requests: Resource;
  /** The same with 100m cpu / 200Mi memory for containers that request none (scoring). */
  nonZeroCPU: number;
  nonZeroMemory: number;
}

export function podResources(spec: PodSpecJson | undefined): PodResources {
  const s = spec ?? {};
  const requests = emptyResource();
  addList(requests, podRequests(s, { overhead: true }));
  const nz = emptyResource();
  const defaulted = { ...s, containers: withDefaultRequests(s.containers as ContainerJson[] | undefined), initContainers: withDefaultRequests(s.initContainers as ContainerJson[] | undefined) };
  addList(nz, podRequests(defaulted as PodSpecJson, { overhead: true }));
  return { requests, nonZeroCPU: nz.milliCPU, nonZeroMemory: nz.memory };
}
