// A pod's effective requests and limits as component-helpers' PodRequests/PodLimits compute them
// (v1.32, pod-level resources and in-place resize off): app containers and restartable (sidecar)
// init containers add up; each ordinary init container, with the sidecars started before it,
// competes by maximum; overhead is added on request (to limits only where a limit exists).
import type { ResourceList } from './resource-list.js';
import { addInto, addQuantity, maxInto, readResourceList } from './resource-list.js';

interface ContainerJson {
  name?: string;
  restartPolicy?: string;
  resources?: { requests?: unknown; limits?: unknown };
}

export interface PodSpecJson {
  containers?: ContainerJson[];
  initContainers?: ContainerJson[];
  overhead?: unknown;
}

type Which = 'requests' | 'limits';

export interface PodResourcesOptions {
  /** Add spec.overhead (the quota and the scheduler do; the LimitRanger does not). */
  overhead?: boolean;
}

function effective(spec: PodSpecJson, which: Which): ResourceList {
  const total: ResourceList = new Map();
  for (const c of spec.containers ?? []) addInto(total, readResourceList(c.resources?.[which]));
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of spec.initContainers ?? []) {
    const own = readResourceList(c.resources?.[which]);
    if (c.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const tmp: ResourceList = new Map();
      addInto(tmp, own);
      addInto(tmp, sidecars);
      maxInto(initMax, tmp);
    }
  }
  maxInto(total, initMax);
  return total;
}

/** PodRequests. */
export function podRequests(spec: PodSpecJson, opts: PodResourcesOptions = {}): ResourceList {
  const reqs = effective(spec, 'requests');
  if (opts.overhead) addInto(reqs, readResourceList(spec.overhead));
  return reqs;
}

/** PodLimits. */
export function podLimits(spec: PodSpecJson, opts: PodResourcesOptions = {}): ResourceList {
  const limits = effective(spec, 'limits');
  if (opts.overhead) {
    for (const [k, v] of readResourceList(spec.overhead)) {
      const cur = limits.get(k);
      if (cur) limits.set(k, addQuantity(cur, v));
    }
  }
  return limits;
}
