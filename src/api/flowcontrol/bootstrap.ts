// The API Priority and Fairness configuration a kube-apiserver v1.32 creates at start
// (apiserver's flowcontrol/bootstrap): the mandatory exempt and catch-all priority levels and
// flow schemas, and the suggested ones, each annotated for automatic spec updates. Written here
// as the v1 objects read back, with the v1 defaults applied.
import type { KObject } from '../types.js';

export const AUTO_UPDATE = 'apf.kubernetes.io/autoupdate-spec';
const GROUP = 'flowcontrol.apiserver.k8s.io/v1';
const ALL = ['*'];

type Json = Record<string, unknown>;

const meta = (name: string) => ({ name, annotations: { [AUTO_UPDATE]: 'true' } });

function level(name: string, spec: Json): KObject {
  return { apiVersion: GROUP, kind: 'PriorityLevelConfiguration', metadata: meta(name), spec };
}

function limited(shares: number, lendable: number, queuing?: [number, number, number]): Json {
  const limitResponse = queuing
    ? { type: 'Queue', queuing: { queues: queuing[0], handSize: queuing[1], queueLengthLimit: queuing[2] } }
    : { type: 'Reject' };
  return { type: 'Limited', limited: { nominalConcurrencyShares: shares, lendablePercent: lendable, limitResponse } };
}

const users = (...names: string[]): Json[] => names.map((name) => ({ kind: 'User', user: { name } }));
const groups = (...names: string[]): Json[] => names.map((name) => ({ kind: 'Group', group: { name } }));
const kubeSystemSAs = (...names: string[]): Json[] => names.map((name) => ({ kind: 'ServiceAccount', serviceAccount: { namespace: 'kube-system', name } }));

function resourceRule(verbs: string[], apiGroups: string[], resources: string[], namespaces: string[], clusterScope: boolean): Json {
  return { verbs, apiGroups, resources, ...(clusterScope ? { clusterScope } : {}), namespaces };
}

const everyResource = resourceRule(ALL, ALL, ALL, ALL, true);
const everyNonResource = { verbs: ALL, nonResourceURLs: ALL };

function schema(name: string, levelName: string, precedence: number, method: string, rule: Json): KObject {
  const spec: Json = { priorityLevelConfiguration: { name: levelName }, matchingPrecedence: precedence };
  if (method) spec.distinguisherMethod = { type: method };
  spec.rules = [rule];
  return { apiVersion: GROUP, kind: 'FlowSchema', metadata: meta(name), spec };
}

const everything = (subjects: Json[]): Json => ({ subjects, resourceRules: [everyResource], nonResourceRules: [everyNonResource] });
const leaderElection = (namespaces: string[]): Json[] => [
  resourceRule(['get', 'create', 'update'], [''], ['endpoints', 'configmaps'], namespaces, false),
  resourceRule(['get', 'create', 'update'], ['coordination.k8s.io'], ['leases'], ALL, false),
];

export function mandatoryPriorityLevels(): KObject[] {
  return [
    level('catch-all', limited(5, 0)),
    level('exempt', { type: 'Exempt', exempt: { nominalConcurrencyShares: 0, lendablePercent: 0 } }),
  ];
}

export function mandatoryFlowSchemas(): KObject[] {
  return [
    schema('exempt', 'exempt', 1, '', everything(groups('system:masters'))),
    schema('catch-all', 'catch-all', 10000, 'ByUser', everything(groups('system:unauthenticated', 'system:authenticated'))),
  ];
}

function suggestedPriorityLevels(): KObject[] {
  return [
    level('system', limited(30, 33, [64, 6, 50])),
    level('node-high', limited(40, 25, [64, 6, 50])),
    level('leader-election', limited(10, 0, [16, 4, 50])),
    level('workload-high', limited(40, 50, [128, 6, 50])),
    level('workload-low', limited(100, 90, [128, 6, 50])),
    level('global-default', limited(20, 50, [128, 6, 50])),
  ];
}

function suggestedFlowSchemas(): KObject[] {
  const kcm = 'system:kube-controller-manager';
  const scheduler = 'system:kube-scheduler';
  return [
    schema('system-nodes', 'system', 500, 'ByUser', everything(groups('system:nodes'))),
    schema('system-node-high', 'node-high', 400, 'ByUser', {
      subjects: groups('system:nodes'),
      resourceRules: [resourceRule(ALL, [''], ['nodes', 'nodes/status'], ALL, true), resourceRule(ALL, ['coordination.k8s.io'], ['leases'], ALL, false)],
    }),
    schema('probes', 'exempt', 2, '', {
      subjects: groups('system:unauthenticated', 'system:authenticated'),
      nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/readyz', '/livez'] }],
    }),
    schema('system-leader-election', 'leader-election', 100, 'ByUser', { subjects: [...users(kcm, scheduler), ...kubeSystemSAs('*')], resourceRules: leaderElection(['kube-system']) }),
    schema('endpoint-controller', 'workload-high', 150, 'ByUser', {
      subjects: [...users(kcm), ...kubeSystemSAs('endpoint-controller', 'endpointslicemirroring-controller')],
      resourceRules: [resourceRule(['get', 'create', 'update'], [''], ['endpoints'], ALL, false)],
    }),
    schema('workload-leader-election', 'leader-election', 200, 'ByUser', { subjects: kubeSystemSAs('*'), resourceRules: leaderElection(ALL) }),
    schema('kube-controller-manager', 'workload-high', 800, 'ByNamespace', everything(users(kcm))),
    schema('kube-scheduler', 'workload-high', 800, 'ByNamespace', everything(users(scheduler))),
    schema('kube-system-service-accounts', 'workload-high', 900, 'ByNamespace', everything(kubeSystemSAs('*'))),
    schema('service-accounts', 'workload-low', 9000, 'ByUser', everything(groups('system:serviceaccounts'))),
    schema('global-default', 'global-default', 9900, 'ByUser', everything(groups('system:unauthenticated', 'system:authenticated'))),
  ];
}

/** Priority levels first, so that no schema is ever created dangling. */
export function bootstrapFlowControl(): KObject[] {
  return [...mandatoryPriorityLevels(), ...suggestedPriorityLevels(), ...mandatoryFlowSchemas(), ...suggestedFlowSchemas()];
}
