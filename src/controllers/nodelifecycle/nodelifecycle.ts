// The node lifecycle controller: every --node-monitor-period it checks each node's heartbeats (its
// Lease in kube-node-lease and its Ready condition); a node silent for --node-monitor-grace-period
// gets its conditions set to Unknown, its pods marked not ready, and the unreachable taints. The
// condition taints (not-ready, unreachable, pressure, unschedulable) follow the node's state.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { durationMs, newQueue } from '../framework/controller.js';
import { REFS } from '../../client/refs.js';
import { isNotFound } from '../../client/types.js';
import { rfc3339 } from '../framework/pods.js';
import { desiredTaints, unknownConditions } from './health.js';
import type { LeaseObj, NodeObj, PodObj } from './types.js';

interface Probe { signature: string; at: number }

export class NodeLifecycleController implements Reconciler {
  readonly name = 'nodelifecycle';
  readonly queue;
  private readonly nodes;
  private readonly leases;
  private readonly pods;
  private readonly probes = new Map<string, Probe>();
  private readonly periodMs: number;
  private readonly graceMs: number;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.periodMs = durationMs(ctx.flags?.['node-monitor-period'], 5000);
    this.graceMs = durationMs(ctx.flags?.['node-monitor-grace-period'], 40_000);
    this.nodes = ctx.informers.for<NodeObj>(REFS.nodes);
    this.leases = ctx.informers.for<LeaseObj>(REFS.leases);
    this.pods = ctx.informers.for<PodObj>(REFS.pods);
    this.nodes.on({ add: (n) => this.queue.add(n.metadata.name ?? ''), update: (_o, n) => this.queue.add(n.metadata.name ?? ''), delete: (n) => this.probes.delete(n.metadata.name ?? '') });
  }

  async reconcile(name: string): Promise<ReconcileResult> {
    const node = this.nodes.getBy('', name);
    if (!node) return;
    const now = this.ctx.now();
    const silentFor = now - this.observe(node, now);
    let current = node;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (silentFor > this.graceMs && ready?.status !== 'Unknown') current = await this.markUnknown(node, ready?.status === 'True');
    await this.syncTaints(current);
    return { requeueAfter: this.periodMs };
  }

  /** When this node's heartbeat last changed, as this controller saw it (its start counts as one). */
  private observe(node: NodeObj, now: number): number {
    const name = node.metadata.name ?? '';
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const lease = this.leases.getBy('kube-node-lease', name);
    const signature = `${ready?.lastHeartbeatTime ?? ''}|${lease?.spec?.renewTime ?? ''}`;
    const prior = this.probes.get(name);
    if (prior && prior.signature === signature) return prior.at;
    this.probes.set(name, { signature, at: now });
    return now;
  }

  private async markUnknown(node: NodeObj, wasReady: boolean): Promise<NodeObj> {
    const now = rfc3339(this.ctx.now());
    const next: NodeObj = { ...node, status: { ...node.status, conditions: unknownConditions(node.status?.conditions ?? [], now) } };
    const updated = await this.ctx.client.update<NodeObj>(REFS.nodes, next, { subresource: 'status' });
    if (wasReady) {
      this.ctx.recorder.event(node, 'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`);
      await this.markPodsNotReady(node.metadata.name ?? '', now);
    }
    return updated;
  }

  private async markPodsNotReady(nodeName: string, now: string): Promise<void> {
    for (const pod of this.pods.list()) {
      if (pod.spec?.nodeName !== nodeName) continue;
      const conds = pod.status?.conditions ?? [];
      if (!conds.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
      const next: PodObj = { ...pod, status: { ...pod.status, conditions: conds.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c)) } };
      try {
        await this.ctx.client.update(REFS.pods, next, { subresource: 'status' });
        this.ctx.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  private async syncTaints(node: NodeObj): Promise<void> {
    const want = desiredTaints(node, rfc3339(this.ctx.now()));
    if (JSON.stringify(want) === JSON.stringify(node.spec?.taints ?? [])) return;
    const spec = { ...node.spec };
    if (want.length) spec.taints = want;
    else delete spec.taints;
    await this.ctx.client.update(REFS.nodes, { ...node, spec });
  }
}

export const nodeLifecycleController: ControllerDef = {
  name: 'nodelifecycle',
  serviceAccount: 'node-controller',
  component: 'node-controller',
  workers: 1,
  create: (ctx) => new NodeLifecycleController(ctx),
};
