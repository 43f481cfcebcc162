// The CronJob controller (ControllerV2; --controllers=cronjob, service account
// cronjob-controller): each sync reconciles the CronJob's Jobs, starts the due one, writes
// status, and asks to be run again at the next schedule time — computed from ctx.now(), so a
// fake clock that jumps ahead fires it.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf } from '../framework/pods.js';
import { REFS } from '../../client/refs.js';
import { keyOf, splitKey } from '../../client/types.js';
import type { Job } from '../job/types.js';
import { cleanupFinishedJobs, jobsOf, type CronDeps } from './children.js';
import { effectiveSchedule, parseSchedule } from './schedule.js';
import { syncCronJob } from './sync.js';
import { nextScheduleTimeDuration } from './times.js';
import type { CronJob, CronJobStatus } from './types.js';

/** The status as upstream serialises it: an empty active list left out. */
function tidy(status: CronJobStatus): CronJobStatus {
  const out = { ...status };
  if (!out.active?.length) delete out.active;
  return out;
}

export class CronJobController implements Reconciler {
  readonly name = 'cronjob';
  readonly queue;
  private readonly cronjobs: Informer<CronJob>;
  private readonly deps: CronDeps;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.cronjobs = ctx.informers.for<CronJob>(REFS.cronjobs);
    const jobs = ctx.informers.for<Job>(REFS.jobs);
    this.deps = { client: ctx.client, recorder: ctx.recorder, now: ctx.now, jobs };
    this.cronjobs.on({ add: (cj) => this.queue.add(keyOf(cj)), update: (old, cj) => this.updated(old, cj), delete: (cj) => this.queue.add(keyOf(cj)) });
    jobs.on({ add: (j) => this.jobChanged(j), update: (old, j) => { this.jobChanged(old); this.jobChanged(j); }, delete: (j) => this.jobChanged(j) });
  }

  private jobChanged(j: Job): void {
    const ref = controllerOf(j);
    if (ref?.kind !== 'CronJob') return;
    const cj = this.cronjobs.getBy(j.metadata.namespace ?? '', ref.name);
    if (cj?.metadata.uid === ref.uid) this.queue.add(keyOf(cj));
  }

  /** A new schedule or time zone moves the next sync to the new next time; anything else syncs now. */
  private updated(old: CronJob, cj: CronJob): void {
    if (old.spec.schedule === cj.spec.schedule && old.spec.timeZone === cj.spec.timeZone) return this.queue.add(keyOf(cj));
    try {
      const sched = parseSchedule(effectiveSchedule(cj.spec.schedule, cj.spec.timeZone));
      this.queue.addAfter(keyOf(cj), nextScheduleTimeDuration(cj, this.ctx.now(), sched));
    } catch {
      this.ctx.recorder.event(cj, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cj.spec.schedule}`);
    }
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const cached = this.cronjobs.getBy(namespace, name);
    if (!cached) return;
    const cj: CronJob = structuredClone(cached);
    const jobs = jobsOf(this.deps, cj);
    const cleaned = await cleanupFinishedJobs(this.deps, cj, jobs);
    const r = await syncCronJob(this.deps, cj, jobs);
    if (cleaned || r.update) await this.ctx.client.update(REFS.cronjobs, { ...cj, status: tidy(cj.status ?? {}) }, { subresource: 'status' });
    if (r.requeueAfter !== undefined) return { requeueAfter: r.requeueAfter };
    if (r.error) throw r.error;
  }
}

export const cronJobController: ControllerDef = {
  name: 'cronjob',
  serviceAccount: 'cronjob-controller',
  workers: 5,
  create: (ctx) => new CronJobController(ctx),
};
