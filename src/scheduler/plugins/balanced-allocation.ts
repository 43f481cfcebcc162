// NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be used in equal
// shares after placing the pod — (1 − standard deviation of the requested/allocatable fractions)
// × 100, counting actual requests.
import { MAX_NODE_SCORE, type ScorePlugin } from '../types.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';

export const BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';

export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  const a = node.allocatable;
  const cpu = a.milliCPU !== 0 ? Math.min(1, (node.requested.milliCPU + pod.res.requests.milliCPU) / a.milliCPU) : -1;
  const mem = a.memory !== 0 ? Math.min(1, (node.requested.memory + pod.res.requests.memory) / a.memory) : -1;
  // With one resource (or none) the deviation is 0; with two it is half their difference.
  const std = cpu >= 0 && mem >= 0 ? Math.abs((cpu - mem) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export function balancedAllocation(): ScorePlugin {
  return { name: BALANCED_ALLOCATION, score: (_state, pod, node) => balancedAllocationScore(pod, node) };
}
