// The pod quota evaluator (pkg/quota/v1/evaluator/core/pods.go, v1.32): count/pods always;
// pods, cpu, memory, ephemeral-storage (requests.* and limits.*), hugepages and extended
// resources only while the pod is not terminal; cpu/memory quotas require every container to
// state the matching request or limit ("must specify …").
import type { KObject } from '../types.js';
import type { ResourceList } from '../quantity/resource-list.js';
import { addLists, countOf, readResourceList } from '../quantity/resource-list.js';
import type { PodSpecJson } from '../quantity/pod-resources.js';
import { podLimits, podRequests } from '../quantity/pod-resources.js';
import type { QuotaEvaluator } from './resource-quota-types.js';
import { podMatchesScope } from './resource-quota-scopes.js';

const POD_RESOURCES = new Set([
  'count/pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods',
]);
const POD_PREFIXES = ['hugepages-', 'requests.hugepages-'];
/** The resources whose quota makes every container state them (a historical mistake upstream keeps). */
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** helper.IsNativeResource: no domain, or a kubernetes.io/ one. */
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');

const QUALIFIED = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** helper.IsExtendedResourceName. */
const isExtended = (name: string): boolean => !isNative(name) && !name.startsWith('requests.') && QUALIFIED.test(`requests.${name}`);

/** isExtendedResourceNameForQuota. */
const isExtendedForQuota = (name: string): boolean => !isNative(name) && name.startsWith('requests.');

/** podComputeUsageHelper. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = new Map([['pods', countOf(1)]]);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r);
    if (req) out.set(r, req).set(`requests.${r}`, req);
    const lim = limits.get(r);
    if (lim) out.set(`limits.${r}`, lim);
  }
  for (const [r, q] of requests) {
    if (r.startsWith('hugepages-')) out.set(r, q).set(`requests.${r}`, q);
    if (isExtended(r)) out.set(`requests.${r}`, q);
  }
  return out;
}

/** QuotaV1Pod: terminal pods and pods past their deletion grace period are not charged. */
function charged(pod: KObject, now: number): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') return false;
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (deletionTimestamp && typeof deletionGracePeriodSeconds === 'number') {
    return !(now > Date.parse(deletionTimestamp) + deletionGracePeriodSeconds * 1000);
  }
  return true;
}

interface ContainerJson {
  name?: string;
  resources?: { requests?: unknown; limits?: unknown };
}

/** Constraints: `must specify limits.cpu for: a,b; requests.memory for: a`. */
function constraints(required: string[], pod: KObject): string | undefined {
  const needed = required.filter((r) => VALIDATION_SET.has(r));
  const missing = new Map<string, Set<string>>();
  const spec = (pod.spec ?? {}) as { containers?: ContainerJson[]; initContainers?: ContainerJson[] };
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const has = computeUsage(readResourceList(c.resources?.requests), readResourceList(c.resources?.limits));
    for (const r of needed) if (!has.has(r)) (missing.get(r) ?? missing.set(r, new Set()).get(r)!).add(c.name ?? '');
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

export const podEvaluator: QuotaEvaluator = {
  group: '',
  resource: 'pods',
  handles: (op) => op === 'CREATE',
  matchingResources: (names) =>
    [...new Set(names)].filter((n) => POD_RESOURCES.has(n) || POD_PREFIXES.some((p) => n.startsWith(p)) || isExtendedForQuota(n)),
  matchesScope: podMatchesScope,
  constraints,
  usage(pod, now) {
    const base: ResourceList = new Map([['count/pods', countOf(1)]]);
    if (!charged(pod, now)) return base;
    const spec = (pod.spec ?? {}) as PodSpecJson;
    return addLists(base, computeUsage(podRequests(spec, { overhead: true }), podLimits(spec, { overhead: true })));
  },
};
