// Stale DisruptionTarget conditions (the disruption controller's stalePodDisruption queue): a pod
// marked DisruptionTarget=True (by an eviction or preemption) that is still not terminating two
// minutes later gets the condition set back to False.
import type { Obj } from '../../client/types.js';
import { rfc3339 } from '../framework/pods.js';

/** stalePodDisruptionTimeout. */
export const STALE_DISRUPTION_TIMEOUT_MS = 2 * 60_000;

interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
}

const conditionsOf = (pod: Obj): PodCondition[] => ((pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? []);

/** nonTerminatingPodHasStaleDisruptionCondition: undefined when not, else ms until it is stale. */
export function staleDisruptionWait(pod: Obj, now: number): number | undefined {
  if (pod.metadata.deletionTimestamp) return undefined;
  const cond = conditionsOf(pod).find((c) => c.type === 'DisruptionTarget');
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!cond || cond.status !== 'True' || cond.reason === 'TerminationByKubelet' || phase === 'Succeeded' || phase === 'Failed') return undefined;
  const since = cond.lastTransitionTime ? Date.parse(cond.lastTransitionTime) : 0;
  return Math.max(0, STALE_DISRUPTION_TIMEOUT_MS - (now - since));
}

/** The pod with its DisruptionTarget condition reset to False (podutil.UpdatePodCondition). */
export function withConditionCleared(pod: Obj, now: number): Obj {
  const conditions = conditionsOf(pod).map((c) =>
    (c.type === 'DisruptionTarget' ? { type: 'DisruptionTarget', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(now) } : c));
  return { ...pod, status: { ...(pod.status as object), conditions } };
}
