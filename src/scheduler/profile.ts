// The default-scheduler profile (apis/config/v1 getDefaultPlugins, v1.32): plugins in upstream's
// order — which decides the first failing filter a node reports — and the score weights.
import type { Handle } from './handle.js';
import { isFilter, isPreFilter, isScore, type FilterPlugin, type Plugin, type PreFilterPlugin, type ScorePlugin } from './types.js';
import { nodeUnschedulable } from './plugins/node-unschedulable.js';
import { nodeName } from './plugins/node-name.js';
import { taintToleration } from './plugins/taint-toleration.js';
import { nodeAffinity } from './plugins/node-affinity.js';
import { nodePorts } from './plugins/node-ports.js';
import { nodeResourcesFit } from './plugins/node-resources-fit.js';
import { volumeBinding } from './plugins/volume-binding.js';
import { podTopologySpread } from './plugins/pod-topology-spread.js';
import { interPodAffinity } from './plugins/inter-pod-affinity.js';
import { balancedAllocation } from './plugins/balanced-allocation.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export interface WeightedScore {
  plugin: ScorePlugin;
  weight: number;
}

export interface Profile {
  schedulerName: string;
  preFilter: PreFilterPlugin[];
  filter: FilterPlugin[];
  score: WeightedScore[];
}

/** Builds a profile from plugins in order, with weights for the scoring ones. */
export function buildProfile(schedulerName: string, plugins: Plugin[], weights: Record<string, number>): Profile {
  return {
    schedulerName,
    preFilter: plugins.filter(isPreFilter),
    filter: plugins.filter(isFilter),
    score: plugins.filter(isScore).filter((p) => (weights[p.name] ?? 0) > 0).map((plugin) => ({ plugin, weight: weights[plugin.name]! })),
  };
}

export const DEFAULT_WEIGHTS: Record<string, number> = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
};

export function defaultProfile(h: Handle): Profile {
  return buildProfile(DEFAULT_SCHEDULER_NAME, [
    nodeUnschedulable(),
    nodeName(),
    taintToleration(),
    nodeAffinity(),
    nodePorts(),
    nodeResourcesFit(),
    volumeBinding(h),
    podTopologySpread(h),
    interPodAffinity(h),
    balancedAllocation(),
  ], DEFAULT_WEIGHTS);
}
