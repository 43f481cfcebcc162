// The delay before a failed Job pod is replaced: 10 s after the first failure since the last
// success, doubling per further failure, capped at 10 minutes (DefaultJobPodFailureBackOff,
// MaxJobPodFailureBackOff). Upstream keeps the count in memory; here it is read from the pods.
import type { Job, Pod } from './types.js';
import { finishedAt, hasTrackingFinalizer, isPodFailed } from './job-pods.js';

export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

/** Failures after the last success, and when the latest of them happened. */
export function failuresSinceSuccess(job: Job, pods: Pod[]): { count: number; last: number } {
  const failed = (p: Pod) => p.status?.phase === 'Failed' || (hasTrackingFinalizer(p) && isPodFailed(p, job));
  const lastSuccess = Math.max(-Infinity, ...pods.filter((p) => p.status?.phase === 'Succeeded').map(finishedAt));
  const after = pods.filter(failed).map(finishedAt).filter((t) => t > lastSuccess);
  return { count: after.length, last: after.length ? Math.max(...after) : 0 };
}

/** getRemainingTimeForFailuresCount: what is left of the back-off at now, in ms. */
export function remainingBackoffMs(count: number, lastFailure: number, now: number): number {
  if (count === 0) return 0;
  let d = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < count && d < MAX_POD_FAILURE_BACKOFF_MS; i++) d = Math.min(d * 2, MAX_POD_FAILURE_BACKOFF_MS);
  const elapsed = now - lastFailure;
  return d < elapsed ? 0 : d - elapsed;
}
