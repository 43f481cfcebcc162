// The cluster as the nodes' network sees it: Services, EndpointSlices, Pods and Nodes (what
// kube-proxy's and CoreDNS's informers hold) and NetworkPolicies with the Namespaces' labels (what
// a policy-enforcing CNI's agent holds), read from the apiserver and kept for a short while. What
// the reader may not list stays undefined: no slices → endpoints follow the selectors; no
// policies → nothing is enforced.
import type { Client, ResourceRef } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { NetSnapshot } from './types.js';

export const VIEW_TTL_MS = 1000;

export interface SnapshotSource {
  snapshot(): Promise<NetSnapshot>;
}

export class ClusterView implements SnapshotSource {
  private cached: { at: number; snap: Promise<NetSnapshot> } | undefined;

  constructor(private readonly client: Client, private readonly now: () => number, private readonly ttlMs = VIEW_TTL_MS) {}

  snapshot(): Promise<NetSnapshot> {
    const t = this.now();
    if (!this.cached || t - this.cached.at >= this.ttlMs) {
      const snap = this.read();
      this.cached = { at: t, snap };
      snap.catch(() => (this.cached = undefined));
    }
    return this.cached.snap;
  }

  private async read(): Promise<NetSnapshot> {
    const all = async <T>(ref: ResourceRef): Promise<T[]> => (await this.client.list(ref, '')).items as unknown as T[];
    const maybe = <T>(ref: ResourceRef): Promise<T[] | undefined> => all<T>(ref).catch(() => undefined);
    const [services, pods, nodes, slices, policies, namespaces] = await Promise.all([
      all<NetSnapshot['services'][number]>(REFS.services),
      all<NetSnapshot['pods'][number]>(REFS.pods),
      all<NetSnapshot['nodes'][number]>(REFS.nodes),
      maybe<NonNullable<NetSnapshot['slices']>[number]>(REFS.endpointslices),
      maybe<NonNullable<NetSnapshot['policies']>[number]>(REFS.networkpolicies),
      maybe<NonNullable<NetSnapshot['namespaces']>[number]>(REFS.namespaces),
    ]);
    return { services, pods, nodes, slices, policies, namespaces };
  }
}

