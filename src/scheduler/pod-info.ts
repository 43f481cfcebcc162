// framework.PodInfo: what the plugins read of a pod, worked out once per pod version — requests,
// host ports, tolerations, the parsed pod (anti-)affinity terms, claims — so that filtering a pod
// against a thousand nodes does not re-parse its spec a thousand times.
import type { Obj } from '../client/types.js';
import { keyOf } from '../client/types.js';
import type { LabelSelector } from '../api/selectors/labels.js';
import type { PodSpecJson } from '../api/quantity/pod-resources.js';
import { podResources, type PodResources } from './resources.js';
import { compileSelector, selectorMatches, type LabelSelectorJson, type NodeSelectorTerm, type Toleration } from './selectors.js';

export interface AffinityTerm {
  namespaces: Set<string>;
  nsSelector: LabelSelector | null;
  selector: LabelSelector | null;
  topologyKey: string;
}

export interface WeightedTerm extends AffinityTerm {
  weight: number;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

interface PodAffinityTermJson {
  labelSelector?: LabelSelectorJson | null;
  namespaces?: string[];
  namespaceSelector?: LabelSelectorJson | null;
  topologyKey: string;
}

interface WeightedJson {
  weight: number;
  podAffinityTerm: PodAffinityTermJson;
}

interface PodAffinityJson {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTermJson[];
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedJson[];
}

export interface NodeAffinityJson {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } | null;
  preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: NodeSelectorTerm }[];
}

export interface TopologySpreadJson {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  labelSelector?: LabelSelectorJson | null;
  minDomains?: number;
  nodeAffinityPolicy?: string;
  nodeTaintsPolicy?: string;
  matchLabelKeys?: string[];
}

export interface PodSpec extends PodSpecJson {
  nodeName?: string;
  schedulerName?: string;
  priority?: number;
  preemptionPolicy?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: { nodeAffinity?: NodeAffinityJson; podAffinity?: PodAffinityJson; podAntiAffinity?: PodAffinityJson };
  topologySpreadConstraints?: TopologySpreadJson[];
  schedulingGates?: { name: string }[];
  volumes?: { name: string; persistentVolumeClaim?: { claimName: string }; ephemeral?: unknown }[];
  containers?: { ports?: { hostPort?: number; hostIP?: string; protocol?: string }[] }[] & PodSpecJson['containers'];
}

export interface PodInfo {
  pod: Obj;
  spec: PodSpec;
  key: string;
  uid: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  priority: number;
  res: PodResources;
  hostPorts: HostPort[];
  tolerations: Toleration[];
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedTerm[];
  preferredAntiAffinity: WeightedTerm[];
  /** spec.affinity has podAffinity or podAntiAffinity. */
  withAffinity: boolean;
  /** `ns/claim` of every PersistentVolumeClaim the pod uses (ephemeral ones included). */
  claims: { key: string; ephemeral: boolean }[];
  startTime: number | undefined;
  terminating: boolean;
}

export const specOf = (pod: Obj): PodSpec => (pod.spec ?? {}) as PodSpec;

function affinityTerm(pod: Obj, t: PodAffinityTermJson): AffinityTerm {
  const namespaces = new Set<string>(t.namespaces ?? []);
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(pod.metadata.namespace ?? '');
  return { namespaces, nsSelector: compileSelector(t.namespaceSelector), selector: compileSelector(t.labelSelector), topologyKey: t.topologyKey };
}

/** AffinityTerm.Matches: the pod's namespace is named or selected, and its labels are selected. */
export function termMatchesPod(term: AffinityTerm, pod: PodInfo, nsLabels: Record<string, string> | undefined): boolean {
  if (!term.namespaces.has(pod.namespace) && !selectorMatches(term.nsSelector, nsLabels)) return false;
  return selectorMatches(term.selector, pod.labels);
}

function hostPortsOf(spec: PodSpec): HostPort[] {
  const out: HostPort[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

function claimsOf(pod: Obj, spec: PodSpec): PodInfo['claims'] {
  const ns = pod.metadata.namespace ?? '';
  const out: PodInfo['claims'] = [];
  for (const v of spec.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName) out.push({ key: `${ns}/${v.persistentVolumeClaim.claimName}`, ephemeral: false });
    else if (v.ephemeral) out.push({ key: `${ns}/${pod.metadata.name}-${v.name}`, ephemeral: true });
  }
  return out;
}

const NONE: never[] = [];

export function newPodInfo(pod: Obj): PodInfo {
  const spec = specOf(pod);
  const aff = spec.affinity;
  const term = (t: PodAffinityTermJson) => affinityTerm(pod, t);
  const weighted = (w: WeightedJson): WeightedTerm => ({ ...term(w.podAffinityTerm), weight: w.weight });
  const start = (pod.status as { startTime?: string } | undefined)?.startTime;
  return {
    pod, spec,
    key: keyOf(pod),
    uid: pod.metadata.uid ?? keyOf(pod),
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    labels: pod.metadata.labels ?? {},
    priority: spec.priority ?? 0,
    res: podResources(spec),
    hostPorts: hostPortsOf(spec),
    tolerations: spec.tolerations ?? NONE,
    requiredAffinity: aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.map(term) ?? NONE,
    requiredAntiAffinity: aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.map(term) ?? NONE,
    preferredAffinity: aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.map(weighted) ?? NONE,
    preferredAntiAffinity: aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.map(weighted) ?? NONE,
    withAffinity: !!(aff?.podAffinity || aff?.podAntiAffinity),
    claims: claimsOf(pod, spec),
    startTime: start ? Date.parse(start) : undefined,
    terminating: !!pod.metadata.deletionTimestamp,
  };
}

/** The pod with spec.nodeName set, as the cache holds an assumed pod. */
export function withNodeName(pi: PodInfo, nodeName: string): PodInfo {
  const pod = { ...pi.pod, spec: { ...pi.spec, nodeName } };
  return { ...pi, pod, spec: pod.spec as PodSpec };
}

/** util.MoreImportantPod: higher priority, then the earlier start. */
export function moreImportant(a: PodInfo, b: PodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  const ta = a.startTime;
  const tb = b.startTime;
  if (ta === undefined) return false;
  if (tb === undefined) return true;
  return ta < tb;
}

export const isTerminal = (pod: Obj): boolean => {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
};

export const nodeNameOf = (pod: Obj): string => specOf(pod).nodeName ?? '';
