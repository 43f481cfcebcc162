// syncJob: from the Job and its pods, decide whether it has failed (backoff limit, deadline,
// pod failure policy) or succeeded, run or stop pods accordingly, and track the result.
// Terminal conditions come in two steps as in v1.31+: FailureTarget / SuccessCriteriaMet first,
// Failed / Complete once no pod is left terminating.
import { rfc3339 } from '../framework/pods.js';
import type { ReconcileResult } from '../framework/controller.js';
import { completionsOf, isIndexed, newSyncCtx, requeue, type JobDeps, type SyncCtx } from './context.js';
import {
  FAILED, FAILURE_TARGET, REASONS, SUCCESS_CRITERIA_MET, SUSPENDED, ensureCondition, findCondition, isJobFinished, newCondition,
} from './conditions.js';
import { hasTrackingFinalizer, isPodFailed, pastBackoffLimitOnFailure } from './job-pods.js';
import { completionIndex, parseIndexes, withIndexes } from './indexes.js';
import { matchFailurePolicy } from './failure-policy.js';
import { deleteActivePods, manageJob } from './manage.js';
import { trackStatus } from './tracking.js';
import type { Job } from './types.js';

export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';

const managedElsewhere = (job: Job) => !!job.spec?.managedBy && job.spec.managedBy !== JOB_CONTROLLER_NAME;

function pastActiveDeadline(job: Job, now: number): boolean {
  const ads = job.spec?.activeDeadlineSeconds;
  if (ads === undefined || !job.status?.startTime || job.spec?.suspend) return false;
  return now - Date.parse(job.status.startTime) >= ads * 1000;
}

function failJobMessage(sc: SyncCtx): string | undefined {
  if (!sc.job.spec?.podFailurePolicy) return undefined;
  for (const p of sc.pods) {
    if (!isPodFailed(p, sc.job)) continue;
    const m = matchFailurePolicy(sc.job, p).failJobMessage;
    if (m) return m;
  }
  return undefined;
}

/** Sets sc.finished when the Job has already met its success criteria or has failed. */
function decideFinished(d: JobDeps, sc: SyncCtx): void {
  const now = d.now();
  const conds = sc.job.status?.conditions;
  const met = findCondition(conds, SUCCESS_CRITERIA_MET);
  if (met?.status === 'True') return void (sc.finished = met);
  const target = findCondition(conds, FAILURE_TARGET);
  if (target?.status === 'True') return void (sc.finished = newCondition(FAILED, 'True', target.reason ?? '', target.message ?? '', now));
  const policyMsg = failJobMessage(sc);
  if (policyMsg) return void (sc.finished = newCondition(FAILURE_TARGET, 'True', 'PodFailurePolicy', policyMsg, now));
  const job = sc.job;
  if (sc.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, sc.pods)) {
    sc.finished = newCondition(FAILURE_TARGET, 'True', ...REASONS.backoffLimitExceeded, now);
  } else if (pastActiveDeadline(job, now)) {
    sc.finished = newCondition(FAILURE_TARGET, 'True', ...REASONS.deadlineExceeded, now);
  } else if (job.spec?.activeDeadlineSeconds !== undefined && !job.spec.suspend && job.status?.startTime) {
    requeue(sc, job.spec.activeDeadlineSeconds * 1000 - (now - Date.parse(job.status.startTime)));
  }
}

function computeIndexes(sc: SyncCtx): void {
  const n = completionsOf(sc.job);
  sc.prevSucceededIndexes = parseIndexes(sc.job.status?.completedIndexes, n);
  const fresh = sc.pods.filter((p) => p.status?.phase === 'Succeeded' && hasTrackingFinalizer(p)).map(completionIndex).filter((i) => i >= 0 && i < n);
  sc.succeededIndexes = withIndexes(sc.prevSucceededIndexes, [...new Set(fresh)].sort((a, b) => a - b));
  sc.succeeded = sc.succeededIndexes.reduce((t, i) => t + i.last - i.first + 1, 0);
}

/** The Suspended condition and its events; resuming restarts the deadline clock. */
function updateSuspended(d: JobDeps, sc: SyncCtx): boolean {
  const status = (sc.job.status ??= {});
  const conds = (status.conditions ??= []);
  if (sc.job.spec?.suspend) {
    const changed = ensureCondition(conds, SUSPENDED, 'True', 'JobSuspended', 'Job suspended', d.now());
    if (changed) d.recorder.event(sc.job, 'Normal', 'Suspended', 'Job suspended');
    return changed;
  }
  const changed = ensureCondition(conds, SUSPENDED, 'False', 'JobResumed', 'Job resumed', d.now());
  if (changed) {
    d.recorder.event(sc.job, 'Normal', 'Resumed', 'Job resumed');
    status.startTime = rfc3339(d.now());
  }
  return changed;
}

/** Deletes the active pods of a finishing Job; it finishes only once all deletes went through. */
async function stopActivePods(d: JobDeps, sc: SyncCtx, satisfied: boolean): Promise<{ active: number; error?: unknown }> {
  const active = sc.activePods.length;
  const r = await deleteActivePods(d, sc);
  if (r.deleted !== active || !satisfied) sc.finished = undefined;
  sc.terminating += r.deleted;
  sc.ready -= r.ready;
  return { active: active - r.deleted, error: r.error };
}

async function runOrStop(d: JobDeps, sc: SyncCtx, satisfied: boolean): Promise<{ active: number; suspendChanged: boolean; error?: unknown }> {
  if (sc.finished) return { ...(await stopActivePods(d, sc, satisfied)), suspendChanged: false };
  let r: { active: number; error?: unknown } = { active: sc.activePods.length };
  const called = satisfied && !sc.job.metadata.deletionTimestamp;
  if (called) r = await manageJob(d, sc);
  const completions = sc.job.spec?.completions;
  const complete = completions === undefined || completions === null ? sc.succeeded > 0 && r.active === 0 : sc.succeeded >= completions && r.active === 0;
  if (complete) {
    sc.finished = newCondition(SUCCESS_CRITERIA_MET, 'True', ...REASONS.completionsReached, d.now());
    return { ...r, suspendChanged: false };
  }
  return { ...r, suspendChanged: called && updateSuspended(d, sc) };
}

export async function syncJob(d: JobDeps, key: string, cached: Job): Promise<ReconcileResult> {
  if (isJobFinished(cached) || managedElsewhere(cached)) return;
  const job: Job = structuredClone(cached);
  const status = (job.status ??= {});
  status.uncountedTerminatedPods ??= {};
  const satisfied = d.expectations.satisfied(key);
  const sc = newSyncCtx(d, key, job);
  if (!status.startTime && !job.spec?.suspend) status.startTime = rfc3339(d.now());
  decideFinished(d, sc);
  if (isIndexed(job)) computeIndexes(sc);
  const r = await runOrStop(d, sc, satisfied);
  const needs = r.suspendChanged || r.active !== (status.active ?? 0) || sc.ready !== status.ready || sc.terminating !== status.terminating;
  status.active = r.active;
  status.ready = sc.ready;
  status.terminating = sc.terminating;
  await trackStatus(d, sc, needs);
  if (r.error) throw r.error;
  return sc.requeueAfter !== undefined ? { requeueAfter: Math.max(sc.requeueAfter, 0) } : undefined;
}
