// qos.GetPodQOS: status.qosClass, else computed from the containers' requests and limits.
import { rec, recs, str, type Fields } from '../columns/fields.js';
import { Quantity, resourceList } from './quantity.js';

const COMPUTE = new Set(['cpu', 'memory']);

function positive(list: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [name, q] of resourceList(list)) if (COMPUTE.has(name) && q.nanos > 0n) out.set(name, q);
  return out;
}

function accumulate(into: Map<string, Quantity>, add: Map<string, Quantity>): void {
  for (const [name, q] of add) into.set(name, into.has(name) ? q.add(into.get(name)!) : q);
}

function limitsCoverCompute(limits: Map<string, Quantity>): boolean {
  return limits.has('cpu') && limits.has('memory');
}

export function podQOS(pod: { [key: string]: unknown }): string {
  const status = rec(pod.status);
  if (str(status.qosClass) !== '') return str(status.qosClass);
  const spec = rec(pod.spec);
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  if (spec.resources !== undefined && spec.resources !== null) {
    const r = rec(spec.resources);
    accumulate(requests, positive(r.requests));
    if (r.limits !== undefined && r.limits !== null) {
      accumulate(limits, positive(r.limits));
      if (!limitsCoverCompute(positive(r.limits))) guaranteed = false;
    }
  } else {
    for (const c of [...recs(spec.containers), ...recs(spec.initContainers)]) {
      const r: Fields = rec(c.resources);
      accumulate(requests, positive(r.requests));
      accumulate(limits, positive(r.limits));
      if (!limitsCoverCompute(positive(r.limits))) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
