// TriggerTimeTracker (k8s.io/endpointslice/util): the value of the
// endpoints.kubernetes.io/last-change-trigger-time annotation — the service's creation time on its
// first sync, afterwards the earliest pod Ready transition (or service creation) that changed
// since the previous sync, nothing when none did. Kept in memory, as upstream keeps it.
import type { Obj } from '../../client/types.js';
import { podStatus } from '../framework/pods.js';

interface ServiceState {
  serviceTime: number;
  podTimes: Map<string, number>;
}

const parse = (t: string | null | undefined): number => {
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
};

/** The pod's Ready condition's lastTransitionTime, 0 when it has none. */
const podTriggerTime = (pod: Obj): number =>
  parse(podStatus(pod).conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime);

const earliest = (cur: number, t: number): number => (cur === 0 || t < cur ? t : cur);

/** time.RFC3339Nano in UTC: fractional seconds without trailing zeros. */
export function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d+)Z$/, (_m, f: string) => (/^0+$/.test(f) ? 'Z' : `.${f.replace(/0+$/, '')}Z`));
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** ComputeEndpointLastChangeTriggerTime: ms since the epoch, 0 for "no annotation". */
  compute(key: string, svc: Obj, pods: Obj[]): number {
    const prior = this.states.get(key);
    let changed = 0;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (!t) continue;
      const name = pod.metadata.name ?? '';
      podTimes.set(name, t);
      if (t > (prior?.podTimes.get(name) ?? 0)) changed = earliest(changed, t);
    }
    const serviceTime = parse(svc.metadata.creationTimestamp);
    if (serviceTime > (prior?.serviceTime ?? 0)) changed = earliest(changed, serviceTime);
    this.states.set(key, { serviceTime, podTimes });
    return prior ? changed : serviceTime;
  }

  delete(key: string): void {
    this.states.delete(key);
  }
}
