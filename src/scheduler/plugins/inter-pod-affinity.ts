// InterPodAffinity: required pod affinity (some matching pod in the node's topology domain — or,
// for the first pod of a group that matches its own terms, none anywhere), required pod
// anti-affinity (no matching pod in the domain), and existing pods' required anti-affinity against
// the incoming pod. Scoring adds preferred terms' weights both ways (existing pods' required
// affinity counting with weight 1), normalised between the lowest and highest node.
import type { Handle } from '../handle.js';
import type { NodeInfo } from '../node-info.js';
import { termMatchesPod, type AffinityTerm, type PodInfo, type WeightedTerm } from '../pod-info.js';
import {
  MAX_NODE_SCORE, SKIP, unresolvable, unschedulable,
  type CycleState, type FilterPlugin, type PreFilterPlugin, type PreFilterResult, type ScorePlugin, type StateData, type Status,
} from '../types.js';

export const INTER_POD_AFFINITY = 'InterPodAffinity';
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

const HARD_POD_AFFINITY_WEIGHT = 1;
const FILTER_KEY = `PreFilter${INTER_POD_AFFINITY}`;
const SCORE_KEY = `PreScore${INTER_POD_AFFINITY}`;

type Counts = Map<string, number>;
const pair = (k: string, v: string): string => `${k}\u0000${v}`;

function bump(m: Counts, node: NodeInfo, key: string, by: number): void {
  const v = node.labels[key];
  if (v === undefined) return;
  const p = pair(key, v);
  const n = (m.get(p) ?? 0) + by;
  if (n === 0) m.delete(p);
  else m.set(p, n);
}

class FilterState implements StateData {
  constructor(
    readonly pod: PodInfo,
    readonly nsLabels: Record<string, string> | undefined,
    readonly existingAnti: Counts,
    readonly affinity: Counts,
    readonly anti: Counts,
  ) {}
  clone(): FilterState {
    return new FilterState(this.pod, this.nsLabels, new Map(this.existingAnti), new Map(this.affinity), new Map(this.anti));
  }
}

/** What the filter and score helpers read: namespace labels through the Handle. */
class Terms {
  constructor(readonly h: Handle) {}
  nsOf(p: PodInfo): Record<string, string> | undefined {
    return this.h.namespaceLabels(p.namespace);
  }
  matches(t: AffinityTerm, p: PodInfo): boolean {
    return termMatchesPod(t, p, this.nsOf(p));
  }
  matchesAll(terms: AffinityTerm[], p: PodInfo): boolean {
    return terms.length > 0 && terms.every((t) => this.matches(t, p));
  }
}

/** updateWithPod: how one existing pod on node moves the counts. */
function account(t: Terms, s: FilterState, existing: PodInfo, node: NodeInfo, by: number): void {
  for (const term of existing.requiredAntiAffinity) if (termMatchesPod(term, s.pod, s.nsLabels)) bump(s.existingAnti, node, term.topologyKey, by);
  if (t.matchesAll(s.pod.requiredAffinity, existing)) for (const term of s.pod.requiredAffinity) bump(s.affinity, node, term.topologyKey, by);
  for (const term of s.pod.requiredAntiAffinity) if (t.matches(term, existing)) bump(s.anti, node, term.topologyKey, by);
}

function preFilter(t: Terms, state: CycleState, pod: PodInfo): PreFilterResult | null {
  const own = pod.requiredAffinity.length > 0 || pod.requiredAntiAffinity.length > 0;
  const nodes = own ? t.h.nodes() : t.h.havePodsWithRequiredAntiAffinity();
  if (!own && nodes.length === 0) return { status: SKIP };
  const s = new FilterState(pod, t.nsOf(pod), new Map(), new Map(), new Map());
  for (const node of nodes) {
    const pods = own ? node.pods : node.podsWithRequiredAntiAffinity;
    for (const existing of pods) account(t, s, existing, node, 1);
  }
  if (s.existingAnti.size === 0 && !own) return { status: SKIP };
  state.write(FILTER_KEY, s);
  return null;
}

function satisfiesAffinity(t: Terms, s: FilterState, node: NodeInfo): boolean {
  let podsExist = true;
  for (const term of s.pod.requiredAffinity) {
    const v = node.labels[term.topologyKey];
    if (v === undefined) return false;
    if ((s.affinity.get(pair(term.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere with the topology labels.
  return s.affinity.size === 0 && t.matchesAll(s.pod.requiredAffinity, s.pod);
}

function satisfiesAnti(s: FilterState, node: NodeInfo): boolean {
  if (s.anti.size === 0) return true;
  for (const term of s.pod.requiredAntiAffinity) {
    const v = node.labels[term.topologyKey];
    if (v !== undefined && (s.anti.get(pair(term.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesExistingAnti(s: FilterState, node: NodeInfo): boolean {
  if (s.existingAnti.size === 0) return true;
  for (const [k, v] of Object.entries(node.labels)) if ((s.existingAnti.get(pair(k, v)) ?? 0) > 0) return false;
  return true;
}

function filter(t: Terms, state: CycleState, node: NodeInfo): Status | null {
  const s = state.read<FilterState>(FILTER_KEY);
  if (!s) return null;
  if (!satisfiesAffinity(t, s, node)) return unresolvable(ERR_REASON_AFFINITY);
  if (!satisfiesAnti(s, node)) return unschedulable(ERR_REASON_ANTI_AFFINITY);
  if (!satisfiesExistingAnti(s, node)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
  return null;
}

type TopologyScore = Map<string, Map<string, number>>;

class ScoreState implements StateData {
  constructor(readonly topologyScore: TopologyScore) {}
  clone(): ScoreState {
    return this;
  }
}

function addTerm(t: Terms, m: TopologyScore, term: AffinityTerm, weight: number, target: PodInfo, node: NodeInfo): void {
  const v = node.labels[term.topologyKey];
  if (v === undefined || !t.matches(term, target)) return;
  let byValue = m.get(term.topologyKey);
  if (!byValue) m.set(term.topologyKey, (byValue = new Map()));
  byValue.set(v, (byValue.get(v) ?? 0) + weight);
}

/** processExistingPod. */
function processExisting(t: Terms, m: TopologyScore, pod: PodInfo, existing: PodInfo, node: NodeInfo): void {
  if (Object.keys(node.labels).length === 0) return;
  const each = (terms: WeightedTerm[], sign: number, target: PodInfo) => { for (const w of terms) addTerm(t, m, w, sign * w.weight, target, node); };
  each(pod.preferredAffinity, 1, existing);
  each(pod.preferredAntiAffinity, -1, existing);
  for (const term of existing.requiredAffinity) addTerm(t, m, term, HARD_POD_AFFINITY_WEIGHT, pod, node);
  each(existing.preferredAffinity, 1, pod);
  each(existing.preferredAntiAffinity, -1, pod);
}

function preScore(t: Terms, state: CycleState, pod: PodInfo): boolean {
  const own = pod.preferredAffinity.length > 0 || pod.preferredAntiAffinity.length > 0;
  const m: TopologyScore = new Map();
  for (const node of own ? t.h.nodes() : t.h.havePodsWithAffinity()) {
    for (const existing of own ? node.pods : node.podsWithAffinity) processExisting(t, m, pod, existing, node);
  }
  if (m.size === 0) return false;
  state.write(SCORE_KEY, new ScoreState(m));
  return true;
}

function score(state: CycleState, node: NodeInfo): number {
  let total = 0;
  for (const [key, byValue] of state.read<ScoreState>(SCORE_KEY)?.topologyScore ?? []) {
    const v = node.labels[key];
    if (v !== undefined) total += byValue.get(v) ?? 0;
  }
  return total;
}

/** NormalizeScore: scaled between the lowest (at most 0) and the highest (at least 0) node. */
function normalize(scores: number[]): void {
  let max = 0;
  let min = 0;
  for (const s of scores) {
    if (s > max) max = s;
    if (s < min) min = s;
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
}

export function interPodAffinity(h: Handle): PreFilterPlugin & FilterPlugin & ScorePlugin {
  const t = new Terms(h);
  const withState = (state: CycleState, f: (s: FilterState) => void) => { const s = state.read<FilterState>(FILTER_KEY); if (s) f(s); };
  return {
    name: INTER_POD_AFFINITY,
    preFilter: (state, pod) => preFilter(t, state, pod),
    addPod: (state, _pod, added, node) => withState(state, (s) => account(t, s, added, node, 1)),
    removePod: (state, _pod, removed, node) => withState(state, (s) => account(t, s, removed, node, -1)),
    filter: (state, _pod, node) => filter(t, state, node),
    preScore: (state, pod) => preScore(t, state, pod),
    score: (state, _pod, node) => score(state, node),
    normalize: (_state, _pod, scores) => normalize(scores),
  };
}
