// The scheduler cache: NodeInfo per node, fed by the node and assigned-pod informers, plus the pods
// the scheduler has assumed onto a node before the apiserver's watch confirms the binding — so that
// the next pod in the queue already sees them and back-to-back pods do not overcommit a node.
import type { Obj } from '../client/types.js';
import { NodeInfo } from './node-info.js';
import { newPodInfo, nodeNameOf, type PodInfo } from './pod-info.js';

interface PodState {
  pi: PodInfo;
  node: string;
  assumed: boolean;
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly podStates = new Map<string, PodState>();
  private listCache: NodeInfo[] | undefined;
  private affinityCache: { affinity: NodeInfo[]; antiAffinity: NodeInfo[] } | undefined;

  /** Nodes that exist, in the order they arrived. */
  list(): NodeInfo[] {
    this.listCache ??= [...this.nodes.values()].filter((n) => n.node !== undefined);
    return this.listCache;
  }

  /** Nodes with pods that have (anti-)affinity, and with pods that have required anti-affinity. */
  private affinityLists(): { affinity: NodeInfo[]; antiAffinity: NodeInfo[] } {
    this.affinityCache ??= {
      affinity: this.list().filter((n) => n.podsWithAffinity.length > 0),
      antiAffinity: this.list().filter((n) => n.podsWithRequiredAntiAffinity.length > 0),
    };
    return this.affinityCache;
  }

  havePodsWithAffinity(): NodeInfo[] {
    return this.affinityLists().affinity;
  }

  havePodsWithRequiredAntiAffinity(): NodeInfo[] {
    return this.affinityLists().antiAffinity;
  }

  private touched(pi: PodInfo): void {
    if (pi.withAffinity) this.affinityCache = undefined;
  }

  get(name: string): NodeInfo | undefined {
    const n = this.nodes.get(name);
    return n?.node ? n : undefined;
  }

  get nodeCount(): number {
    return this.list().length;
  }

  private nodeFor(name: string): NodeInfo {
    let n = this.nodes.get(name);
    if (!n) {
      n = new NodeInfo(name);
      this.nodes.set(name, n);
    }
    return n;
  }

  addNode(node: Obj): void {
    const name = node.metadata.name ?? '';
    const had = this.nodes.get(name)?.node !== undefined;
    this.nodeFor(name).setNode(node);
    if (!had) this.listCache = this.affinityCache = undefined;
  }

  removeNode(name: string): void {
    const n = this.nodes.get(name);
    if (!n) return;
    // Pods keep their NodeInfo until they go too (upstream keeps a "ghost" node).
    if (n.pods.length) n.node = undefined;
    else this.nodes.delete(name);
    this.listCache = this.affinityCache = undefined;
  }

  /** An assigned pod from the informer; confirms an assumed pod of the same uid. */
  addPod(pod: Obj): void {
    const pi = newPodInfo(pod);
    const prior = this.podStates.get(pi.uid);
    if (prior) {
      this.nodes.get(prior.node)?.removePod(pi.uid);
      this.touched(prior.pi);
    }
    const node = nodeNameOf(pod);
    this.touched(pi);
    this.nodeFor(node).addPod(pi);
    this.podStates.set(pi.uid, { pi, node, assumed: false });
  }

  removePod(pod: Obj): void {
    const uid = pod.metadata.uid ?? '';
    const st = this.podStates.get(uid);
    if (!st) return;
    const n = this.nodes.get(st.node);
    n?.removePod(uid);
    this.touched(st.pi);
    if (n && !n.node && n.pods.length === 0) this.nodes.delete(st.node);
    this.podStates.delete(uid);
  }

  /** Counts the pod on its (spec.nodeName) node before the binding is seen. */
  assumePod(pi: PodInfo, node: string): void {
    if (this.podStates.has(pi.uid)) throw new Error(`pod ${pi.key} is in the cache, so can't be assumed`);
    this.nodeFor(node).addPod(pi);
    this.touched(pi);
    this.podStates.set(pi.uid, { pi, node, assumed: true });
  }

  /** Undoes assumePod after a failed binding. */
  forgetPod(uid: string): void {
    const st = this.podStates.get(uid);
    if (!st || !st.assumed) return;
    this.nodes.get(st.node)?.removePod(uid);
    this.touched(st.pi);
    this.podStates.delete(uid);
  }

  isAssumed(uid: string): boolean {
    return this.podStates.get(uid)?.assumed ?? false;
  }

  has(uid: string): boolean {
    return this.podStates.has(uid);
  }

  podCount(): number {
    return this.podStates.size;
  }
}
