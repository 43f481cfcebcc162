// The TTL-after-finished controller (--controllers=ttl-after-finished, service account
// ttl-after-finished-controller): a finished Job with spec.ttlSecondsAfterFinished is deleted
// that many seconds after its Complete/Failed condition's lastTransitionTime — re-checked on a
// fresh read first, then deleted with foreground propagation and a UID precondition, as
// upstream does. Until then the Job is requeued for the time left.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { REFS } from '../../client/refs.js';
import { isNotFound, keyOf, splitKey } from '../../client/types.js';
import { finishedCondition } from '../job/conditions.js';
import type { Job } from '../job/types.js';

const needsCleanup = (j: Job): boolean => j.spec?.ttlSecondsAfterFinished !== undefined && j.spec.ttlSecondsAfterFinished !== null && !!finishedCondition(j);

/** ms until j's TTL expires (<= 0 once it has); undefined if j needs no clean-up. */
export function timeLeft(j: Job, now: number): number | undefined {
  if (j.metadata.deletionTimestamp || !needsCleanup(j)) return undefined;
  const at = finishedCondition(j)?.lastTransitionTime;
  if (!at) throw new Error(`unable to find the time when the Job ${j.metadata.namespace}/${j.metadata.name} finished`);
  return Date.parse(at) + (j.spec?.ttlSecondsAfterFinished ?? 0) * 1000 - now;
}

export class TtlAfterFinishedController implements Reconciler {
  readonly name = 'ttl-after-finished';
  readonly queue;
  private readonly jobs: Informer<Job>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.jobs = ctx.informers.for<Job>(REFS.jobs);
    const enqueue = (j: Job) => {
      if (!j.metadata.deletionTimestamp && needsCleanup(j)) this.queue.add(keyOf(j));
    };
    this.jobs.on({ add: enqueue, update: (_old, j) => enqueue(j) });
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const cached = this.jobs.getBy(namespace, name);
    if (!cached) return;
    const left = timeLeft(cached, this.ctx.now());
    if (left === undefined) return;
    if (left > 0) return { requeueAfter: left };
    let fresh: Job;
    try {
      fresh = await this.ctx.client.get<Job>(REFS.jobs, namespace, name);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    const freshLeft = timeLeft(fresh, this.ctx.now());
    if (freshLeft === undefined) return;
    if (freshLeft > 0) return { requeueAfter: freshLeft };
    await this.ctx.client.delete(REFS.jobs, namespace, name, { propagationPolicy: 'Foreground', preconditions: { uid: fresh.metadata.uid ?? '' } });
  }
}

export const ttlAfterFinishedController: ControllerDef = {
  name: 'ttl-after-finished',
  serviceAccount: 'ttl-after-finished-controller',
  workers: 5,
  create: (ctx) => new TtlAfterFinishedController(ctx),
};
