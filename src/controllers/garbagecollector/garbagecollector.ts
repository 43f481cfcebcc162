// The garbage collector: objects whose owners are all gone are deleted; an owner deleted in the
// foreground (finalizer foregroundDeletion) loses its blocking dependents first; an owner deleted
// with orphan propagation (finalizer orphan) has its ownerReferences removed from its dependents.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { DiscoveredResource } from '../../client/discovery.js';
import { isConflict, isNotFound, type Obj, type OwnerRef, type ResourceRef } from '../../client/types.js';
import { Graph, type GraphNode } from './graph.js';

/** Resources the collector leaves alone, as upstream's default ignoredResources. */
const IGNORED = new Set(['/events', 'events.k8s.io/events']);

const watchable = (r: DiscoveredResource) =>
  ['list', 'watch', 'delete', 'patch'].every((v) => r.verbs.includes(v)) && !IGNORED.has(`${r.group}/${r.resource}`);

export class GarbageCollector implements Reconciler {
  readonly name = 'garbagecollector';
  readonly queue;
  private readonly graph = new Graph();
  private readonly byKind = new Map<string, ResourceRef>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    for (const r of (ctx.resources ?? []).filter(watchable)) {
      this.byKind.set(`${r.group ? `${r.group}/` : ''}${r.kind}`, r);
      ctx.informers.for(r).on({
        add: (o) => this.observe(r, o),
        update: (_old, o) => this.observe(r, o),
        delete: (o) => this.forget(o),
      });
    }
  }

  private observe(ref: ResourceRef, o: Obj): void {
    const node = this.graph.upsert(ref, o);
    if (node.owners.length || node.deleting) this.queue.add(node.uid);
  }

  private forget(o: Obj): void {
    const uid = o.metadata.uid ?? '';
    this.graph.remove(uid);
    for (const d of this.graph.dependentsOf(uid)) this.queue.add(d.uid);
  }

  async reconcile(uid: string): Promise<ReconcileResult> {
    const node = this.graph.get(uid);
    if (!node) return;
    if (node.deleting && node.finalizers.includes('orphan')) return this.orphanDependents(node);
    if (node.deleting && node.finalizers.includes('foregroundDeletion')) return this.deleteDependents(node);
    if (node.owners.length) await this.checkOwners(node);
  }

  private async checkOwners(node: GraphNode): Promise<void> {
    const solid: OwnerRef[] = [];
    const dangling: OwnerRef[] = [];
    const waiting: OwnerRef[] = [];
    for (const r of node.owners) {
      const owner = await this.ownerState(r, node.namespace);
      (owner === 'absent' ? dangling : owner === 'waiting' ? waiting : solid).push(r);
    }
    if (solid.length) {
      if (dangling.length || waiting.length) await this.dropOwners(node, [...dangling, ...waiting].map((r) => r.uid));
      return;
    }
    const foreground = waiting.length > 0 && this.graph.dependentsOf(node.uid).length > 0;
    await this.remove(node, foreground ? 'Foreground' : 'Background');
  }

  /** Whether the owner exists, is being deleted in the foreground, or is gone (checked with the API). */
  private async ownerState(r: OwnerRef, namespace: string): Promise<'solid' | 'waiting' | 'absent'> {
    const known = this.graph.get(r.uid);
    if (known) return known.deleting && known.finalizers.includes('foregroundDeletion') ? 'waiting' : 'solid';
    const group = r.apiVersion.includes('/') ? r.apiVersion.split('/')[0] : '';
    const ref = this.byKind.get(`${group ? `${group}/` : ''}${r.kind}`);
    if (!ref) return 'solid';
    try {
      const o = await this.ctx.client.get(ref, ref.namespaced ? namespace : '', r.name);
      return o.metadata.uid === r.uid ? 'solid' : 'absent';
    } catch (err) {
      if (isNotFound(err)) return 'absent';
      throw err;
    }
  }

  private async deleteDependents(node: GraphNode): Promise<ReconcileResult> {
    const blocking = this.graph.dependentsOf(node.uid).filter((d) => d.owners.some((r) => r.uid === node.uid && r.blockOwnerDeletion));
    for (const d of blocking) {
      if (d.deleting) continue;
      const policy = this.graph.dependentsOf(d.uid).length ? 'Foreground' : 'Background';
      await this.remove(d, policy);
    }
    if (blocking.length) return { requeueAfter: 1000 };
    await this.dropFinalizer(node, 'foregroundDeletion');
  }

  private async orphanDependents(node: GraphNode): Promise<void> {
    for (const d of this.graph.dependentsOf(node.uid)) await this.dropOwners(d, [node.uid]);
    await this.dropFinalizer(node, 'orphan');
  }

  private async remove(node: GraphNode, policy: 'Foreground' | 'Background'): Promise<void> {
    try {
      await this.ctx.client.delete(node.ref, node.namespace, node.name, { propagationPolicy: policy, preconditions: { uid: node.uid } });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  private async dropOwners(node: GraphNode, uids: string[]): Promise<void> {
    await this.modify(node, (o) => {
      const refs = (o.metadata.ownerReferences ?? []).filter((r) => !uids.includes(r.uid));
      if (refs.length) o.metadata.ownerReferences = refs;
      else delete o.metadata.ownerReferences;
    });
  }

  private async dropFinalizer(node: GraphNode, finalizer: string): Promise<void> {
    await this.modify(node, (o) => {
      o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    });
  }

  /** Read, change, write with the read's resourceVersion (a conflict is retried by the queue). */
  private async modify(node: GraphNode, change: (o: Obj) => void): Promise<void> {
    try {
      const o = await this.ctx.client.get(node.ref, node.namespace, node.name);
      if (o.metadata.uid !== node.uid) return;
      change(o);
      await this.ctx.client.update(node.ref, o);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

export const garbageCollectorController: ControllerDef = {
  name: 'garbage-collector-controller',
  serviceAccount: 'generic-garbage-collector',
  component: 'garbage-collector-controller',
  workers: 20,
  create: (ctx) => new GarbageCollector(ctx),
};
