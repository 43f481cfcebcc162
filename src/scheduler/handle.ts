// framework.Handle: what plugins may read besides the pod and the node at hand — the cache's
// nodes, namespace labels, and the listers of the objects the default plugins consult.
import type { Obj } from '../client/types.js';
import type { NodeInfo } from './node-info.js';

/** What an informer offers to readers (Informer implements it). */
export interface Lister<T extends Obj = Obj> {
  get(key: string): T | undefined;
  list(namespace?: string): T[];
}

export interface Listers {
  pvcs: Lister;
  pvs: Lister;
  storageClasses: Lister;
  services: Lister;
  replicationControllers: Lister;
  replicaSets: Lister;
  statefulSets: Lister;
  pdbs: Lister;
  namespaces: Lister;
}

export interface Handle {
  /** Every node that exists, in a stable order. */
  nodes(): NodeInfo[];
  node(name: string): NodeInfo | undefined;
  /** HavePodsWithAffinityList / HavePodsWithRequiredAntiAffinityList. */
  havePodsWithAffinity(): NodeInfo[];
  havePodsWithRequiredAntiAffinity(): NodeInfo[];
  namespaceLabels(ns: string): Record<string, string> | undefined;
  listers: Listers;
}

/** A Lister with nothing in it. */
export const emptyLister: Lister = { get: () => undefined, list: () => [] };
