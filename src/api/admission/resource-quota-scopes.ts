// Quota scopes: spec.scopes (each an Exists requirement) and spec.scopeSelector, matched against a
// pod as upstream's podMatchesScopeFunc does (Terminating, NotTerminating, BestEffort,
// NotBestEffort, PriorityClass, CrossNamespacePodAffinity). Other kinds match no scope.
import type { KObject } from '../types.js';
import { readResourceList } from '../quantity/resource-list.js';

export interface ScopeSelector {
  scopeName: string;
  operator: string;
  values?: string[];
}

/** getScopeSelectorsFromQuota. */
export function quotaScopeSelectors(quota: KObject): ScopeSelector[] {
  const spec = (quota.spec ?? {}) as { scopes?: unknown; scopeSelector?: { matchExpressions?: unknown } };
  const out: ScopeSelector[] = [];
  if (Array.isArray(spec.scopes)) for (const s of spec.scopes) out.push({ scopeName: String(s), operator: 'Exists' });
  const exprs = spec.scopeSelector?.matchExpressions;
  if (Array.isArray(exprs)) {
    for (const e of exprs as Partial<ScopeSelector>[]) {
      out.push({ scopeName: String(e?.scopeName ?? ''), operator: String(e?.operator ?? ''), ...(Array.isArray(e?.values) ? { values: e.values.map(String) } : {}) });
    }
  }
  return out;
}

interface ContainerJson {
  resources?: { requests?: unknown; limits?: unknown };
}

interface AffinityTerm {
  namespaces?: unknown[];
  namespaceSelector?: unknown;
}

interface PodSpecJson {
  containers?: ContainerJson[];
  initContainers?: ContainerJson[];
  activeDeadlineSeconds?: number | null;
  priorityClassName?: string;
  affinity?: {
    podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: { podAffinityTerm?: AffinityTerm }[] };
    podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: { podAffinityTerm?: AffinityTerm }[] };
  };
}

const podSpec = (pod: KObject): PodSpecJson => (pod.spec ?? {}) as PodSpecJson;

/** IsTerminating: activeDeadlineSeconds set and ≥ 0. */
export function isTerminating(pod: KObject): boolean {
  const ads = podSpec(pod).activeDeadlineSeconds;
  return typeof ads === 'number' && ads >= 0;
}

/** ComputePodQOS == BestEffort: no positive cpu or memory request or limit in any container. */
export function isBestEffort(pod: KObject): boolean {
  const spec = podSpec(pod);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const list of [c.resources?.requests, c.resources?.limits]) {
      for (const [k, q] of readResourceList(list)) if ((k === 'cpu' || k === 'memory') && q.nano > 0n) return false;
    }
  }
  return true;
}

const crossNamespace = (t: AffinityTerm | undefined): boolean => !!t && ((t.namespaces?.length ?? 0) > 0 || (t.namespaceSelector !== undefined && t.namespaceSelector !== null));

/** usesCrossNamespacePodAffinity. */
export function usesCrossNamespacePodAffinity(pod: KObject): boolean {
  const a = podSpec(pod).affinity;
  for (const kind of [a?.podAffinity, a?.podAntiAffinity]) {
    if (kind?.requiredDuringSchedulingIgnoredDuringExecution?.some(crossNamespace)) return true;
    if (kind?.preferredDuringSchedulingIgnoredDuringExecution?.some((w) => crossNamespace(w.podAffinityTerm))) return true;
  }
  return false;
}

/** The PriorityClass selector as a label selector over {PriorityClass: <name>} (empty when unset). */
function priorityClassMatches(sel: ScopeSelector, pod: KObject): boolean {
  const name = podSpec(pod).priorityClassName ?? '';
  const has = name !== '';
  switch (sel.operator) {
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'In': return has && (sel.values ?? []).includes(name);
    case 'NotIn': return !has || !(sel.values ?? []).includes(name);
    default: return false;
  }
}

/** podMatchesScopeFunc. */
export function podMatchesScope(sel: ScopeSelector, pod: KObject): boolean {
  switch (sel.scopeName) {
    case 'Terminating': return isTerminating(pod);
    case 'NotTerminating': return !isTerminating(pod);
    case 'BestEffort': return isBestEffort(pod);
    case 'NotBestEffort': return !isBestEffort(pod);
    case 'PriorityClass': return priorityClassMatches(sel, pod);
    case 'CrossNamespacePodAffinity': return usesCrossNamespacePodAffinity(pod);
    default: return false;
  }
}
