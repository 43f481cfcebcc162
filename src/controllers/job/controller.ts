// The Job controller (kube-controller-manager --controllers=job, service account
// job-controller): a Job's pods and status are reconciled by syncJob; pods that still carry
// the tracking finalizer after their Job is gone or finished are released (the orphan queue,
// here keys prefixed `pod:`).
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf } from '../framework/pods.js';
import { REFS } from '../../client/refs.js';
import { isNotFound, keyOf, splitKey } from '../../client/types.js';
import { Expectations, UidExpectations } from './expectations.js';
import { isJobFinished } from './conditions.js';
import { hasTrackingFinalizer, removeFinalizerPatch } from './job-pods.js';
import { syncJob } from './sync.js';
import type { JobDeps } from './context.js';
import type { Job, Pod } from './types.js';

const ORPHAN = 'pod:';
/** syncJobBatchPeriod: pod events and status-only Job updates are batched into one sync a second later. */
const BATCH_MS = 1000;

export class JobController implements Reconciler {
  readonly name = 'job';
  readonly queue;
  private readonly jobs: Informer<Job>;
  private readonly pods: Informer<Pod>;
  private readonly deps: JobDeps;
  private readonly batched = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.jobs = ctx.informers.for<Job>(REFS.jobs);
    this.pods = ctx.informers.for<Pod>(REFS.pods);
    this.deps = {
      client: ctx.client, recorder: ctx.recorder, now: ctx.now, pods: this.pods,
      expectations: new Expectations(ctx.now), finalizerExpectations: new UidExpectations(),
    };
    this.jobs.on({
      add: (j) => this.queue.add(keyOf(j)),
      update: (old, j) => this.jobUpdated(old, j),
      delete: (j) => { this.queue.add(keyOf(j)); this.releasePods(j); },
    });
    this.pods.on({ add: (p) => this.podChanged(p), update: (old, p) => { this.podChanged(old); this.podChanged(p); }, delete: (p) => this.podChanged(p) });
  }

  /** enqueueSyncJobBatched: one sync a second after the first of a burst of events. */
  private batch(key: string): void {
    if (this.batched.has(key)) return;
    this.batched.add(key);
    this.queue.addAfter(key, BATCH_MS);
  }

  private jobUpdated(old: Job, j: Job): void {
    if (old.metadata.generation === j.metadata.generation) this.batch(keyOf(j));
    else this.queue.add(keyOf(j));
    if (isJobFinished(j)) this.releasePods(j);
    const ads = j.spec?.activeDeadlineSeconds;
    if (j.status?.startTime && ads !== undefined && ads !== old.spec?.activeDeadlineSeconds) {
      this.queue.addAfter(keyOf(j), ads * 1000 - (this.ctx.now() - Date.parse(j.status.startTime)));
    }
  }

  private jobOf(p: Pod): Job | undefined {
    const ref = controllerOf(p);
    if (!ref || ref.kind !== 'Job') return undefined;
    const job = this.jobs.getBy(p.metadata.namespace ?? '', ref.name);
    return job?.metadata.uid === ref.uid ? job : undefined;
  }

  private podChanged(p: Pod): void {
    const job = this.jobOf(p);
    if (job) this.batch(keyOf(job));
    if (hasTrackingFinalizer(p) && (!job || isJobFinished(job))) this.queue.add(ORPHAN + keyOf(p));
  }

  /** cleanupPodFinalizers: queue the Job's pods that still hold the finalizer. */
  private releasePods(j: Job): void {
    for (const p of this.pods.list(j.metadata.namespace ?? '')) {
      if (controllerOf(p)?.uid === j.metadata.uid && hasTrackingFinalizer(p)) this.queue.add(ORPHAN + keyOf(p));
    }
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    if (key.startsWith(ORPHAN)) return this.syncOrphanPod(key.slice(ORPHAN.length));
    this.batched.delete(key);
    const { namespace, name } = splitKey(key);
    const job = this.jobs.getBy(namespace, name);
    if (!job) {
      this.deps.expectations.forget(key);
      this.deps.finalizerExpectations.forget(key);
      return;
    }
    return syncJob(this.deps, key, job);
  }

  /** syncOrphanPod: drop the finalizer unless a live, unfinished batch/v1 Job controls the pod. */
  private async syncOrphanPod(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const pod = this.pods.getBy(namespace, name);
    if (!pod) return;
    const ref = controllerOf(pod);
    if (ref && (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1')) return;
    const job = ref ? this.jobOf(pod) : undefined;
    if (job && !isJobFinished(job)) return;
    const patch = removeFinalizerPatch(pod);
    if (!patch) return;
    try {
      await this.ctx.client.patch(REFS.pods, namespace, name, 'application/json-patch+json', patch);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

export const jobController: ControllerDef = {
  name: 'job',
  serviceAccount: 'job-controller',
  workers: 5,
  create: (ctx) => new JobController(ctx),
};
