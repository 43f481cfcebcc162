// framework.NodeInfo: one node and what is on it — its pods (assumed ones included), the sum of
// their requests (and of the non-zero requests scorers use), host ports in use, claims in use, and
// the subsets of pods with (anti-)affinity that the InterPodAffinity plugin walks.
import type { Obj } from '../client/types.js';
import { addResource, allocatableOf, cloneResource, emptyResource, type Resource } from './resources.js';
import type { HostPort, PodInfo } from './pod-info.js';
import type { Taint } from './selectors.js';

const ANY_IP = '0.0.0.0';

export class NodeInfo {
  node: Obj | undefined;
  labels: Record<string, string> = {};
  taints: Taint[] = [];
  unschedulable = false;
  allocatable: Resource = emptyResource();
  requested: Resource = emptyResource();
  nonZeroCPU = 0;
  nonZeroMemory = 0;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** host IP → `protocol/port` in use. */
  usedPorts = new Map<string, Set<string>>();
  pvcRefCounts = new Map<string, number>();

  constructor(readonly name: string, node?: Obj) {
    if (node) this.setNode(node);
  }

  setNode(node: Obj): void {
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    const spec = (node.spec ?? {}) as { taints?: Taint[]; unschedulable?: boolean };
    this.taints = spec.taints ?? [];
    this.unschedulable = !!spec.unschedulable;
    this.allocatable = allocatableOf(node.status);
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.withAffinity) this.podsWithAffinity.push(pi);
    if (pi.requiredAntiAffinity.length) this.podsWithRequiredAntiAffinity.push(pi);
    this.update(pi, 1);
  }

  /** Removes the pod with this uid; false when it is not here. */
  removePod(uid: string): boolean {
    const i = this.pods.findIndex((p) => p.uid === uid);
    if (i < 0) return false;
    const pi = this.pods[i]!;
    this.pods.splice(i, 1);
    this.podsWithAffinity = this.podsWithAffinity.filter((p) => p.uid !== uid);
    this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((p) => p.uid !== uid);
    this.update(pi, -1);
    return true;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    addResource(this.requested, pi.res.requests, sign);
    this.nonZeroCPU += sign * pi.res.nonZeroCPU;
    this.nonZeroMemory += sign * pi.res.nonZeroMemory;
    for (const hp of pi.hostPorts) this.updatePort(hp, sign);
    for (const c of pi.claims) {
      const n = (this.pvcRefCounts.get(c.key) ?? 0) + sign;
      if (n > 0) this.pvcRefCounts.set(c.key, n);
      else this.pvcRefCounts.delete(c.key);
    }
  }

  private updatePort(hp: HostPort, sign: 1 | -1): void {
    const pp = `${hp.protocol}/${hp.port}`;
    let set = this.usedPorts.get(hp.ip);
    if (sign > 0) {
      if (!set) this.usedPorts.set(hp.ip, (set = new Set()));
      set.add(pp);
    } else if (set) {
      set.delete(pp);
      if (set.size === 0) this.usedPorts.delete(hp.ip);
    }
  }

  /** HostPortInfo.CheckConflict. */
  portConflict(hp: HostPort): boolean {
    const pp = `${hp.protocol}/${hp.port}`;
    if (hp.ip === ANY_IP) {
      for (const set of this.usedPorts.values()) if (set.has(pp)) return true;
      return false;
    }
    return !!(this.usedPorts.get(ANY_IP)?.has(pp) || this.usedPorts.get(hp.ip)?.has(pp));
  }

  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.labels = this.labels;
    c.taints = this.taints;
    c.unschedulable = this.unschedulable;
    c.allocatable = this.allocatable;
    c.requested = cloneResource(this.requested);
    c.nonZeroCPU = this.nonZeroCPU;
    c.nonZeroMemory = this.nonZeroMemory;
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    for (const [ip, set] of this.usedPorts) c.usedPorts.set(ip, new Set(set));
    c.pvcRefCounts = new Map(this.pvcRefCounts);
    return c;
  }
}
