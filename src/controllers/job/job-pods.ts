// What the job controller asks of its pods: the tracking finalizer, which pods count as failed
// or terminating, the order in which surplus pods are removed (controller.ActivePods), and when
// a pod finished (for the failure back-off).
import type { Job, Pod } from './types.js';
import { isPodReady } from '../framework/pods.js';

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export const hasTrackingFinalizer = (p: Pod): boolean => p.metadata.finalizers?.includes(TRACKING_FINALIZER) ?? false;

/** A JSON patch that removes the tracking finalizer, guarded by a test of its position. */
export function removeFinalizerPatch(p: Pod): unknown[] | undefined {
  const i = p.metadata.finalizers?.indexOf(TRACKING_FINALIZER) ?? -1;
  if (i < 0) return undefined;
  return [{ op: 'test', path: `/metadata/finalizers/${i}`, value: TRACKING_FINALIZER }, { op: 'remove', path: `/metadata/finalizers/${i}` }];
}

const phase = (p: Pod) => p.status?.phase;
export const isTerminal = (p: Pod): boolean => phase(p) === 'Succeeded' || phase(p) === 'Failed';

/** Replacement pods wait for a failed pod to be fully terminated (podReplacementPolicy Failed). */
export const onlyReplaceFailedPods = (job: Job): boolean => job.spec?.podReplacementPolicy === 'Failed' || !!job.spec?.podFailurePolicy;

/** Failed, or (unless only failed pods are replaced) deleted before it succeeded. */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (phase(p) === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!p.metadata.deletionTimestamp && phase(p) !== 'Succeeded';
}

/** controller.CountTerminatingPods: deleted pods that have not reached a terminal phase. */
export const countTerminating = (pods: Pod[]): number => pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length;

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const readySince = (p: Pod) => Date.parse(p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? '') || 0;
const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
const created = (p: Pod) => Date.parse(p.metadata.creationTimestamp ?? '') || 0;

/** controller.ActivePods order: the pods to remove first come first. */
export function byRemovalPreference(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const pa = PHASE_RANK[phase(a) ?? ''] ?? 0;
  const pb = PHASE_RANK[phase(b) ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a) ? 1 : 0;
  const rb = isPodReady(b) ? 1 : 0;
  if (ra !== rb) return ra - rb;
  if (ra && readySince(a) !== readySince(b)) return readySince(b) - readySince(a);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  return created(b) - created(a);
}

/** When the pod finished: its last container exit, its Ready=False time, its deletion, or its creation. */
export function finishedAt(p: Pod): number {
  const statuses = p.status?.containerStatuses ?? [];
  const ends = statuses.map((c) => Date.parse(c.state?.terminated?.finishedAt ?? ''));
  if (statuses.length && ends.every((t) => !Number.isNaN(t))) return Math.max(...ends);
  const notReady = p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'False')?.lastTransitionTime;
  if (notReady) return Date.parse(notReady);
  if (p.metadata.deletionTimestamp) return Date.parse(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return created(p);
}

/** restartPolicy OnFailure: container restarts of running/pending pods reach backoffLimit. */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let n = 0;
  for (const p of pods) {
    if (phase(p) !== 'Running' && phase(p) !== 'Pending') continue;
    for (const c of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) n += c.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? n > 0 : n >= limit;
}
