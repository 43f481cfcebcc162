// The garbage collector's view of the cluster: every object by uid with its owners, and for every
// uid the objects that name it as an owner.
import type { Obj, OwnerRef, ResourceRef } from '../../client/types.js';

export interface GraphNode {
  uid: string;
  ref: ResourceRef;
  namespace: string;
  name: string;
  owners: OwnerRef[];
  deleting: boolean;
  finalizers: string[];
}

export class Graph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly dependents = new Map<string, Set<string>>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  dependentsOf(uid: string): GraphNode[] {
    return [...(this.dependents.get(uid) ?? [])].map((u) => this.nodes.get(u)).filter((n): n is GraphNode => !!n);
  }

  /** Records o; returns the node. */
  upsert(ref: ResourceRef, o: Obj): GraphNode {
    const uid = o.metadata.uid ?? '';
    this.unlink(uid);
    const node: GraphNode = {
      uid, ref, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '',
      owners: o.metadata.ownerReferences ?? [], deleting: !!o.metadata.deletionTimestamp, finalizers: o.metadata.finalizers ?? [],
    };
    this.nodes.set(uid, node);
    for (const r of node.owners) {
      let set = this.dependents.get(r.uid);
      if (!set) this.dependents.set(r.uid, (set = new Set()));
      set.add(uid);
    }
    return node;
  }

  remove(uid: string): void {
    this.unlink(uid);
    this.nodes.delete(uid);
  }

  private unlink(uid: string): void {
    const old = this.nodes.get(uid);
    for (const r of old?.owners ?? []) {
      const set = this.dependents.get(r.uid);
      set?.delete(uid);
      if (set && !set.size) this.dependents.delete(r.uid);
    }
  }
}
