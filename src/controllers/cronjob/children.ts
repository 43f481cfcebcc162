// The CronJob's Jobs: reconciling status.active against them, deleting them (Replace and the
// history limits) and making the next one from the template.
import { isNotFound, type Client, type Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { EventRecorder } from '../framework/events.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf, controllerRef } from '../framework/pods.js';
import { finishedCondition, isJobFinished } from '../job/conditions.js';
import type { Job } from '../job/types.js';
import { rfc3339In } from './schedule.js';
import type { CronJob, ObjectReference } from './types.js';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

export interface CronDeps {
  client: Client;
  recorder: EventRecorder;
  now: () => number;
  jobs: Informer<Job>;
}

/** Jobs whose controller reference names this CronJob. */
export function jobsOf(d: CronDeps, cj: CronJob): Job[] {
  return d.jobs.list(cj.metadata.namespace ?? '').filter((j) => {
    const ref = controllerOf(j);
    return ref?.kind === 'CronJob' && ref.name === cj.metadata.name;
  });
}

export const inActive = (cj: CronJob, uid: string | undefined): boolean => cj.status?.active?.some((r) => r.uid === uid) ?? false;
export const inActiveByName = (cj: CronJob, name: string): boolean => cj.status?.active?.some((r) => r.name === name && r.namespace === cj.metadata.namespace) ?? false;

export function removeFromActive(cj: CronJob, uid: string | undefined): void {
  const st = (cj.status ??= {});
  st.active = (st.active ?? []).filter((r) => r.uid !== uid);
}

/** ref.GetReference for a Job. */
export const refOf = (j: Obj): ObjectReference => ({
  kind: 'Job', namespace: j.metadata.namespace, name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata.resourceVersion,
});

/** Deletes a Job (background propagation) and its active-list entry; false if the delete failed. */
export async function deleteJob(d: CronDeps, cj: CronJob, job: Obj): Promise<boolean> {
  try {
    await d.client.delete(REFS.jobs, job.metadata.namespace ?? '', job.metadata.name ?? '', { propagationPolicy: 'Background' });
  } catch (err) {
    d.recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${(err as Error).message}`);
    return false;
  }
  removeFromActive(cj, job.metadata.uid);
  d.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  return true;
}

const startOf = (j: Job) => (j.status?.startTime ? Date.parse(j.status.startTime) : Infinity);

/** cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit / failedJobsHistoryLimit. */
export async function cleanupFinishedJobs(d: CronDeps, cj: CronJob, jobs: Job[]): Promise<boolean> {
  const limits = { Complete: cj.spec.successfulJobsHistoryLimit, Failed: cj.spec.failedJobsHistoryLimit };
  let changed = false;
  for (const [type, limit] of Object.entries(limits)) {
    if (limit === undefined || limit === null) continue;
    const done = jobs.filter((j) => finishedCondition(j)?.type === type)
      .sort((a, b) => startOf(a) - startOf(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    for (const j of done.slice(0, Math.max(0, done.length - limit))) if (await deleteJob(d, cj, j)) changed = true;
  }
  return changed;
}

/** getJobFromTemplate2: `<cronjob>-<minutes since epoch>`, the scheduled-time annotation, a controller reference. */
export function jobFromTemplate(cj: CronJob, scheduled: number): Job {
  const t = cj.spec.jobTemplate;
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: {
      name: `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`,
      namespace: cj.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      annotations: { ...(t.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339In(scheduled, cj.spec.timeZone) },
      ownerReferences: [controllerRef(cj)],
    },
    spec: structuredClone(t.spec ?? {}),
  };
}

/** Reconciles status.active and lastSuccessfulTime with the child Jobs; returns whether status changed. */
export async function reconcileChildren(d: CronDeps, cj: CronJob, jobs: Job[]): Promise<boolean> {
  let changed = false;
  const st = (cj.status ??= {});
  for (const j of jobs) {
    const found = inActive(cj, j.metadata.uid);
    if (!found && !isJobFinished(j)) {
      const fresh = await d.client.get<CronJob>(REFS.cronjobs, cj.metadata.namespace ?? '', cj.metadata.name ?? '');
      if (!inActive(fresh, j.metadata.uid)) d.recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
      continue;
    }
    const cond = finishedCondition(j);
    if (!cond) continue;
    if (found) {
      removeFromActive(cj, j.metadata.uid);
      d.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${cond.type}`);
      changed = true;
    }
    const done = j.status?.completionTime;
    if (cond.type === 'Complete' && done && (!st.lastSuccessfulTime || Date.parse(done) > Date.parse(st.lastSuccessfulTime))) {
      st.lastSuccessfulTime = done;
      changed = true;
    }
  }
  return (await dropMissing(d, cj, jobs)) || changed;
}

async function dropMissing(d: CronDeps, cj: CronJob, jobs: Job[]): Promise<boolean> {
  let changed = false;
  const uids = new Set(jobs.map((j) => j.metadata.uid));
  for (const ref of [...(cj.status?.active ?? [])]) {
    if (uids.has(ref.uid)) continue;
    try {
      await d.client.get(REFS.jobs, ref.namespace ?? '', ref.name ?? '');
    } catch (err) {
      if (!isNotFound(err)) throw err;
      d.recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
      removeFromActive(cj, ref.uid);
      changed = true;
    }
  }
  return changed;
}
