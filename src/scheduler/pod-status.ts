// Pod status writes the scheduler makes: a condition set as podutil.UpdatePodCondition does (the
// transition time kept while the status is unchanged; nothing to write when nothing changed), sent
// as a patch of the status subresource (util.PatchPodStatus).
import type { Client, Obj } from '../client/types.js';
import { REFS } from '../client/refs.js';
import { rfc3339 } from '../controllers/framework/pods.js';

export interface PodCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export const conditionsOf = (pod: Obj): PodCondition[] => (pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? [];

/** The conditions with c set, or undefined when that changes nothing. */
export function setCondition(pod: Obj, c: PodCondition, now: number): PodCondition[] | undefined {
  const list = conditionsOf(pod);
  const i = list.findIndex((x) => x.type === c.type);
  const old = list[i];
  const next: PodCondition = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: rfc3339(now), ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
  if (!old) return [...list, next];
  if (old.status === next.status) next.lastTransitionTime = old.lastTransitionTime ?? next.lastTransitionTime;
  const same = old.status === next.status && (old.reason ?? '') === (next.reason ?? '') && (old.message ?? '') === (next.message ?? '') && (old.lastProbeTime ?? null) === null;
  if (same) return undefined;
  const out = [...list];
  out[i] = next;
  return out;
}

/** Patches the pod's status subresource. */
export function patchPodStatus(client: Client, pod: Obj, status: Record<string, unknown>): Promise<Obj> {
  return client.patch(REFS.pods, pod.metadata.namespace ?? '', pod.metadata.name ?? '', 'application/strategic-merge-patch+json', { status }, { subresource: 'status' });
}
