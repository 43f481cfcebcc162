// The DaemonSet controller (--controllers=daemonset, service account daemon-set-controller):
// one pod per eligible node, left for the scheduler to bind through a required node affinity
// on the node's name; history in ControllerRevisions; RollingUpdate or OnDelete updates.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf } from '../framework/pods.js';
import { REFS } from '../../client/refs.js';
import { keyOf, splitKey, type Obj } from '../../client/types.js';
import { Expectations } from '../job/expectations.js';
import { CONTROLLER_REVISION_HASH, type ControllerRevision } from '../statefulset/history.js';
import { FailedPodsBackoff } from './backoff.js';
import type { DsDeps, DsPod, DsSync } from './deps.js';
import { manage } from './manage.js';
import { cleanupHistory, constructHistory } from './revisions.js';
import { rollingUpdate } from './rolling.js';
import { nodeShouldRunDaemonPod } from './scheduling.js';
import { updateStatus } from './status.js';
import type { DaemonSet, Node } from './types.js';

export class DaemonSetController implements Reconciler {
  readonly name = 'daemonset';
  readonly queue;
  private readonly sets: Informer<DaemonSet>;
  private readonly deps: DsDeps;

  constructor(ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.sets = ctx.informers.for<DaemonSet>(REFS.daemonsets);
    const pods = ctx.informers.for<DsPod>(REFS.pods);
    const nodes = ctx.informers.for<Node>(REFS.nodes);
    const revisions = ctx.informers.for<ControllerRevision>(REFS.controllerrevisions);
    this.deps = { client: ctx.client, recorder: ctx.recorder, now: ctx.now, pods, nodes, revisions, expectations: new Expectations(ctx.now), backoff: new FailedPodsBackoff() };
    this.sets.on({ add: (ds) => this.queue.add(keyOf(ds)), update: (_o, ds) => this.queue.add(keyOf(ds)), delete: (ds) => this.queue.add(keyOf(ds)) });
    const owned = (o: Obj) => this.enqueueOwner(o);
    pods.on({ add: owned, update: (old, p) => { owned(old); owned(p); }, delete: owned });
    revisions.on({ add: owned, update: (_o, r) => owned(r), delete: owned });
    nodes.on({ add: () => this.enqueueAll(), update: (old, n) => this.nodeUpdated(old, n) });
  }

  private enqueueOwner(o: Obj): void {
    const ref = controllerOf(o);
    if (ref?.kind !== 'DaemonSet') return;
    const ds = this.sets.getBy(o.metadata.namespace ?? '', ref.name);
    if (ds?.metadata.uid === ref.uid) this.queue.add(keyOf(ds));
  }

  private enqueueAll(): void {
    for (const ds of this.sets.list()) this.queue.add(keyOf(ds));
  }

  private nodeUpdated(old: Node, n: Node): void {
    for (const ds of this.sets.list()) {
      const [a, b] = nodeShouldRunDaemonPod(old, ds);
      const [c, d] = nodeShouldRunDaemonPod(n, ds);
      if (a !== c || b !== d) this.queue.add(keyOf(ds));
    }
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const ds = this.sets.getBy(namespace, name);
    if (!ds) return void this.deps.expectations.forget(key);
    const sel = ds.spec?.selector;
    if (sel && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) {
      this.deps.recorder.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return;
    }
    if (ds.metadata.deletionTimestamp) return;
    const { cur, old } = await constructHistory(this.deps, ds);
    const s: DsSync = { key, ds, nodes: this.deps.nodes.list(), hash: cur.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '' };
    if (!this.deps.expectations.satisfied(key)) {
      await updateStatus(this.deps, s, false);
      return s.requeueAfter !== undefined ? { requeueAfter: s.requeueAfter } : undefined;
    }
    let error: unknown;
    try {
      await manage(this.deps, s);
      if (this.deps.expectations.satisfied(key) && ds.spec?.updateStrategy?.type === 'RollingUpdate') await rollingUpdate(this.deps, s);
      await cleanupHistory(this.deps, ds, old);
    } catch (err) {
      error = err;
    }
    await updateStatus(this.deps, s, true);
    if (error) throw error;
    return s.requeueAfter !== undefined ? { requeueAfter: s.requeueAfter } : undefined;
  }
}

export const daemonSetController: ControllerDef = {
  name: 'daemonset',
  serviceAccount: 'daemon-set-controller',
  component: 'daemonset-controller',
  workers: 2,
  create: (ctx) => new DaemonSetController(ctx),
};
