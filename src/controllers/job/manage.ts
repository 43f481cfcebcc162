// manageJob: keep min(parallelism, completions left) pods running — delete surplus ones (and
// all of them while suspended), create missing ones after the failure back-off, one pod per
// pending index for Indexed Jobs.
import { isNotFound, type Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { isPodReady, podFromTemplate, type PodTemplate } from '../framework/pods.js';
import { completionsOf, isIndexed, requeue, type JobDeps, type SyncCtx } from './context.js';
import { byRemovalPreference, onlyReplaceFailedPods, removeFinalizerPatch, TRACKING_FINALIZER } from './job-pods.js';
import { COMPLETION_INDEX, COMPLETION_INDEX_ENV, completionIndex, firstPendingIndexes } from './indexes.js';
import { failuresSinceSuccess, remainingBackoffMs } from './backoff.js';
import { createPod, deletePod, slowStart } from './pod-control.js';
import type { Job, Pod } from './types.js';

export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

/** Duplicated, unindexed and out-of-range pods of an Indexed Job, then the least valuable others. */
export function podsForRemoval(job: Job, pods: Pod[], rmAtLeast: number): Pod[] {
  const rm: Pod[] = [];
  let left = pods;
  if (isIndexed(job)) {
    left = [];
    const byIndex = new Map<number, Pod[]>();
    for (const p of pods) {
      const ix = completionIndex(p);
      if (ix < 0 || ix >= completionsOf(job)) rm.push(p);
      else byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
    }
    for (const group of byIndex.values()) {
      const sorted = [...group].sort(byRemovalPreference);
      rm.push(...sorted.slice(0, -1));
      left.push(...sorted.slice(-1));
    }
  }
  if (rm.length < rmAtLeast) rm.push(...[...left].sort(byRemovalPreference).slice(0, rmAtLeast - rm.length));
  return rm;
}

interface Deleted {
  deleted: number;
  ready: number;
  error?: unknown;
}

/** Deletes each pod, first removing its tracking finalizer unless keepFinalizer. */
export async function deleteJobPods(d: JobDeps, sc: SyncCtx, pods: Pod[], keepFinalizer = false): Promise<Deleted> {
  let deleted = 0;
  let ready = 0;
  let error: unknown;
  for (const p of pods) {
    const name = p.metadata.name ?? '';
    try {
      const patch = keepFinalizer ? undefined : removeFinalizerPatch(p);
      if (patch) await d.client.patch(REFS.pods, p.metadata.namespace ?? '', name, 'application/json-patch+json', patch);
      await deletePod(d, sc.job, name);
      d.expectations.expect(sc.key, () => deletionSeen(d, p));
      deleted++;
    } catch (err) {
      if (isNotFound(err)) deleted++;
      else error = err;
    }
    if (isPodReady(p)) ready++;
  }
  return { deleted, ready, error };
}

/** deleteActivePods: deletes a finishing Job's active pods; tracking releases their finalizers. */
export const deleteActivePods = (d: JobDeps, sc: SyncCtx): Promise<Deleted> => deleteJobPods(d, sc, sc.activePods, true);

/** The cache no longer shows p alive. */
function deletionSeen(d: JobDeps, p: Pod): boolean {
  const cur = d.pods.getBy(p.metadata.namespace ?? '', p.metadata.name ?? '');
  return !cur || cur.metadata.uid !== p.metadata.uid || !!cur.metadata.deletionTimestamp;
}

function wantActive(sc: SyncCtx, active: number): number {
  const parallelism = sc.job.spec?.parallelism ?? 1;
  const completions = sc.job.spec?.completions;
  if (completions === undefined || completions === null) return sc.succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - sc.succeeded, parallelism));
}

/** The number of active pods after the changes, and the first failed write if any. */
export async function manageJob(d: JobDeps, sc: SyncCtx): Promise<{ active: number; error?: unknown }> {
  const active = sc.activePods.length;
  const want = sc.job.spec?.suspend ? 0 : wantActive(sc, active);
  const toDelete = podsForRemoval(sc.job, sc.activePods, Math.max(0, active - want)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length) {
    const r = await deleteJobPods(d, sc, toDelete);
    sc.terminating += r.deleted;
    sc.ready -= r.ready;
    return { active: active - r.deleted, error: r.error };
  }
  const terminating = onlyReplaceFailedPods(sc.job) ? sc.terminating : 0;
  let diff = Math.min(want - terminating - active, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (diff <= 0) return { active };
  const { count, last } = failuresSinceSuccess(sc.job, sc.pods);
  const remaining = remainingBackoffMs(count, last, d.now());
  if (remaining > 0) {
    requeue(sc, Math.max(remaining, 1000));
    return { active };
  }
  const indexes = isIndexed(sc.job) ? firstPendingIndexes(sc.activePods, sc.succeededIndexes, diff, completionsOf(sc.job)) : undefined;
  if (indexes) diff = indexes.length;
  const r = await slowStart(Array.from({ length: diff }, (_x, i) => indexes?.[i] ?? -1), (ix) => createJobPod(d, sc, ix));
  return { active: active + r.done, error: r.error };
}

function indexedTemplate(template: PodTemplate): PodTemplate {
  const t = structuredClone(template);
  const env = { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX}']` } } };
  for (const key of ['initContainers', 'containers']) {
    for (const c of (t.spec?.[key] as { env?: { name: string }[] }[] | undefined) ?? []) {
      if (!c.env?.some((e) => e.name === COMPLETION_INDEX_ENV)) c.env = [...(c.env ?? []), env];
    }
  }
  return t;
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut to fit 58 characters. */
export function generateNameWithIndex(job: string, ix: number): string {
  const suffix = `-${ix}-`;
  const prefix = job + suffix;
  return prefix.length > 58 ? job.slice(0, 58 - suffix.length) + suffix : prefix;
}

async function createJobPod(d: JobDeps, sc: SyncCtx, ix: number): Promise<void> {
  const job = sc.job;
  const template = ix >= 0 ? indexedTemplate(job.spec?.template ?? {}) : (job.spec?.template ?? {});
  const pod = podFromTemplate(template, job, ix >= 0 ? { generateName: generateNameWithIndex(job.metadata.name ?? '', ix) } : {});
  const finalizers = (template.metadata?.finalizers as string[] | undefined) ?? [];
  pod.metadata.finalizers = finalizers.includes(TRACKING_FINALIZER) ? [...finalizers] : [...finalizers, TRACKING_FINALIZER];
  if (ix >= 0) {
    pod.metadata.annotations = { ...pod.metadata.annotations, [COMPLETION_INDEX]: String(ix) };
    pod.metadata.labels = { ...pod.metadata.labels, [COMPLETION_INDEX]: String(ix) };
    (pod.spec as Record<string, unknown>).hostname = `${job.metadata.name}-${ix}`;
  }
  const made: Obj = await createPod(d, job, pod);
  const ns = made.metadata.namespace ?? job.metadata.namespace ?? '';
  d.expectations.expect(sc.key, () => !!d.pods.getBy(ns, made.metadata.name ?? ''));
}
