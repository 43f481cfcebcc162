// syncCronJob: after the children are reconciled, start the Job for the most recent unmet
// schedule time — unless suspended, too late (startingDeadlineSeconds), already started, or
// forbidden by concurrencyPolicy — and ask to be run again at the next schedule time.
import { isAlreadyExists } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { isControlledBy } from '../framework/pods.js';
import type { Job } from '../job/types.js';
import { deleteJob, inActive, inActiveByName, jobFromTemplate, reconcileChildren, refOf, type CronDeps } from './children.js';
import { effectiveSchedule, parseSchedule, rfc1123z, validTimeZone, type Schedule } from './schedule.js';
import { mostRecentScheduleTime, nextScheduleTimeDuration } from './times.js';
import type { CronJob } from './types.js';

export interface SyncResult {
  requeueAfter?: number;
  update: boolean;
  error?: unknown;
}

function schedule(d: CronDeps, cj: CronJob): Schedule | undefined {
  if (cj.spec.schedule.includes('TZ')) {
    d.recorder.event(cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule "${cj.spec.schedule}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
  }
  try {
    return parseSchedule(effectiveSchedule(cj.spec.schedule, cj.spec.timeZone));
  } catch (err) {
    d.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec.schedule}" : ${(err as Error).message}`);
    return undefined;
  }
}

/** Whether to stop before scheduling: being deleted, bad time zone, suspended. */
function blocked(d: CronDeps, cj: CronJob): boolean {
  if (cj.metadata.deletionTimestamp) return true;
  const tz = cj.spec.timeZone;
  if (tz !== undefined && !validTimeZone(tz)) {
    d.recorder.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`);
    return true;
  }
  return cj.spec.suspend === true;
}

/** The due schedule time, or a result to return without starting anything. */
function dueTime(d: CronDeps, cj: CronJob, sched: Schedule, update: boolean): number | SyncResult {
  const now = d.now();
  const next = (): SyncResult => ({ requeueAfter: nextScheduleTimeDuration(cj, now, sched), update });
  const r = mostRecentScheduleTime(cj, now, sched, true);
  if (r.mostRecent !== undefined && r.mostRecent <= now && r.missed === 'many') {
    d.recorder.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  }
  if (r.error) {
    d.recorder.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${r.error}`);
    return { update };
  }
  if (r.mostRecent === undefined || r.mostRecent > now) return next();
  const t = r.mostRecent;
  const sds = cj.spec.startingDeadlineSeconds;
  if (sds !== undefined && t + sds * 1000 < now) {
    d.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(t)}`);
    return next();
  }
  const last = cj.status?.lastScheduleTime ? Date.parse(cj.status.lastScheduleTime) : undefined;
  if (inActiveByName(cj, `${cj.metadata.name}-${Math.floor(t / 60_000)}`) || last === t) return next();
  if (cj.spec.concurrencyPolicy === 'Forbid' && (cj.status?.active?.length ?? 0) > 0) {
    d.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    return next();
  }
  return t;
}

/** concurrencyPolicy Replace: delete the Jobs still running. */
async function replaceActive(d: CronDeps, cj: CronJob): Promise<void> {
  for (const ref of [...(cj.status?.active ?? [])]) {
    let job: Job;
    try {
      job = await d.client.get<Job>(REFS.jobs, ref.namespace ?? '', ref.name ?? '');
    } catch (err) {
      d.recorder.event(cj, 'Warning', 'FailedGet', `Get job: ${(err as Error).message}`);
      throw err;
    }
    if (!(await deleteJob(d, cj, job))) throw new Error(`could not replace job ${job.metadata.namespace}/${job.metadata.name}`);
  }
}

/** Creates the Job for t; undefined when someone else's Job holds the name or it is already active. */
async function startJob(d: CronDeps, cj: CronJob, t: number): Promise<Job | undefined> {
  const req = jobFromTemplate(cj, t);
  try {
    const made = await d.client.create<Job>(REFS.jobs, cj.metadata.namespace ?? '', req);
    d.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${made.metadata.name}`);
    return made;
  } catch (err) {
    if (!isAlreadyExists(err)) {
      d.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${(err as Error).message}`);
      throw err;
    }
  }
  const job = await d.client.get<Job>(REFS.jobs, cj.metadata.namespace ?? '', req.metadata.name ?? '');
  return isControlledBy(job, cj) && !inActive(cj, job.metadata.uid) ? job : undefined;
}

export async function syncCronJob(d: CronDeps, cj: CronJob, jobs: Job[]): Promise<SyncResult> {
  let update = await reconcileChildren(d, cj, jobs);
  if (blocked(d, cj)) return { update };
  const sched = schedule(d, cj);
  if (!sched) return { update };
  const due = dueTime(d, cj, sched, update);
  if (typeof due !== 'number') return due;
  try {
    if (cj.spec.concurrencyPolicy === 'Replace' && (cj.status?.active?.length ?? 0) > 0) {
      update = true;
      await replaceActive(d, cj);
    }
    const job = await startJob(d, cj, due);
    if (job) {
      const st = (cj.status ??= {});
      st.active = [...(st.active ?? []), refOf(job)];
      st.lastScheduleTime = new Date(due).toISOString().replace(/\.\d+Z$/, 'Z');
      update = true;
    }
  } catch (error) {
    return { update, error };
  }
  return { requeueAfter: nextScheduleTimeDuration(cj, d.now(), sched), update };
}
