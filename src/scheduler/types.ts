// The scheduling framework's vocabulary (k8s.io/kubernetes/pkg/scheduler/framework): a plugin's
// verdict as a Status with a code and reasons, the per-attempt CycleState plugins share, and the
// extension points a plugin may implement (PreFilter, Filter, PreScore/Score/NormalizeScore).
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';

export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip';

export interface Status {
  code: Code;
  reasons: string[];
  /** The plugin that returned it (set by the framework). */
  plugin?: string;
}

export const MAX_NODE_SCORE = 100;

export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });
export const errorStatus = (message: string): Status => ({ code: 'Error', reasons: [message] });
export const SKIP: Status = { code: 'Skip', reasons: [] };

/** Unschedulable or UnschedulableAndUnresolvable. */
export const isRejected = (s: Status | null | undefined): boolean =>
  !!s && (s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable');

/** Status.Message(): the reasons joined by ", ". */
export const messageOf = (s: Status | null | undefined): string => (s ? s.reasons.join(', ') : '');

/** Data a plugin keeps for one scheduling attempt; cloned for preemption's dry runs. */
export interface StateData {
  clone(): StateData;
}

export class CycleState {
  private readonly data = new Map<string, StateData>();
  /** Plugins whose PreFilter returned Skip: their Filter does not run this cycle. */
  skipFilter = new Set<string>();
  skipScore = new Set<string>();

  read<T extends StateData>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: StateData): void {
    this.data.set(key, value);
  }

  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) c.data.set(k, v.clone());
    c.skipFilter = new Set(this.skipFilter);
    c.skipScore = new Set(this.skipScore);
    return c;
  }
}

/** PreFilter's answer: nodeNames narrows the nodes Filter looks at (NodeAffinity's metadata.name). */
export interface PreFilterResult {
  status?: Status;
  nodeNames?: Set<string>;
}

export interface Plugin {
  readonly name: string;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo): PreFilterResult | null;
  /** PreFilterExtensions: keep the PreFilter state right when preemption adds or removes a pod. */
  addPod?(state: CycleState, pod: PodInfo, added: PodInfo, node: NodeInfo): void;
  removePod?(state: CycleState, pod: PodInfo, removed: PodInfo, node: NodeInfo): void;
}

export interface FilterPlugin extends Plugin {
  /** null when the node fits. */
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null;
}

export interface ScorePlugin extends Plugin {
  /** Returns false to skip scoring for this pod (upstream's Skip from PreScore). */
  preScore?(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): boolean;
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  normalize?(state: CycleState, pod: PodInfo, scores: number[], nodes: NodeInfo[]): void;
}

export const isPreFilter = (p: Plugin): p is PreFilterPlugin => typeof (p as PreFilterPlugin).preFilter === 'function';
export const isFilter = (p: Plugin): p is FilterPlugin => typeof (p as FilterPlugin).filter === 'function';
export const isScore = (p: Plugin): p is ScorePlugin => typeof (p as ScorePlugin).score === 'function';

/** DefaultNormalizeScore: scales to [0, 100] by the maximum, reversed when asked. */
export function defaultNormalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) {
      if (reverse) scores[i] = MAX_NODE_SCORE;
      continue;
    }
    let s = Math.trunc((MAX_NODE_SCORE * scores[i]!) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
