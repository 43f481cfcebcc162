// The quota evaluators: services and claims (pkg/quota/v1/evaluator/core), pods
// (./resource-quota-pods.ts), the legacy object counts with their aliases (configmaps, secrets,
// …) and count/<resource>[.<group>] for every other resource.
import type { KObject } from '../types.js';
import type { Quantity } from '../validation/quantity.js';
import type { ResourceList } from '../quantity/resource-list.js';
import { countOf, readResourceList, roundUpWhole, ZERO } from '../quantity/resource-list.js';
import type { QuotaEvaluator } from './resource-quota-types.js';
import { BETA_STORAGE_CLASS } from './default-storage-class.js';
import { podEvaluator } from './resource-quota-pods.js';

export type { QuotaEvaluator };

const noScope = (): boolean => false;
const noConstraints = (): undefined => undefined;

/** generic.ObjectCountQuotaResourceNameFor. */
export const countName = (group: string, resource: string): string => (group ? `count/${resource}.${group}` : `count/${resource}`);

/** generic.NewObjectCountEvaluator: one per object on create, under count/… and the alias. */
export function objectCountEvaluator(group: string, resource: string, alias?: string): QuotaEvaluator {
  const names = [countName(group, resource), ...(alias ? [alias] : [])];
  return {
    group,
    resource,
    handles: (op) => op === 'CREATE',
    matchingResources: (input) => [...new Set(input)].filter((n) => names.includes(n)),
    matchesScope: noScope,
    constraints: noConstraints,
    usage: () => new Map(names.map((n) => [n, countOf(1)])),
  };
}

interface ServiceSpec {
  type?: string;
  ports?: { nodePort?: number }[];
  allocateLoadBalancerNodePorts?: boolean;
}

const SERVICE_RESOURCES = ['count/services', 'services', 'services.nodeports', 'services.loadbalancers'];

export const serviceEvaluator: QuotaEvaluator = {
  group: '',
  resource: 'services',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  matchingResources: (input) => [...new Set(input)].filter((n) => SERVICE_RESOURCES.includes(n)),
  matchesScope: noScope,
  constraints: noConstraints,
  usage(svc) {
    const spec = (svc.spec ?? {}) as ServiceSpec;
    const ports = spec.ports ?? [];
    const out: ResourceList = new Map([['count/services', countOf(1)], ['services', countOf(1)], ['services.loadbalancers', ZERO], ['services.nodeports', ZERO]]);
    if (spec.type === 'NodePort') out.set('services.nodeports', countOf(ports.length));
    if (spec.type === 'LoadBalancer') {
      const explicit = ports.filter((p) => p.nodePort).length;
      out.set('services.nodeports', countOf(spec.allocateLoadBalancerNodePorts === false ? explicit : ports.length));
      out.set('services.loadbalancers', countOf(1));
    }
    return out;
  },
};

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';
const PVC_RESOURCES = ['persistentvolumeclaims', 'requests.storage'];

/** storagehelpers.GetPersistentVolumeClaimClass: the beta annotation first. */
function claimClass(pvc: KObject): string {
  const beta = pvc.metadata.annotations?.[BETA_STORAGE_CLASS];
  if (beta !== undefined) return beta;
  return ((pvc.spec as { storageClassName?: string | null } | undefined)?.storageClassName) ?? '';
}

/** getStorageUsage: the request in whole bytes, or the allocated size when larger. */
function storageUsage(pvc: KObject): Quantity | undefined {
  const req = readResourceList((pvc.spec as { resources?: { requests?: unknown } } | undefined)?.resources?.requests).get('storage');
  if (!req) return undefined;
  const rounded = roundUpWhole(req);
  const allocated = readResourceList((pvc.status as { allocatedResources?: unknown } | undefined)?.allocatedResources).get('storage');
  return allocated && allocated.nano > rounded.nano ? roundUpWhole(allocated) : rounded;
}

export const claimEvaluator: QuotaEvaluator = {
  group: '',
  resource: 'persistentvolumeclaims',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  matchingResources: (input) =>
    [...new Set(input)].filter((n) => n === 'count/persistentvolumeclaims' || PVC_RESOURCES.includes(n) || PVC_RESOURCES.some((r) => n.endsWith(STORAGE_CLASS_SUFFIX + r))),
  matchesScope: noScope,
  constraints: noConstraints,
  usage(pvc) {
    const out: ResourceList = new Map([['persistentvolumeclaims', countOf(1)], ['count/persistentvolumeclaims', countOf(1)]]);
    const cls = claimClass(pvc);
    if (cls) out.set(`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, countOf(1));
    const storage = storageUsage(pvc);
    if (storage) {
      out.set('requests.storage', storage);
      if (cls) out.set(`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`, storage);
    }
    return out;
  },
};

const LEGACY_ALIASES: Record<string, string> = { configmaps: 'configmaps', resourcequotas: 'resourcequotas', replicationcontrollers: 'replicationcontrollers', secrets: 'secrets' };

/** The evaluators registered up front (quota's install.NewQuotaConfigurationForAdmission). */
export const STATIC_EVALUATORS: readonly QuotaEvaluator[] = [
  podEvaluator,
  serviceEvaluator,
  claimEvaluator,
  ...Object.entries(LEGACY_ALIASES).map(([r, alias]) => objectCountEvaluator('', r, alias)),
];

/** Resources quota admission ignores (DefaultIgnoredResources). */
const IGNORED = new Set(['/events', 'events.k8s.io/events']);

/** The evaluator for a resource: a static one, else a plain object count; undefined if ignored. */
export function evaluatorFor(group: string, resource: string): QuotaEvaluator | undefined {
  if (IGNORED.has(`${group}/${resource}`)) return undefined;
  return STATIC_EVALUATORS.find((e) => e.group === group && e.resource === resource) ?? objectCountEvaluator(group, resource);
}
