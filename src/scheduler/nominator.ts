// The pod nominator: pending pods with status.nominatedNodeName (set after they preempted others)
// by node, so that pods of lower or equal priority leave room for them there.
import type { PodInfo } from './pod-info.js';

export class Nominator {
  private readonly byNode = new Map<string, Map<string, PodInfo>>();
  private readonly nodeOf = new Map<string, string>();

  /** Records pi as nominated to node ('' clears it). */
  nominate(pi: PodInfo, node: string): void {
    this.remove(pi.uid);
    if (!node) return;
    let m = this.byNode.get(node);
    if (!m) this.byNode.set(node, (m = new Map()));
    m.set(pi.uid, pi);
    this.nodeOf.set(pi.uid, node);
  }

  remove(uid: string): void {
    const node = this.nodeOf.get(uid);
    if (node === undefined) return;
    this.nodeOf.delete(uid);
    const m = this.byNode.get(node);
    m?.delete(uid);
    if (m && m.size === 0) this.byNode.delete(node);
  }

  nominatedTo(uid: string): string | undefined {
    return this.nodeOf.get(uid);
  }

  podsForNode(node: string): PodInfo[] {
    const m = this.byNode.get(node);
    return m ? [...m.values()] : [];
  }

  get empty(): boolean {
    return this.byNode.size === 0;
  }
}
