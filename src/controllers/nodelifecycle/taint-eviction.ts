// The taint eviction controller: pods on a node with NoExecute taints they do not tolerate are
// deleted at once; those tolerating them for tolerationSeconds are deleted when that runs out
// (counted from the taint's timeAdded); a DisruptionTarget condition says why.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import { REFS } from '../../client/refs.js';
import { isNotFound, keyOf, splitKey } from '../../client/types.js';
import { rfc3339 } from '../framework/pods.js';
import type { NodeObj, PodObj, Taint, Toleration } from './types.js';
import { tolerates } from '../framework/node-selection.js';

/** ms after the taints' time until eviction: 0 now, undefined never. */
export function evictionDelay(tolerations: Toleration[], taints: Taint[]): number | undefined {
  let min: number | undefined;
  for (const taint of taints) {
    const used = tolerations.filter((t) => tolerates(t, taint));
    if (!used.length) return 0;
    for (const t of used) {
      if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
      const ms = Math.max(0, t.tolerationSeconds) * 1000;
      min = min === undefined ? ms : Math.min(min, ms);
    }
  }
  return min;
}

export class TaintEvictionController implements Reconciler {
  readonly name = 'taint-eviction';
  readonly queue;
  private readonly nodes;
  private readonly pods;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.nodes = ctx.informers.for<NodeObj>(REFS.nodes);
    this.pods = ctx.informers.for<PodObj>(REFS.pods);
    const onPod = (p: PodObj) => { if (p.spec?.nodeName) this.queue.add(keyOf(p)); };
    this.pods.on({ add: onPod, update: (_o, p) => onPod(p) });
    const onNode = (n: NodeObj) => {
      if (!(n.spec?.taints ?? []).some((t) => t.effect === 'NoExecute')) return;
      for (const p of this.pods.list()) if (p.spec?.nodeName === n.metadata.name) this.queue.add(keyOf(p));
    };
    this.nodes.on({ add: onNode, update: (_o, n) => onNode(n) });
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const pod = this.pods.get(key);
    if (!pod?.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const taints = (this.nodes.getBy('', pod.spec.nodeName)?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (!taints.length) return;
    const delay = evictionDelay(pod.spec.tolerations ?? [], taints);
    if (delay === undefined) return;
    const since = Math.max(...taints.map((t) => (t.timeAdded ? Date.parse(t.timeAdded) : this.ctx.now())));
    const due = since + delay - this.ctx.now();
    if (due > 0) return { requeueAfter: due };
    await this.evict(pod);
  }

  private async evict(pod: PodObj): Promise<void> {
    const { namespace, name } = splitKey(keyOf(pod));
    this.ctx.recorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`);
    try {
      const conds = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      conds.push({ type: 'DisruptionTarget', status: 'True', lastTransitionTime: rfc3339(this.ctx.now()), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
      await this.ctx.client.update(REFS.pods, { ...pod, status: { ...pod.status, conditions: conds } }, { subresource: 'status' });
      await this.ctx.client.delete(REFS.pods, namespace, name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

export const taintEvictionController: ControllerDef = {
  name: 'taint-eviction-controller',
  serviceAccount: 'node-controller',
  component: 'taint-eviction-controller',
  workers: 5,
  create: (ctx) => new TaintEvictionController(ctx),
};
