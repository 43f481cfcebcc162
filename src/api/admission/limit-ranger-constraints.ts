// The LimitRanger's checks with upstream's wording: min, max and maxLimitRequestRatio per
// Container, per Pod (effective pod requests/limits) and per PersistentVolumeClaim (requests
// only), aggregated as utilerrors.NewAggregate prints them (`[a, b]`, duplicates once).
import type { Quantity } from '../validation/quantity.js';
import { quantityMilliValue, quantityString, quantityValue } from '../validation/quantity.js';
import type { ResourceList } from '../quantity/resource-list.js';
import { readResourceList, ZERO } from '../quantity/resource-list.js';
import type { PodSpecJson } from '../quantity/pod-resources.js';
import { podLimits, podRequests } from '../quantity/pod-resources.js';

export interface LimitItem {
  type: string;
  max: ResourceList;
  min: ResourceList;
  default: ResourceList;
  defaultRequest: ResourceList;
  maxLimitRequestRatio: ResourceList;
}

/** resource.MaxMilliValue: MaxInt64 / 1000. */
const MAX_MILLI = 9_223_372_036_854_775n;

/** requestLimitEnforcedValues: milli-units when none overflows, else whole units. */
function values(req: Quantity | undefined, lim: Quantity | undefined, enforced: Quantity): [bigint, bigint, bigint] {
  const qs = [req ?? ZERO, lim ?? ZERO, enforced];
  const whole = qs.map(quantityValue) as [bigint, bigint, bigint];
  if (whole.every((v) => v <= MAX_MILLI)) return qs.map(quantityMilliValue) as [bigint, bigint, bigint];
  return whole;
}

type Check = (type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList) => string | undefined;

const minConstraint: Check = (type, name, enforced, requests, limits) => {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = values(req, lim, enforced);
  const head = `minimum ${name} usage per ${type} is ${quantityString(enforced)}`;
  if (!req) return `${head}.  No request is specified`;
  if (r < e) return `${head}, but request is ${quantityString(req)}`;
  if (lim && l < e) return `${head}, but limit is ${quantityString(lim)}`;
  return undefined;
};

const maxConstraint: Check = (type, name, enforced, requests, limits) => {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = values(req, lim, enforced);
  const head = `maximum ${name} usage per ${type} is ${quantityString(enforced)}`;
  if (!lim) return `${head}.  No limit is specified`;
  if (l > e) return `${head}, but limit is ${quantityString(lim)}`;
  if (req && r > e) return `${head}, but request is ${quantityString(req)}`;
  return undefined;
};

/** maxRequestConstraint: the PVC form, where only requests are user input. */
const maxRequestConstraint: Check = (type, name, enforced, requests) => {
  const req = requests.get(name);
  const [r, , e] = values(req, undefined, enforced);
  const head = `maximum ${name} usage per ${type} is ${quantityString(enforced)}`;
  if (!req) return `${head}.  No request is specified`;
  if (r > e) return `${head}, but request is ${quantityString(req)}`;
  return undefined;
};

const ratioConstraint: Check = (type, name, enforced, requests, limits) => {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l] = values(req, lim, enforced);
  const head = `${name} max limit to request ratio per ${type} is ${quantityString(enforced)}`;
  if (!req || r === 0n) return `${head}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${head}, but no limit is specified or limit is 0`;
  const shown = Number(l) / Number(r);
  let observed = shown;
  let max = Number(quantityValue(enforced));
  if (quantityValue(enforced) <= MAX_MILLI) {
    observed *= 1000;
    max = Number(quantityMilliValue(enforced));
  }
  return observed > max ? `${head}, but provided ratio is ${shown.toFixed(6)}` : undefined;
};

const sortedEntries = (l: ResourceList): [string, Quantity][] => [...l].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function enforce(item: LimitItem, requests: ResourceList, limits: ResourceList, errs: string[], maxCheck: Check = maxConstraint, ratio = true): void {
  const push = (m: string | undefined) => m !== undefined && errs.push(m);
  for (const [k, v] of sortedEntries(item.min)) push(minConstraint(item.type, k, v, requests, limits));
  for (const [k, v] of sortedEntries(item.max)) push(maxCheck(item.type, k, v, requests, limits));
  if (ratio) for (const [k, v] of sortedEntries(item.maxLimitRequestRatio)) push(ratioConstraint(item.type, k, v, requests, limits));
}

interface ContainerJson {
  resources?: { requests?: unknown; limits?: unknown };
}

/** PodValidateLimitFunc: every failure of one LimitRange against the pod. */
export function podLimitErrors(items: LimitItem[], spec: PodSpecJson): string[] {
  const errs: string[] = [];
  for (const item of items) {
    if (item.type === 'Container') {
      const all = [...(spec.containers ?? []), ...(spec.initContainers ?? [])] as ContainerJson[];
      for (const c of all) enforce(item, readResourceList(c.resources?.requests), readResourceList(c.resources?.limits), errs);
    }
    if (item.type === 'Pod') enforce(item, podRequests(spec), podLimits(spec), errs);
  }
  return errs;
}

/** PersistentVolumeClaimValidateLimitFunc: storage min/max against spec.resources.requests. */
export function pvcLimitErrors(items: LimitItem[], spec: { resources?: { requests?: unknown } }): string[] {
  const errs: string[] = [];
  const requests = readResourceList(spec.resources?.requests);
  for (const item of items) if (item.type === 'PersistentVolumeClaim') enforce(item, requests, new Map(), errs, maxRequestConstraint, false);
  return errs;
}

/** utilerrors.NewAggregate(errs).Error(). */
export function aggregate(errs: string[]): string {
  const unique = [...new Set(errs)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}
