// The framework's runners (runtime.frameworkImpl): PreFilter (a rejection ends the cycle; node
// name sets narrow the nodes), Filter (the first failing plugin decides a node's status), Filter
// with the nominated pods of equal or higher priority in place, and PreScore/Score/NormalizeScore
// summed by weight.
import type { Handle } from './handle.js';
import type { NodeInfo } from './node-info.js';
import type { Nominator } from './nominator.js';
import type { PodInfo } from './pod-info.js';
import type { Profile } from './profile.js';
import { unresolvable, type CycleState, type FilterPlugin, type Status } from './types.js';

export interface PreFilterOutcome {
  status: Status | null;
  /** The nodes Filter should look at; undefined for all. */
  nodeNames?: Set<string>;
  /** Plugins that narrowed the nodes. */
  narrowedBy: string[];
}

export class Framework {
  constructor(readonly profile: Profile, readonly handle: Handle, readonly nominator: Nominator) {}

  runPreFilter(state: CycleState, pod: PodInfo): PreFilterOutcome {
    let nodeNames: Set<string> | undefined;
    const narrowedBy: string[] = [];
    let rejected: Status | null = null;
    for (const pl of this.profile.preFilter) {
      const r = pl.preFilter(state, pod);
      if (r?.status?.code === 'Skip') {
        state.skipFilter.add(pl.name);
        continue;
      }
      if (r?.status) {
        const s = { ...r.status, plugin: pl.name };
        if (s.code === 'UnschedulableAndUnresolvable' || s.code === 'Error') return { status: s, narrowedBy: [] };
        rejected = s;
        continue;
      }
      if (!r?.nodeNames) continue;
      narrowedBy.push(pl.name);
      nodeNames = nodeNames ? new Set([...nodeNames].filter((n) => r.nodeNames!.has(n))) : r.nodeNames;
      if (nodeNames.size === 0) {
        const msg = narrowedBy.length === 1 ? `node(s) didn't satisfy plugin ${narrowedBy[0]}` : `node(s) didn't satisfy plugin(s) [${narrowedBy.join(' ')}] simultaneously`;
        return { status: unresolvable(msg), nodeNames, narrowedBy };
      }
    }
    return { status: rejected, ...(nodeNames ? { nodeNames } : {}), narrowedBy };
  }

  /** The filter plugins that run this cycle. */
  filtersFor(state: CycleState): FilterPlugin[] {
    return state.skipFilter.size ? this.profile.filter.filter((p) => !state.skipFilter.has(p.name)) : this.profile.filter;
  }

  runFilter(filters: FilterPlugin[], state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    for (const pl of filters) {
      const s = pl.filter(state, pod, node);
      if (s) return { ...s, plugin: pl.name };
    }
    return null;
  }

  /** RunFilterPluginsWithNominatedPods: the pod must fit with and without the nominated pods. */
  runFilterWithNominated(filters: FilterPlugin[], state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    if (!this.nominator.empty) {
      const nominated = this.nominator.podsForNode(node.name).filter((p) => p.uid !== pod.uid && p.priority >= pod.priority);
      if (nominated.length) {
        const s2 = state.clone();
        const n2 = node.clone();
        for (const p of nominated) this.addPod(s2, pod, p, n2);
        const s = this.runFilter(filters, s2, pod, n2);
        if (s) return s;
      }
    }
    return this.runFilter(filters, state, pod, node);
  }

  /** Adds p to node and tells the PreFilter extensions (preemption's dry runs). */
  addPod(state: CycleState, pod: PodInfo, p: PodInfo, node: NodeInfo): void {
    node.addPod(p);
    for (const pl of this.profile.preFilter) if (!state.skipFilter.has(pl.name)) pl.addPod?.(state, pod, p, node);
  }

  removePod(state: CycleState, pod: PodInfo, p: PodInfo, node: NodeInfo): void {
    node.removePod(p.uid);
    for (const pl of this.profile.preFilter) if (!state.skipFilter.has(pl.name)) pl.removePod?.(state, pod, p, node);
  }

  /** PreScore, Score and NormalizeScore of every score plugin, weighted and summed per node. */
  prioritize(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): number[] {
    const totals = new Array<number>(nodes.length).fill(0);
    for (const { plugin, weight } of this.profile.score) {
      if (plugin.preScore && !plugin.preScore(state, pod, nodes)) continue;
      const scores = new Array<number>(nodes.length);
      for (let i = 0; i < nodes.length; i++) scores[i] = plugin.score(state, pod, nodes[i]!);
      plugin.normalize?.(state, pod, scores, nodes);
      for (let i = 0; i < nodes.length; i++) totals[i] = totals[i]! + scores[i]! * weight;
    }
    return totals;
  }
}
