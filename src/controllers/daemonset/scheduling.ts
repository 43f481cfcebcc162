// Where a DaemonSet wants a pod (NodeShouldRunDaemonPod): the node's name, labels and taints
// against the template's nodeName, nodeSelector, required node affinity and tolerations — with
// the tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations).
import type { Affinity, DaemonSet, Node, NodeSelectorTerm, PodSpecLike, Taint, Toleration } from './types.js';
import { termMatches as sharedTermMatches, tolerates } from '../framework/node-selection.js';

export { tolerates };

const EXISTS = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/** The tolerations the controller adds to every daemon pod (plus network-unavailable for hostNetwork). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = [
    EXISTS('node.kubernetes.io/not-ready', 'NoExecute'),
    EXISTS('node.kubernetes.io/unreachable', 'NoExecute'),
    EXISTS('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    EXISTS('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    EXISTS('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    EXISTS('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (hostNetwork) t.push(EXISTS('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return t;
}

const sameToleration = (a: Toleration, b: Toleration) =>
  (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');

/** AddOrUpdateTolerationInPodSpec for each daemon toleration. */
export function withDaemonTolerations(spec: PodSpecLike): PodSpecLike {
  const tolerations = [...(spec.tolerations ?? [])];
  for (const t of daemonTolerations(!!spec.hostNetwork)) {
    const i = tolerations.findIndex((x) => sameToleration(x, t));
    if (i < 0) tolerations.push(t);
    else tolerations[i] = t;
  }
  return { ...spec, tolerations };
}

/** The first taint passing filter that no toleration tolerates. */
export function untoleratedTaint(taints: Taint[], tolerations: Toleration[], filter: (t: Taint) => boolean): Taint | undefined {
  return taints.find((taint) => filter(taint) && !tolerations.some((t) => tolerates(t, taint)));
}

/** A node selector term against the node's labels and name. */
export const termMatches = (term: NodeSelectorTerm, node: Node): boolean => sharedTermMatches(term, node.metadata.name ?? '', node.metadata.labels);

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): nodeSelector and any required term. */
export function requiredAffinityMatches(spec: PodSpecLike, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  if (Object.entries(spec.nodeSelector ?? {}).some(([k, v]) => labels[k] !== v)) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms === undefined || terms.some((t) => termMatches(t, node));
}

/** [shouldRun, shouldContinueRunning] for a daemon pod of ds on node. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): [boolean, boolean] {
  const spec = withDaemonTolerations(ds.spec?.template?.spec ?? {});
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return [false, false];
  if (!requiredAffinityMatches(spec, node)) return [false, false];
  const taints = node.spec?.taints ?? [];
  const tolerations = spec.tolerations ?? [];
  if (!untoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute' || t.effect === 'NoSchedule')) return [true, true];
  return [false, !untoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute')];
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes metadata.name In [node]. */
export function nodeNameAffinity(affinity: Affinity | undefined, node: string): Affinity {
  const term: NodeSelectorTerm = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] };
  const a: Affinity = structuredClone(affinity ?? {});
  a.nodeAffinity = { ...(a.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } };
  return a;
}

/** GetTargetNodeName: spec.nodeName, or the node the metadata.name affinity names. */
export function targetNodeName(spec: PodSpecLike | undefined): string | undefined {
  if (spec?.nodeName) return spec.nodeName;
  for (const term of spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}
