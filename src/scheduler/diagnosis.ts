// Why a pod fits nowhere (framework.Diagnosis and FitError): a status per node examined, one status
// for the nodes not in the map (a PreFilter rejection, or "Preemption is not helpful for
// scheduling"), the plugins that rejected the pod, and the message kube-scheduler prints:
//   0/3 nodes are available: 1 node(s) had untolerated taint {k: v}, 2 Insufficient cpu. preemption: …
import type { Status } from './types.js';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export class Diagnosis {
  readonly statuses = new Map<string, Status>();
  /** NewDefaultNodeToStatus: nodes not in the map are UnschedulableAndUnresolvable. */
  absent: Status = { code: 'UnschedulableAndUnresolvable', reasons: [] };
  readonly unschedulablePlugins = new Set<string>();
  preFilterMsg = '';
  postFilterMsg = '';

  /** AddPluginStatus. */
  addPluginStatus(s: Status): void {
    if (s.plugin && (s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable')) this.unschedulablePlugins.add(s.plugin);
  }

  /** The status of a node (explicit, else the absent nodes' status). */
  statusOf(node: string): Status {
    return this.statuses.get(node) ?? this.absent;
  }
}

/** sortReasonsHistogram: `<count> <reason>` strings, sorted as Go's sort.Strings sorts them. */
function histogram(d: Diagnosis, numAllNodes: number): string[] {
  const counts = new Map<string, number>();
  for (const s of d.statuses.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  if (d.statuses.size < numAllNodes) {
    for (const r of d.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + numAllNodes - d.statuses.size);
  }
  const out = [...counts].map(([r, n]) => `${n} ${r}`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** FitError.Error(). */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const h = histogram(d, numAllNodes);
    if (h.length) msg += ` ${h.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}
