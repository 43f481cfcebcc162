// The StatefulSet controller (--controllers=statefulset, service account
// statefulset-controller): stable ordinal pods with their own claims, created and removed in
// order, updated by revision.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf } from '../framework/pods.js';
import { REFS } from '../../client/refs.js';
import { keyOf, splitKey, type Obj } from '../../client/types.js';
import type { ControllerRevision } from './history.js';
import { parentOf, replicasOf } from './identity.js';
import { listRevisions, setRevisions, truncateHistory, type RevisionDeps } from './revisions.js';
import { computeStatus, writeStatus } from './status.js';
import { updateStatefulSet, type SetDeps } from './update.js';
import type { SetPod, StatefulSet } from './types.js';

export class StatefulSetController implements Reconciler {
  readonly name = 'statefulset';
  readonly queue;
  private readonly sets: Informer<StatefulSet>;
  private readonly pods: Informer<SetPod>;
  private readonly deps: SetDeps & RevisionDeps;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.sets = ctx.informers.for<StatefulSet>(REFS.statefulsets);
    this.pods = ctx.informers.for<SetPod>(REFS.pods);
    const claims = ctx.informers.for<Obj>(REFS.persistentvolumeclaims);
    const revisions = ctx.informers.for<ControllerRevision>(REFS.controllerrevisions);
    this.deps = { client: ctx.client, recorder: ctx.recorder, now: ctx.now, claims, revisions };
    this.sets.on({ add: (s) => this.queue.add(keyOf(s)), update: (_o, s) => this.queue.add(keyOf(s)), delete: (s) => this.queue.add(keyOf(s)) });
    const owned = (o: Obj) => this.enqueueOwner(o);
    this.pods.on({ add: owned, update: (old, p) => { owned(old); owned(p); }, delete: owned });
    revisions.on({ add: owned, update: (_o, r) => owned(r), delete: owned });
  }

  private enqueueOwner(o: Obj): void {
    const ref = controllerOf(o);
    if (ref?.kind !== 'StatefulSet') return;
    const set = this.sets.getBy(o.metadata.namespace ?? '', ref.name);
    if (set?.metadata.uid === ref.uid) this.queue.add(keyOf(set));
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const cached = this.sets.getBy(namespace, name);
    if (!cached) return;
    const set: StatefulSet = structuredClone(cached);
    const pods = this.pods.list(namespace).filter((p) => controllerOf(p)?.uid === set.metadata.uid && parentOf(p) === set.metadata.name);
    const revisions = listRevisions(this.deps, set);
    const r = await setRevisions(this.deps, set, revisions);
    let error: unknown;
    let result: Awaited<ReturnType<typeof updateStatefulSet>> | undefined;
    try {
      result = await updateStatefulSet(this.deps, set, pods, r);
    } catch (err) {
      error = err;
    }
    const laidOut = result ? [...result.layout.replicas, ...result.layout.condemned] : pods;
    const status = computeStatus(set, laidOut, r, this.ctx.now(), result?.rolled ?? false);
    await writeStatus(this.ctx.client, set, status);
    await truncateHistory(this.deps, set, pods, listRevisions(this.deps, set), [r.current, r.update]);
    if (error) throw error;
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && status.availableReplicas !== replicasOf(set)) return { requeueAfter: minReady * 1000 };
  }
}

export const statefulSetController: ControllerDef = {
  name: 'statefulset',
  serviceAccount: 'statefulset-controller',
  workers: 5,
  create: (ctx) => new StatefulSetController(ctx),
};
