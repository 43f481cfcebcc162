// What PodTopologySpread works from: a pod's spread constraints of one kind (DoNotSchedule for the
// filter, ScheduleAnyway for the score) with matchLabelKeys folded into the selector, the system
// default constraints (hostname skew 3, zone skew 5) over the selector of the Services,
// ReplicationController, ReplicaSet or StatefulSet the pod belongs to, and the matching-pod counts.
import type { LabelSelector } from '../api/selectors/labels.js';
import { fromLabelSelector, matchesLabels } from '../api/selectors/labels.js';
import type { Obj } from '../client/types.js';
import { controllerOf } from '../controllers/framework/pods.js';
import type { Handle } from './handle.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo, TopologySpreadJson } from './pod-info.js';
import { compileSelector, firstUntolerated } from './selectors.js';
import { requiredNodeAffinityMatches } from './plugins/node-affinity.js';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: LabelSelector | null;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorNodeTaints: boolean;
}

export const SYSTEM_DEFAULT_CONSTRAINTS: TopologySpreadJson[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** filterTopologySpreadConstraints. */
export function spreadConstraints(list: TopologySpreadJson[] | undefined, podLabels: Record<string, string>, action: string): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const c of list ?? []) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = compileSelector(c.labelSelector);
    const keys = (c.matchLabelKeys ?? []).filter((k) => podLabels[k] !== undefined);
    if (selector && keys.length) selector = [...selector, ...keys.map((k) => ({ key: k, op: 'in' as const, values: [podLabels[k]!] }))];
    out.push({
      maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector, minDomains: c.minDomains ?? 1,
      honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorNodeTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
    });
  }
  return out;
}

const ownerIs = (o: { apiVersion: string; kind: string }, apiVersion: string, kind: string) => o.apiVersion === apiVersion && o.kind === kind;

/** helper.DefaultSelector: the labels the pod's Services, RC, RS or StatefulSet select it by. */
export function defaultSelector(pod: PodInfo, h: Handle): LabelSelector {
  const set: Record<string, string> = {};
  for (const svc of h.listers.services.list(pod.namespace)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (!sel) continue;
    if (Object.entries(sel).every(([k, v]) => pod.labels[k] === v)) Object.assign(set, sel);
  }
  const owner = controllerOf(pod.pod);
  const fromSet = (s: Record<string, string>): LabelSelector => Object.entries(s).map(([key, v]) => ({ key, op: '=' as const, values: [v] }));
  if (!owner) return fromSet(set);
  const key = `${pod.namespace}/${owner.name}`;
  if (ownerIs(owner, 'v1', 'ReplicationController')) {
    const rc = h.listers.replicationControllers.get(key);
    const sel = (rc?.spec as { selector?: Record<string, string> } | undefined)?.selector;
    return fromSet({ ...set, ...(sel ?? {}) });
  }
  let other: Obj | undefined;
  if (ownerIs(owner, 'apps/v1', 'ReplicaSet')) other = h.listers.replicaSets.get(key);
  else if (ownerIs(owner, 'apps/v1', 'StatefulSet')) other = h.listers.statefulSets.get(key);
  const ls = (other?.spec as { selector?: Parameters<typeof fromLabelSelector>[0] } | undefined)?.selector;
  return ls ? [...fromSet(set), ...fromLabelSelector(ls)] : fromSet(set);
}

/** The system default constraints with the pod's default selector; none when it selects nothing. */
export function defaultConstraints(pod: PodInfo, h: Handle, action: string): SpreadConstraint[] {
  const cs = spreadConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod.labels, action);
  if (cs.length === 0) return cs;
  const selector = defaultSelector(pod, h);
  if (selector.length === 0) return [];
  return cs.map((c) => ({ ...c, selector }));
}

export const nodeHasAllKeys = (node: NodeInfo, cs: SpreadConstraint[]): boolean =>
  cs.every((c) => node.labels[c.topologyKey] !== undefined);

/** matchNodeInclusionPolicies. */
export function nodeIncluded(c: SpreadConstraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.honorNodeAffinity && !requiredNodeAffinityMatches(pod, node)) return false;
  if (c.honorNodeTaints && firstUntolerated(node.taints, pod.tolerations, ['NoSchedule', 'NoExecute'])) return false;
  return true;
}

/** countPodsMatchSelector: live pods of the namespace the selector picks (an empty selector picks none). */
export function countMatching(pods: PodInfo[], selector: LabelSelector | null, ns: string): number {
  if (!selector || selector.length === 0) return 0;
  let n = 0;
  for (const p of pods) if (!p.terminating && p.namespace === ns && matchesLabels(selector, p.labels)) n++;
  return n;
}
