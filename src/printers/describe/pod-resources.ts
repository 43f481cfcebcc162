// resourcehelper.PodRequestsAndLimits: a pod's requests and limits summed over its containers,
// the init containers' peak, restartable (sidecar) init containers and the pod overhead.
import type { Obj } from '../../client/types.js';
import { rec, recs, str, type Fields } from '../columns/fields.js';
import { Quantity, resourceList, type ResourceList } from './quantity.js';

function addList(into: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) into.set(name, into.has(name) ? into.get(name)!.add(q) : q);
}

function maxList(into: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) if (!into.has(name) || q.cmp(into.get(name)!) > 0) into.set(name, q);
}

/** max(a, b) per resource, b winning ties, as the helper's max() does. */
function maxOf(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, q] of a) {
    const other = b.get(name);
    out.set(name, other !== undefined && q.cmp(other) <= 0 ? other : q);
  }
  for (const [name, q] of b) if (!out.has(name)) out.set(name, q);
  return out;
}

function sidecar(c: Fields): boolean {
  return str(c.restartPolicy) === 'Always';
}

function initPeak(pod: Obj, total: ResourceList, key: 'requests' | 'limits'): void {
  const restartable: ResourceList = new Map();
  const peak: ResourceList = new Map();
  for (const c of recs(rec(pod.spec).initContainers)) {
    const own = resourceList(rec(c.resources)[key]);
    let effective: ResourceList;
    if (sidecar(c)) {
      addList(total, own);
      addList(restartable, own);
      effective = restartable;
    } else {
      effective = new Map();
      addList(effective, own);
      addList(effective, restartable);
    }
    maxList(peak, effective);
  }
  maxList(total, peak);
}

export function podRequests(pod: Obj): ResourceList {
  const reqs: ResourceList = new Map();
  const statuses = new Map(recs(rec(pod.status).containerStatuses).map((s) => [str(s.name), s]));
  const infeasible = str(rec(pod.status).resize) === 'Infeasible';
  for (const c of recs(rec(pod.spec).containers)) {
    let own = resourceList(rec(c.resources).requests);
    const status = statuses.get(str(c.name));
    if (status?.resources !== undefined && status.resources !== null) {
      const actual = resourceList(rec(status.resources).requests);
      own = infeasible ? actual : maxOf(own, actual);
    }
    addList(reqs, own);
  }
  initPeak(pod, reqs, 'requests');
  const overhead = rec(pod.spec).overhead;
  if (overhead !== undefined && overhead !== null) addList(reqs, resourceList(overhead));
  return reqs;
}

export function podLimits(pod: Obj): ResourceList {
  const limits: ResourceList = new Map();
  for (const c of recs(rec(pod.spec).containers)) addList(limits, resourceList(rec(c.resources).limits));
  initPeak(pod, limits, 'limits');
  const overhead = rec(pod.spec).overhead;
  if (overhead !== undefined && overhead !== null) {
    for (const [name, q] of resourceList(overhead)) {
      const value = limits.get(name);
      if (value !== undefined && !value.isZero()) limits.set(name, value.add(q));
    }
  }
  return limits;
}

export function quantityOf(list: ResourceList, name: string): Quantity {
  return list.get(name) ?? Quantity.zero();
}
