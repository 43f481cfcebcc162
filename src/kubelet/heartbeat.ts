// The kubelet's heartbeats: its Lease in kube-node-lease renewed every 10 s (a quarter of the 40 s
// lease), and the node's conditions reported at start, on change, and at least every 5 minutes
// (nodeStatusReportFrequency) with a fresh lastHeartbeatTime; the runtime's images with them.
import type { Client, Obj } from '../client/types.js';
import { isNotFound } from '../client/types.js';
import { REFS } from '../client/refs.js';
import type { ContainerImage } from './node-images.js';

export const LEASE_DURATION_S = 40;
export const RENEW_INTERVAL_MS = 10_000;
export const STATUS_REPORT_MS = 5 * 60_000;

interface Condition { type: string; status: string; lastHeartbeatTime?: string; lastTransitionTime?: string; reason?: string; message?: string }
interface NodeObj extends Obj { status?: { conditions?: Condition[]; [k: string]: unknown } }

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const micro = (ms: number) => new Date(ms).toISOString().replace(/\.(\d+)Z$/, (_m, f: string) => `.${f.padEnd(6, '0')}Z`);

/** The four conditions a healthy kubelet posts, keeping transition times that did not change. */
export function healthyConditions(old: Condition[], now: number): Condition[] {
  const want: [string, string, string, string][] = [
    ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
  ];
  const others = old.filter((c) => !want.some(([t]) => t === c.type));
  return [...others, ...want.map(([type, status, reason, message]) => {
    const prev = old.find((c) => c.type === type);
    const since = prev?.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now);
    return { lastHeartbeatTime: rfc3339(now), lastTransitionTime: since, message, reason, status, type };
  })];
}

export class Heartbeat {
  private lastReport = 0;

  constructor(private readonly client: Client, readonly node: string, private readonly now: () => number,
    private readonly images: () => ContainerImage[] = () => []) {}

  /** Renews (or creates) the node's Lease. */
  async renewLease(): Promise<void> {
    const now = this.now();
    try {
      const lease = await this.client.get(REFS.leases, 'kube-node-lease', this.node);
      lease.spec = { ...(lease.spec as object), holderIdentity: this.node, leaseDurationSeconds: LEASE_DURATION_S, renewTime: micro(now) };
      await this.client.update(REFS.leases, lease);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      const node = await this.client.get(REFS.nodes, '', this.node);
      await this.client.create(REFS.leases, 'kube-node-lease', {
        apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
        metadata: { name: this.node, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.node, uid: node.metadata.uid ?? '' }] },
        spec: { holderIdentity: this.node, leaseDurationSeconds: LEASE_DURATION_S, renewTime: micro(now) },
      });
    }
  }

  /** Posts the node's conditions and images when they changed or the report is due; returns whether it wrote. */
  async reportStatus(): Promise<boolean> {
    const now = this.now();
    const node = await this.client.get<NodeObj>(REFS.nodes, '', this.node);
    const old = node.status?.conditions ?? [];
    const next = healthyConditions(old, now);
    const images = this.images();
    const changed = next.some((c) => old.find((o) => o.type === c.type)?.status !== c.status) || JSON.stringify(images) !== JSON.stringify(node.status?.images ?? []);
    if (!changed && now - this.lastReport < STATUS_REPORT_MS) return false;
    const status = { ...node.status, conditions: next, ...(images.length ? { images } : {}) };
    await this.client.update(REFS.nodes, { ...node, status }, { subresource: 'status' });
    this.lastReport = now;
    return true;
  }
}
