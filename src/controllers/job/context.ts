// What one Job sync works with (syncJobCtx): the controller's collaborators, and the pods and
// counts worked out from the cache at the start of the sync.
import type { Client } from '../../client/types.js';
import type { EventRecorder } from '../framework/events.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf, isPodActive, isPodReady } from '../framework/pods.js';
import type { Expectations, UidExpectations } from './expectations.js';
import type { Job, JobCondition, Pod } from './types.js';
import { countTerminating, hasTrackingFinalizer, isPodFailed } from './job-pods.js';
import { completionIndex, type Interval } from './indexes.js';
import { matchFailurePolicy } from './failure-policy.js';

export interface JobDeps {
  client: Client;
  recorder: EventRecorder;
  now: () => number;
  pods: Informer<Pod>;
  expectations: Expectations;
  finalizerExpectations: UidExpectations;
}

export interface SyncCtx {
  key: string;
  job: Job;
  pods: Pod[];
  activePods: Pod[];
  ready: number;
  terminating: number;
  succeeded: number;
  failed: number;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  expectedRmFinalizers: Set<string>;
  finished?: JobCondition;
  prevSucceededIndexes: Interval[];
  succeededIndexes: Interval[];
  requeueAfter?: number;
}

export const isIndexed = (job: Job): boolean => job.spec?.completionMode === 'Indexed';
export const completionsOf = (job: Job): number => job.spec?.completions ?? 0;

/** The Job's pods: those whose controller reference points at it. */
export function podsOf(d: JobDeps, job: Job): Pod[] {
  return d.pods.list(job.metadata.namespace ?? '').filter((p) => controllerOf(p)?.uid === job.metadata.uid);
}

/** Finished pods still holding the finalizer and not yet in uncountedTerminatedPods. */
function newlyFinished(sc: SyncCtx, filter: (p: Pod) => boolean, uncounted: Set<string>): Pod[] {
  return sc.pods.filter((p) => {
    const uid = p.metadata.uid ?? '';
    if (!hasTrackingFinalizer(p) || uncounted.has(uid) || sc.expectedRmFinalizers.has(uid)) return false;
    if (isIndexed(sc.job)) {
      const ix = completionIndex(p);
      if (ix < 0 || ix >= completionsOf(sc.job)) return false;
    }
    return filter(p);
  });
}

export function newSyncCtx(d: JobDeps, key: string, job: Job): SyncCtx {
  const pods = podsOf(d, job);
  const activePods = pods.filter(isPodActive);
  const unc = job.status?.uncountedTerminatedPods ?? {};
  const expectedRmFinalizers = d.finalizerExpectations.pending(key, (uid) => {
    const p = pods.find((x) => x.metadata.uid === uid);
    return !p || !hasTrackingFinalizer(p);
  });
  const sc: SyncCtx = {
    key, job, pods, activePods, ready: activePods.filter(isPodReady).length, terminating: countTerminating(pods),
    succeeded: 0, failed: 0, expectedRmFinalizers, prevSucceededIndexes: [], succeededIndexes: [],
    uncounted: { succeeded: new Set(unc.succeeded ?? []), failed: new Set(unc.failed ?? []) },
  };
  const newSucceeded = newlyFinished(sc, (p) => p.status?.phase === 'Succeeded', sc.uncounted.succeeded);
  const newFailed = newlyFinished(sc, (p) => isPodFailed(p, job), sc.uncounted.failed).filter((p) => matchFailurePolicy(job, p).count);
  sc.succeeded = (job.status?.succeeded ?? 0) + newSucceeded.length + sc.uncounted.succeeded.size;
  sc.failed = (job.status?.failed ?? 0) + newFailed.length + sc.uncounted.failed.size;
  return sc;
}

/** Asks for another sync after ms, keeping the earliest request. */
export function requeue(sc: SyncCtx, ms: number): void {
  sc.requeueAfter = sc.requeueAfter === undefined ? ms : Math.min(sc.requeueAfter, ms);
}
