// The ReplicaSet controller (and, over the same code, the ReplicationController manager): claim
// the active pods the selector matches, create or delete pods toward spec.replicas unless
// earlier creates/deletes are still unobserved, then write status. Pod events are routed to
// the owner named by the pod's controller reference, or to every owner whose selector matches
// an orphan.
import type { Obj } from '../../client/types.js';
import { keyOf, splitKey } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf, isPodActive, selectorMatches } from '../framework/pods.js';
import type { WorkQueue } from '../framework/queue.js';
import { claim } from './claim.js';
import { Expectations } from './expectations.js';
import { REPLICA_SET, REPLICATION_CONTROLLER, withTypeMeta, type ReplicaKind } from './kinds.js';
import { manageReplicas } from './manage.js';
import { calculateStatus, nextAvailableIn, updateStatus } from './status.js';

const sameLabels = (a: Obj, b: Obj) => JSON.stringify(a.metadata.labels ?? {}) === JSON.stringify(b.metadata.labels ?? {});
const sameRef = (a: Obj, b: Obj) => JSON.stringify(controllerOf(a) ?? null) === JSON.stringify(controllerOf(b) ?? null);

export class ReplicaSetController implements Reconciler {
  readonly name: string;
  readonly queue: WorkQueue;
  readonly expectations: Expectations;
  private readonly owners: Informer;
  private readonly pods: Informer;

  constructor(private readonly ctx: ControllerContext, private readonly kind: ReplicaKind = REPLICA_SET) {
    this.name = kind.controllerName;
    this.queue = newQueue(ctx);
    this.expectations = new Expectations(ctx.now);
    this.owners = ctx.informers.for(kind.ref);
    this.pods = ctx.informers.for(REFS.pods);
    this.owners.on({
      add: (o) => this.queue.add(keyOf(o)),
      update: (old, cur) => {
        if (old.metadata.uid !== cur.metadata.uid) this.expectations.delete(keyOf(old));
        this.queue.add(keyOf(cur));
      },
      delete: (o) => {
        this.expectations.delete(keyOf(o));
        this.queue.add(keyOf(o));
      },
    });
    this.pods.on({ add: (p) => this.addPod(p), update: (o, n) => this.updatePod(o, n), delete: (p) => this.deletePod(p) });
  }

  /** The owner a controller reference names, if it is one of ours and still the same object. */
  private resolve(pod: Obj): Obj | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== this.kind.ref.kind) return undefined;
    const owner = this.owners.getBy(pod.metadata.namespace ?? '', ref.name);
    return owner && owner.metadata.uid === ref.uid ? owner : undefined;
  }

  private enqueueMatching(pod: Obj): void {
    for (const o of this.owners.list(pod.metadata.namespace ?? '')) {
      if (selectorMatches(this.kind.selector(o), pod.metadata.labels)) this.queue.add(keyOf(o));
    }
  }

  private addPod(pod: Obj): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    if (controllerOf(pod)) {
      const owner = this.resolve(pod);
      if (!owner) return;
      this.expectations.creationObserved(keyOf(owner));
      return this.queue.add(keyOf(owner));
    }
    this.enqueueMatching(pod);
  }

  private updatePod(old: Obj, cur: Obj): void {
    const labelsChanged = !sameLabels(old, cur);
    if (cur.metadata.deletionTimestamp) {
      this.deletePod(cur);
      if (labelsChanged) this.deletePod(old);
      return;
    }
    const refChanged = !sameRef(old, cur);
    const oldOwner = refChanged ? this.resolve(old) : undefined;
    if (oldOwner) this.queue.add(keyOf(oldOwner));
    if (controllerOf(cur)) {
      const owner = this.resolve(cur);
      if (owner) this.queue.add(keyOf(owner));
      return;
    }
    if (labelsChanged || refChanged) this.enqueueMatching(cur);
  }

  private deletePod(pod: Obj): void {
    const owner = this.resolve(pod);
    if (!owner) return;
    this.expectations.deletionObserved(keyOf(owner), keyOf(pod));
    this.queue.add(keyOf(owner));
  }

  /** Pods of every owner sharing rs's controller (a Deployment's other ReplicaSets). */
  private relatedPods(rs: Obj): Obj[] {
    const ref = controllerOf(rs);
    if (!ref) return [];
    const ns = rs.metadata.namespace ?? '';
    const seen = new Set<string>();
    const out: Obj[] = [];
    for (const sibling of this.owners.list(ns).filter((o) => controllerOf(o)?.uid === ref.uid)) {
      for (const p of this.pods.list(ns)) {
        if (seen.has(p.metadata.uid ?? '') || !selectorMatches(this.kind.selector(sibling), p.metadata.labels)) continue;
        seen.add(p.metadata.uid ?? '');
        out.push(p);
      }
    }
    return out;
  }

  private claimPods(rs: Obj): Promise<Obj[]> {
    const { namespace, name } = splitKey(keyOf(rs));
    return claim({
      client: this.ctx.client, owner: rs, childRef: REFS.pods,
      match: (p) => selectorMatches(this.kind.selector(rs), p.metadata.labels),
      fresh: () => this.ctx.client.get(this.kind.ref, namespace, name),
    }, this.pods.list(namespace).filter(isPodActive));
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const cached = this.owners.get(key);
    if (!cached) {
      this.expectations.delete(key);
      return;
    }
    const rs = withTypeMeta(cached, this.kind.ref);
    const needsSync = this.expectations.satisfied(key);
    const pods = await this.claimPods(rs);
    const env = { ctx: this.ctx, expectations: this.expectations, relatedPods: (o: Obj) => this.relatedPods(o) };
    const manageErr = needsSync && !rs.metadata.deletionTimestamp ? await manageReplicas(env, rs, pods) : undefined;
    const now = this.ctx.now();
    const updated = await updateStatus(this.ctx.client, this.kind.ref, rs, calculateStatus(rs, pods, manageErr, now));
    if (manageErr) throw manageErr;
    const wait = nextAvailableIn(updated, pods, now);
    return wait === undefined ? undefined : { requeueAfter: wait };
  }
}

export const replicaSetController: ControllerDef = {
  name: 'replicaset',
  serviceAccount: 'replicaset-controller',
  component: 'replicaset-controller',
  workers: 5,
  create: (ctx) => new ReplicaSetController(ctx, REPLICA_SET),
};

export const replicationControllerController: ControllerDef = {
  name: 'replicationcontroller',
  serviceAccount: 'replication-controller',
  component: 'replication-controller',
  workers: 5,
  create: (ctx) => new ReplicaSetController(ctx, REPLICATION_CONTROLLER),
};
