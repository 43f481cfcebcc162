// Pod status writes the scheduler makes: a condition set as podutil.UpdatePodCondition does
// (src/client/pod-condition.ts), sent as a patch of the status subresource (util.PatchPodStatus).
import type { Client, Obj } from '../client/types.js';
import { REFS } from '../client/refs.js';
import { rfc3339 } from '../controllers/framework/pods.js';
import { updatePodCondition, type PodCondition } from '../client/pod-condition.js';

export type { PodCondition };

export const conditionsOf = (pod: Obj): PodCondition[] => (pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? [];

/** The pod's conditions with c set, or undefined when that changes nothing. */
export function setCondition(pod: Obj, c: PodCondition, now: number): PodCondition[] | undefined {
  return updatePodCondition(conditionsOf(pod), c, rfc3339(now));
}

/** Patches the pod's status subresource. */
export function patchPodStatus(client: Client, pod: Obj, status: Record<string, unknown>): Promise<Obj> {
  return client.patch(REFS.pods, pod.metadata.namespace ?? '', pod.metadata.name ?? '', 'application/strategic-merge-patch+json', { status }, { subresource: 'status' });
}
