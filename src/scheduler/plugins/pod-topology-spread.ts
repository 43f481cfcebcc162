// PodTopologySpread: DoNotSchedule constraints keep (matching pods in the node's domain + the pod
// itself − the smallest domain's count) within maxSkew; nodes lacking a constraint's topology label
// are out. ScheduleAnyway constraints — or, for pods with none, the system defaults over the
// pod's Service/ReplicaSet/StatefulSet selector — score nodes with fewer matching pods higher.
import type { Handle } from '../handle.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { matchesLabels } from '../../api/selectors/labels.js';
import {
  countMatching, defaultConstraints, LABEL_HOSTNAME, nodeHasAllKeys, nodeIncluded, spreadConstraints, type SpreadConstraint,
} from '../topology-spread.js';
import {
  MAX_NODE_SCORE, SKIP, unresolvable, unschedulable,
  type CycleState, type FilterPlugin, type PreFilterPlugin, type PreFilterResult, type ScorePlugin, type StateData, type Status,
} from '../types.js';

export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const FILTER_KEY = `PreFilter${POD_TOPOLOGY_SPREAD}`;
const SCORE_KEY = `PreScore${POD_TOPOLOGY_SPREAD}`;

class FilterState implements StateData {
  /** Per constraint: topology value → matching pods, and the smallest count. */
  mins: number[];
  constructor(readonly constraints: SpreadConstraint[], readonly counts: Map<string, number>[]) {
    this.mins = counts.map(minOf);
  }
  clone(): FilterState {
    return new FilterState(this.constraints, this.counts.map((m) => new Map(m)));
  }
  update(pod: PodInfo, other: PodInfo, node: NodeInfo, delta: number): void {
    if (other.namespace !== pod.namespace || !nodeHasAllKeys(node, this.constraints)) return;
    this.constraints.forEach((c, i) => {
      if (!c.selector || !matchesLabels(c.selector, other.labels)) return;
      const v = node.labels[c.topologyKey]!;
      const m = this.counts[i]!;
      m.set(v, (m.get(v) ?? 0) + delta);
      this.mins[i] = minOf(m);
    });
  }
}

function minOf(m: Map<string, number>): number {
  let min = Number.MAX_SAFE_INTEGER;
  for (const n of m.values()) if (n < min) min = n;
  return min;
}

function preFilter(state: CycleState, pod: PodInfo, h: Handle): PreFilterResult | null {
  const cs = spreadConstraints(pod.spec.topologySpreadConstraints, pod.labels, 'DoNotSchedule');
  if (cs.length === 0) return { status: SKIP };
  const counts = cs.map(() => new Map<string, number>());
  for (const node of h.nodes()) {
    if (!nodeHasAllKeys(node, cs)) continue;
    cs.forEach((c, i) => {
      if (!nodeIncluded(c, pod, node)) return;
      const v = node.labels[c.topologyKey]!;
      counts[i]!.set(v, (counts[i]!.get(v) ?? 0) + countMatching(node.pods, c.selector, pod.namespace));
    });
  }
  state.write(FILTER_KEY, new FilterState(cs, counts));
  return null;
}

function filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
  const s = state.read<FilterState>(FILTER_KEY);
  if (!s) return null;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    const v = node.labels[c.topologyKey];
    if (v === undefined) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    const domains = s.counts[i]!;
    const min = domains.size < c.minDomains ? 0 : s.mins[i]!;
    const self = c.selector && matchesLabels(c.selector, pod.labels) ? 1 : 0;
    if ((domains.get(v) ?? 0) + self - min > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return null;
}

class ScoreState implements StateData {
  constructor(
    readonly constraints: SpreadConstraint[],
    readonly ignored: Set<string>,
    readonly counts: Map<string, number>[],
    readonly weights: number[],
  ) {}
  clone(): ScoreState {
    return this;
  }
}

function preScore(state: CycleState, pod: PodInfo, filtered: NodeInfo[], h: Handle): boolean {
  const own = (pod.spec.topologySpreadConstraints?.length ?? 0) > 0;
  const cs = own ? spreadConstraints(pod.spec.topologySpreadConstraints, pod.labels, 'ScheduleAnyway') : defaultConstraints(pod, h, 'ScheduleAnyway');
  if (cs.length === 0) return false;
  const requireAll = own;
  const ignored = new Set<string>();
  const counts = cs.map(() => new Map<string, number>());
  for (const node of filtered) {
    if (requireAll && !nodeHasAllKeys(node, cs)) {
      ignored.add(node.name);
      continue;
    }
    cs.forEach((c, i) => { if (c.topologyKey !== LABEL_HOSTNAME) counts[i]!.set(node.labels[c.topologyKey] ?? '', 0); });
  }
  const weights = cs.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? filtered.length - ignored.size : counts[i]!.size) + 2));
  for (const node of h.nodes()) {
    if (requireAll && !nodeHasAllKeys(node, cs)) continue;
    cs.forEach((c, i) => {
      if (!nodeIncluded(c, pod, node)) return;
      const v = node.labels[c.topologyKey] ?? '';
      const m = counts[i]!;
      const cur = m.get(v);
      if (cur !== undefined) m.set(v, cur + countMatching(node.pods, c.selector, pod.namespace));
    });
  }
  state.write(SCORE_KEY, new ScoreState(cs, ignored, counts, weights));
  return true;
}

function score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
  const s = state.read<ScoreState>(SCORE_KEY);
  if (!s || s.ignored.has(node.name)) return 0;
  let total = 0;
  s.constraints.forEach((c, i) => {
    const v = node.labels[c.topologyKey];
    if (v === undefined) return;
    const cnt = c.topologyKey === LABEL_HOSTNAME ? countMatching(node.pods, c.selector, pod.namespace) : (s.counts[i]!.get(v) ?? 0);
    total += cnt * s.weights[i]! + (c.maxSkew - 1);
  });
  return Math.round(total);
}

function normalize(state: CycleState, scores: number[], nodes: NodeInfo[]): void {
  const s = state.read<ScoreState>(SCORE_KEY);
  if (!s) return;
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  nodes.forEach((n, i) => {
    if (s.ignored.has(n.name)) return;
    min = Math.min(min, scores[i]!);
    max = Math.max(max, scores[i]!);
  });
  nodes.forEach((n, i) => {
    if (s.ignored.has(n.name)) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
  });
}

export function podTopologySpread(h: Handle): PreFilterPlugin & FilterPlugin & ScorePlugin {
  return {
    name: POD_TOPOLOGY_SPREAD,
    preFilter: (state, pod) => preFilter(state, pod, h),
    addPod: (state, pod, added, node) => state.read<FilterState>(FILTER_KEY)?.update(pod, added, node, 1),
    removePod: (state, pod, removed, node) => state.read<FilterState>(FILTER_KEY)?.update(pod, removed, node, -1),
    filter,
    preScore: (state, pod, nodes) => preScore(state, pod, nodes, h),
    score,
    normalize: (state, _pod, scores, nodes) => normalize(state, scores, nodes),
  };
}
