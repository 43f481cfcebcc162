// NodeResourcesFit: the pod's requests (init containers, sidecars and overhead counted as the
// kubelet does) must fit in the node's allocatable minus what its pods request, and the node must
// have room for one more pod. Score: LeastAllocated over cpu and memory (weights 1), using the
// non-zero requests (100m / 200Mi for containers that set none).
import { MAX_NODE_SCORE, unresolvable, unschedulable, type FilterPlugin, type ScorePlugin, type Status } from '../types.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';

export const NODE_RESOURCES_FIT = 'NodeResourcesFit';

interface Insufficient {
  reason: string;
  unresolvable: boolean;
}

function check(out: Insufficient[], name: string, want: number, allocatable: number, used: number): void {
  if (want > 0 && want > allocatable - used) out.push({ reason: `Insufficient ${name}`, unresolvable: want > allocatable });
}

/** fitsRequest: every resource the node lacks, in upstream's order. */
export function insufficientResources(pod: PodInfo, node: NodeInfo): Insufficient[] {
  const out: Insufficient[] = [];
  if (node.pods.length + 1 > node.allocatable.allowedPodNumber) out.push({ reason: 'Too many pods', unresolvable: false });
  const r = pod.res.requests;
  if (r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0 && !r.scalars?.size) return out;
  const a = node.allocatable;
  const u = node.requested;
  check(out, 'cpu', r.milliCPU, a.milliCPU, u.milliCPU);
  check(out, 'memory', r.memory, a.memory, u.memory);
  check(out, 'ephemeral-storage', r.ephemeralStorage, a.ephemeralStorage, u.ephemeralStorage);
  for (const [name, want] of r.scalars ?? []) {
    if (want === 0) continue;
    check(out, name, want, a.scalars?.get(name) ?? 0, u.scalars?.get(name) ?? 0);
  }
  return out;
}

/** leastRequestedScore. */
const leastRequested = (requested: number, capacity: number): number =>
  capacity === 0 || requested > capacity ? 0 : Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);

export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  const a = node.allocatable;
  let sum = 0;
  let weights = 0;
  if (a.milliCPU !== 0) {
    sum += leastRequested(node.nonZeroCPU + pod.res.nonZeroCPU, a.milliCPU);
    weights++;
  }
  if (a.memory !== 0) {
    sum += leastRequested(node.nonZeroMemory + pod.res.nonZeroMemory, a.memory);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

/** The common case without allocating: room for the pod on every resource. */
function fits(pod: PodInfo, node: NodeInfo): boolean {
  const r = pod.res.requests;
  const a = node.allocatable;
  const u = node.requested;
  if (node.pods.length + 1 > a.allowedPodNumber) return false;
  if (r.milliCPU > a.milliCPU - u.milliCPU && r.milliCPU > 0) return false;
  if (r.memory > a.memory - u.memory && r.memory > 0) return false;
  if (r.ephemeralStorage > a.ephemeralStorage - u.ephemeralStorage && r.ephemeralStorage > 0) return false;
  return !r.scalars?.size;
}

export function nodeResourcesFit(): FilterPlugin & ScorePlugin {
  return {
    name: NODE_RESOURCES_FIT,
    filter(_state, pod, node): Status | null {
      if (fits(pod, node)) return null;
      const lacking = insufficientResources(pod, node);
      if (lacking.length === 0) return null;
      const reasons = lacking.map((l) => l.reason);
      return lacking.some((l) => l.unresolvable) ? unresolvable(...reasons) : unschedulable(...reasons);
    },
    score: (_state, pod, node) => leastAllocatedScore(pod, node),
  };
}
