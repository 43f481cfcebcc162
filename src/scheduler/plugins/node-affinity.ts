// NodeAffinity: spec.nodeSelector and required node affinity must match the node; terms that pin
// metadata.name narrow the nodes to look at (a DaemonSet pod's node) at PreFilter; preferred terms
// add their weights to the score.
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { termMatches, termsMatch } from '../selectors.js';
import {
  defaultNormalize, SKIP, unresolvable,
  type FilterPlugin, type PreFilterPlugin, type PreFilterResult, type ScorePlugin, type Status,
} from '../types.js';

export const NODE_AFFINITY = 'NodeAffinity';
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node). */
export function requiredNodeAffinityMatches(pod: PodInfo, node: NodeInfo): boolean {
  const sel = pod.spec.nodeSelector;
  if (sel) for (const [k, v] of Object.entries(sel)) if (node.labels[k] !== v) return false;
  const req = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!req) return true;
  return termsMatch(req.nodeSelectorTerms ?? [], node.name, node.labels);
}

/** The node names required terms pin with metadata.name In (…); undefined when any term does not. */
function pinnedNodeNames(pod: PodInfo): Set<string> | undefined {
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    for (const n of termNames) names.add(n);
  }
  return names;
}

export function nodeAffinity(): PreFilterPlugin & FilterPlugin & ScorePlugin {
  return {
    name: NODE_AFFINITY,
    preFilter(_state, pod): PreFilterResult | null {
      const req = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
      if (!req && !pod.spec.nodeSelector) return { status: SKIP };
      const names = pinnedNodeNames(pod);
      if (!names) return null;
      if (names.size === 0) return { status: unresolvable(ERR_REASON_CONFLICT) };
      return { nodeNames: names };
    },
    filter(_state, pod, node): Status | null {
      return requiredNodeAffinityMatches(pod, node) ? null : unresolvable(ERR_REASON_NODE_AFFINITY);
    },
    preScore(_state, pod): boolean {
      return (pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
    },
    score(_state, pod, node): number {
      let sum = 0;
      for (const p of pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
        if (p.weight !== 0 && termMatches(p.preference, node.name, node.labels)) sum += p.weight;
      }
      return sum;
    },
    normalize(_state, _pod, scores): void {
      defaultNormalize(scores, false);
    },
  };
}
