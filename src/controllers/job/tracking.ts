// trackJobStatusAndRemoveFinalizers: finished pods go into status.uncountedTerminatedPods, that
// status is written, then their tracking finalizers are removed, and only pods whose finalizer
// is gone move into status.succeeded/failed — so a crash anywhere neither loses nor double
// counts a pod. The Job gets its terminal condition once nothing is uncounted or terminating.
import { isNotFound } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { completionsOf, isIndexed, type JobDeps, type SyncCtx } from './context.js';
import { COMPLETE, FAILED, FAILURE_TARGET, SUCCESS_CRITERIA_MET, ensureCondition, findCondition, newCondition } from './conditions.js';
import { hasTrackingFinalizer, isPodFailed, removeFinalizerPatch } from './job-pods.js';
import { completionIndex, formatIndexes, hasIndex, withIndexes } from './indexes.js';
import { matchFailurePolicy } from './failure-policy.js';
import type { Job, JobStatus, Pod } from './types.js';

const MAX_UNCOUNTED_PODS = 500;

interface Pass {
  toRemove: Pod[];
  withFinalizer: Set<string>;
  newSucceededIndexes: number[];
  flush: boolean;
  full: boolean;
}

/** Moves UIDs whose finalizer is gone out of the uncounted lists into the counters. */
function cleanUncounted(status: JobStatus, withFinalizer: Set<string>): boolean {
  const unc = (status.uncountedTerminatedPods ??= {});
  let changed = false;
  for (const k of ['succeeded', 'failed'] as const) {
    const keep = (unc[k] ?? []).filter((u) => withFinalizer.has(u));
    if (keep.length === (unc[k] ?? []).length) continue;
    status[k] = (status[k] ?? 0) + (unc[k] ?? []).length - keep.length;
    unc[k] = keep;
    changed = true;
  }
  return changed;
}

const canRemoveFinalizer = (sc: SyncCtx, p: Pod, failed: boolean) =>
  !!sc.job.metadata.deletionTimestamp || !!sc.finished || p.status?.phase === 'Succeeded' || failed;

function countPod(sc: SyncCtx, pass: Pass, p: Pod): void {
  const unc = (sc.job.status ??= {}).uncountedTerminatedPods ??= {};
  const uid = p.metadata.uid ?? '';
  const failed = isPodFailed(p, sc.job);
  if (!canRemoveFinalizer(sc, p, failed)) return;
  pass.toRemove.push(p);
  const ix = completionIndex(p);
  if (p.status?.phase === 'Succeeded' && !sc.uncounted.failed.has(uid)) {
    if (isIndexed(sc.job)) {
      if (ix >= 0 && ix < completionsOf(sc.job) && !hasIndex(sc.prevSucceededIndexes, ix)) pass.newSucceededIndexes.push(ix), (pass.flush = true);
    } else if (!sc.uncounted.succeeded.has(uid)) (unc.succeeded ??= []).push(uid), (pass.flush = true);
  } else if (failed || (sc.finished && sc.finished.type !== SUCCESS_CRITERIA_MET)) {
    if (sc.uncounted.failed.has(uid) || (isIndexed(sc.job) && (ix < 0 || ix >= completionsOf(sc.job)))) return;
    if (matchFailurePolicy(sc.job, p).count) (unc.failed ??= []).push(uid);
    pass.flush = true;
  }
}

function collect(sc: SyncCtx, flush: boolean): Pass {
  const pods = isIndexed(sc.job) ? [...sc.pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : sc.pods;
  const withFinalizer = new Set(pods.filter((p) => hasTrackingFinalizer(p) && !sc.expectedRmFinalizers.has(p.metadata.uid ?? '')).map((p) => p.metadata.uid ?? ''));
  const pass: Pass = { toRemove: [], withFinalizer, newSucceededIndexes: [], flush, full: false };
  if (cleanUncounted((sc.job.status ??= {}), withFinalizer)) pass.flush = true;
  for (const p of pods) {
    if (!withFinalizer.has(p.metadata.uid ?? '')) continue;
    countPod(sc, pass, p);
    const unc = sc.job.status.uncountedTerminatedPods ?? {};
    if (pass.newSucceededIndexes.length + (unc.succeeded?.length ?? 0) + (unc.failed?.length ?? 0) >= MAX_UNCOUNTED_PODS) {
      pass.full = true;
      break;
    }
  }
  return pass;
}

function applyIndexesAndInterim(sc: SyncCtx, pass: Pass, now: number): void {
  const status = (sc.job.status ??= {});
  if (isIndexed(sc.job)) {
    sc.succeededIndexes = withIndexes(sc.succeededIndexes, [...pass.newSucceededIndexes].sort((a, b) => a - b));
    const s = formatIndexes(sc.succeededIndexes);
    if (s !== (status.completedIndexes ?? '')) pass.flush = true;
    status.succeeded = sc.succeededIndexes.reduce((n, i) => n + i.last - i.first + 1, 0);
    status.completedIndexes = s;
  }
  const conds = (status.conditions ??= []);
  const f = sc.finished;
  if (f?.type === FAILURE_TARGET) {
    conds.push(f);
    pass.flush = true;
    sc.finished = newCondition(FAILED, 'True', f.reason ?? '', f.message ?? '', now);
  } else if (f?.type === SUCCESS_CRITERIA_MET) {
    if (findCondition(conds, SUCCESS_CRITERIA_MET)?.status !== 'True') conds.push(f), (pass.flush = true);
    sc.finished = newCondition(COMPLETE, 'True', f.reason ?? '', f.message ?? '', now);
  }
}

/** The status as upstream serialises it: zero counters and empty lists left out. */
export function tidyStatus(status: JobStatus): JobStatus {
  const out: JobStatus = structuredClone(status);
  for (const k of ['active', 'succeeded', 'failed'] as const) if (!out[k]) delete out[k];
  if (!out.completedIndexes) delete out.completedIndexes;
  if (!out.conditions?.length) delete out.conditions;
  const unc = (out.uncountedTerminatedPods ??= {});
  if (!unc.succeeded?.length) delete unc.succeeded;
  if (!unc.failed?.length) delete unc.failed;
  return out;
}

async function writeStatus(d: JobDeps, sc: SyncCtx): Promise<void> {
  const sent: Job = { ...sc.job, status: tidyStatus(sc.job.status ?? {}) };
  sc.job = await d.client.update<Job>(REFS.jobs, sent, { subresource: 'status' });
}

async function removeFinalizers(d: JobDeps, sc: SyncCtx, pods: Pod[], withFinalizer: Set<string>): Promise<unknown> {
  d.finalizerExpectations.expect(sc.key, pods.map((p) => p.metadata.uid ?? ''));
  let error: unknown;
  for (const p of pods) {
    const patch = removeFinalizerPatch(p);
    try {
      if (patch) await d.client.patch(REFS.pods, p.metadata.namespace ?? '', p.metadata.name ?? '', 'application/json-patch+json', patch);
      withFinalizer.delete(p.metadata.uid ?? '');
    } catch (err) {
      if (isNotFound(err)) withFinalizer.delete(p.metadata.uid ?? '');
      else error = err;
    }
  }
  return error;
}

function enactFinished(d: JobDeps, sc: SyncCtx): boolean {
  const f = sc.finished;
  const status = (sc.job.status ??= {});
  const unc = status.uncountedTerminatedPods ?? {};
  if (!f || (unc.succeeded?.length ?? 0) + (unc.failed?.length ?? 0) > 0 || sc.terminating > 0) return false;
  ensureCondition((status.conditions ??= []), f.type, f.status, f.reason ?? '', f.message ?? '', d.now());
  if (f.type === COMPLETE) status.completionTime = f.lastTransitionTime;
  return true;
}

function recordFinished(d: JobDeps, sc: SyncCtx): void {
  const f = sc.finished;
  if (!f) return;
  if (f.type !== COMPLETE) return d.recorder.event(sc.job, 'Warning', f.reason ?? '', f.message ?? '');
  const completions = sc.job.spec?.completions;
  if (completions !== undefined && completions !== null && (sc.job.status?.succeeded ?? 0) > completions) {
    d.recorder.event(sc.job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
  }
  d.recorder.event(sc.job, 'Normal', 'Completed', 'Job completed');
}

/** Counts finished pods, releases their finalizers, and finishes the Job when it can. */
export async function trackStatus(d: JobDeps, sc: SyncCtx, needsFlush: boolean): Promise<void> {
  const pass = collect(sc, needsFlush);
  applyIndexesAndInterim(sc, pass, d.now());
  if (pass.flush) await writeStatus(d, sc);
  let flush = false;
  const rmErr = pass.toRemove.length ? await removeFinalizers(d, sc, pass.toRemove, pass.withFinalizer) : undefined;
  if (cleanUncounted((sc.job.status ??= {}), pass.withFinalizer)) flush = true;
  if (rmErr) {
    if (flush) await writeStatus(d, sc);
    throw rmErr;
  }
  const finished = !pass.full && enactFinished(d, sc);
  if (!finished && !flush) return;
  await writeStatus(d, sc);
  if (finished) recordFinished(d, sc);
}
