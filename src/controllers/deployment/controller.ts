// The Deployment controller: claim the ReplicaSets the selector matches, then roll out or scale
// (sync.ts). ReplicaSet events go to the Deployment named by the controller reference, or to
// every Deployment whose selector matches an orphan; a deleted pod wakes a Recreate Deployment
// waiting for its old pods to be gone.
import type { Obj } from '../../client/types.js';
import { keyOf } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf, podStatus, selectorMatches } from '../framework/pods.js';
import type { WorkQueue } from '../framework/queue.js';
import { claim } from '../replicaset/claim.js';
import { withTypeMeta } from '../replicaset/kinds.js';
import { SyncState } from './sync-state.js';
import { syncDeployment } from './sync.js';
import { RECREATE, type Deployment } from './types.js';

const sameRef = (a: Obj, b: Obj) => JSON.stringify(controllerOf(a) ?? null) === JSON.stringify(controllerOf(b) ?? null);
const sameLabels = (a: Obj, b: Obj) => JSON.stringify(a.metadata.labels ?? {}) === JSON.stringify(b.metadata.labels ?? {});
const terminal = (p: Obj) => podStatus(p).phase === 'Succeeded' || podStatus(p).phase === 'Failed';

/** A selector of nothing but {} selects every pod: upstream refuses to act on it. */
function selectsEverything(d: Deployment): boolean {
  const sel = d.spec.selector;
  return !!sel && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
}

export class DeploymentController implements Reconciler {
  readonly name = 'deployment';
  readonly queue: WorkQueue;
  private readonly deployments: Informer<Deployment>;
  private readonly replicaSets: Informer;
  private readonly pods: Informer;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.deployments = ctx.informers.for<Deployment>(REFS.deployments);
    this.replicaSets = ctx.informers.for(REFS.replicasets);
    this.pods = ctx.informers.for(REFS.pods);
    const enqueue = (d: Obj) => this.queue.add(keyOf(d));
    this.deployments.on({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue });
    this.replicaSets.on({ add: (rs) => this.addRS(rs), update: (o, n) => this.updateRS(o, n), delete: (rs) => this.enqueueOwner(rs) });
    this.pods.on({ delete: (p) => this.podGone(p), update: (o, n) => (!terminal(o) && terminal(n) ? this.podGone(n) : undefined) });
  }

  private resolve(rs: Obj, ref = controllerOf(rs)): Deployment | undefined {
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.deployments.getBy(rs.metadata.namespace ?? '', ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  private enqueueOwner(rs: Obj, ref = controllerOf(rs)): void {
    const d = this.resolve(rs, ref);
    if (d) this.queue.add(keyOf(d));
  }

  private enqueueMatching(rs: Obj): void {
    for (const d of this.deployments.list(rs.metadata.namespace ?? '')) {
      if (selectorMatches(d.spec.selector, rs.metadata.labels)) this.queue.add(keyOf(d));
    }
  }

  private addRS(rs: Obj): void {
    if (rs.metadata.deletionTimestamp || controllerOf(rs)) return this.enqueueOwner(rs);
    this.enqueueMatching(rs);
  }

  private updateRS(old: Obj, cur: Obj): void {
    const refChanged = !sameRef(old, cur);
    if (refChanged) this.enqueueOwner(old);
    if (controllerOf(cur)) return this.enqueueOwner(cur);
    if (refChanged || !sameLabels(old, cur)) this.enqueueMatching(cur);
  }

  private podGone(pod: Obj): void {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.getBy(pod.metadata.namespace ?? '', ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return;
    const d = this.resolve(rs);
    if (d?.spec.strategy?.type === RECREATE) this.queue.add(keyOf(d));
  }

  private async claimReplicaSets(d: Deployment): Promise<Obj[]> {
    const { namespace = '', name = '' } = d.metadata;
    const owned = await claim({
      client: this.ctx.client, owner: d, childRef: REFS.replicasets,
      match: (rs) => selectorMatches(d.spec.selector, rs.metadata.labels),
      fresh: () => this.ctx.client.get(REFS.deployments, namespace, name),
    }, this.replicaSets.list(namespace));
    return owned.map((rs) => withTypeMeta(rs, REFS.replicasets));
  }

  /** The pods the selector matches, by the uid of the ReplicaSet controlling them. */
  private podMap(d: Deployment, rsList: Obj[]): Map<string, Obj[]> {
    const map = new Map<string, Obj[]>(rsList.map((rs) => [rs.metadata.uid ?? '', []]));
    for (const p of this.pods.list(d.metadata.namespace ?? '')) {
      const uid = controllerOf(p)?.uid;
      if (uid && selectorMatches(d.spec.selector, p.metadata.labels)) map.get(uid)?.push(p);
    }
    return map;
  }

  private lookupRS = async (namespace: string, name: string): Promise<Obj | undefined> => {
    const cached = this.replicaSets.getBy(namespace, name);
    const rs = cached ?? (await this.ctx.client.get(REFS.replicasets, namespace, name).catch(() => undefined));
    return rs && withTypeMeta(rs, REFS.replicasets);
  };

  private async selectingAll(d: Deployment): Promise<void> {
    this.ctx.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)) return;
    await this.ctx.client.update(REFS.deployments, { ...d, status: { ...d.status, observedGeneration: d.metadata.generation } }, { subresource: 'status' });
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const cached = this.deployments.get(key);
    if (!cached) return;
    const d = withTypeMeta(structuredClone(cached), REFS.deployments);
    if (selectsEverything(d)) return this.selectingAll(d);
    const rsList = await this.claimReplicaSets(d);
    const s = new SyncState(this.ctx, d, rsList, this.podMap(d, rsList), this.lookupRS);
    await syncDeployment(s);
    return s.requeueAfter === undefined ? undefined : { requeueAfter: s.requeueAfter };
  }
}

export const deploymentController: ControllerDef = {
  name: 'deployment',
  serviceAccount: 'deployment-controller',
  component: 'deployment-controller',
  workers: 5,
  create: (ctx) => new DeploymentController(ctx),
};
