// The cluster as the node's network sees it: Services, EndpointSlices, Pods and Nodes read from
// the apiserver and kept for a short while (what kube-proxy's and CoreDNS's informers hold).
import type { Client, Obj } from '../../client/types.js';
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
    const items = async <T>(p: Promise<{ items: Obj[] }>): Promise<T[]> => (await p).items as unknown as T[];
    const [services, pods, nodes, slices] = await Promise.all([
      items<NetSnapshot['services'][number]>(this.client.list(REFS.services, '')),
      items<NetSnapshot['pods'][number]>(this.client.list(REFS.pods, '')),
      items<NetSnapshot['nodes'][number]>(this.client.list(REFS.nodes, '')),
      items<NonNullable<NetSnapshot['slices']>[number]>(this.client.list(REFS.endpointslices, '')).catch(() => undefined),
    ]);
    return { services, pods, nodes, slices };
  }
}
