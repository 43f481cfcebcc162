// Default ClusterRoles for cluster components (v1.32 bootstrappolicy.ClusterRoles, second part):
// kubelets, kube-proxy, the scheduler, the controller-manager, DNS, CSR approval. Rules behind
// feature gates that are off by default in v1.32 (DynamicResourceAllocation, ClusterTrustBundle,
// KubeletFineGrainedAuthz, MultiCIDRServiceAllocator) are not included.
import type { RoleSpec } from './spec.js';
import {
  APPS, AUTHENTICATION, AUTHORIZATION, CERTIFICATES, COORDINATION, CORE, DISCOVERY, EXTENSIONS,
  NODE_GROUP, POLICY, READ, READ_UPDATE, READ_WRITE, SIGNERS, STORAGE, eventsRule, rule, urlRule,
} from './vocabulary.js';

export const NODE_RULES = [
  rule(['create'], [AUTHENTICATION], ['tokenreviews']),
  rule(['create'], [AUTHORIZATION], ['subjectaccessreviews', 'localsubjectaccessreviews']),
  rule(READ, [CORE], ['services']),
  rule(['create', 'get', 'list', 'watch'], [CORE], ['nodes']),
  rule(['update', 'patch'], [CORE], ['nodes/status']),
  rule(['update', 'patch'], [CORE], ['nodes']),
  rule(['create', 'update', 'patch'], [CORE], ['events']),
  rule(READ, [CORE], ['pods']),
  rule(['create', 'delete'], [CORE], ['pods']),
  rule(['update', 'patch'], [CORE], ['pods/status']),
  rule(['create'], [CORE], ['pods/eviction']),
  rule(['get', 'list', 'watch'], [CORE], ['secrets', 'configmaps']),
  rule(['get'], [CORE], ['persistentvolumeclaims', 'persistentvolumes']),
  rule(['get'], [CORE], ['endpoints']),
  rule(['create', 'get', 'list', 'watch'], [CERTIFICATES], ['certificatesigningrequests']),
  rule(['get', 'create', 'update', 'patch', 'delete'], [COORDINATION], ['leases']),
  rule(['get'], [STORAGE], ['volumeattachments']),
  rule(['create'], [CORE], ['serviceaccounts/token']),
  rule(['get', 'update', 'patch'], [CORE], ['persistentvolumeclaims/status']),
  rule(['get', 'watch', 'list'], [STORAGE], ['csidrivers']),
  rule(['get', 'create', 'update', 'patch', 'delete'], [STORAGE], ['csinodes']),
  rule(['get', 'list', 'watch'], [NODE_GROUP], ['runtimeclasses']),
];

const KUBE_CONTROLLER_MANAGER_RULES = [
  eventsRule(),
  rule(['create'], [COORDINATION], ['leases']),
  rule(['get', 'update'], [COORDINATION], ['leases'], ['kube-controller-manager']),
  rule(['create'], [CORE], ['secrets', 'serviceaccounts']),
  rule(['delete'], [CORE], ['secrets']),
  rule(['get'], [CORE], ['namespaces', 'secrets', 'serviceaccounts', 'configmaps']),
  rule(['update'], [CORE], ['secrets', 'serviceaccounts']),
  rule(['create'], [AUTHENTICATION], ['tokenreviews']),
  rule(['create'], [AUTHORIZATION], ['subjectaccessreviews']),
  rule(['list', 'watch'], ['*'], ['*']),
  rule(['create'], [CORE], ['serviceaccounts/token']),
];

const KUBE_SCHEDULER_RULES = [
  eventsRule(),
  rule(['create'], [COORDINATION], ['leases']),
  rule(['get', 'update', 'list', 'watch'], [COORDINATION], ['leases'], ['kube-scheduler']),
  rule(READ_WRITE, [COORDINATION], ['leasecandidates']),
  rule(READ, [CORE], ['nodes']),
  rule(['get', 'list', 'watch', 'delete'], [CORE], ['pods']),
  rule(['create'], [CORE], ['pods/binding', 'bindings']),
  rule(['patch', 'update'], [CORE], ['pods/status']),
  rule(READ, [CORE], ['services', 'replicationcontrollers']),
  rule(READ, [APPS, EXTENSIONS], ['replicasets']),
  rule(READ, [APPS], ['statefulsets']),
  rule(READ, [POLICY], ['poddisruptionbudgets']),
  rule(READ, [CORE], ['persistentvolumeclaims', 'persistentvolumes']),
  rule(['create'], [AUTHENTICATION], ['tokenreviews']),
  rule(['create'], [AUTHORIZATION], ['subjectaccessreviews']),
  rule(READ, [STORAGE], ['csinodes']),
  rule(['get', 'list', 'watch'], [STORAGE], ['volumeattachments']),
  rule(READ, [CORE], ['namespaces']),
  rule(READ, [STORAGE], ['csidrivers']),
  rule(READ, [STORAGE], ['csistoragecapacities']),
];

function approver(name: string, signer: string): RoleSpec {
  return { name, rules: [rule(['approve'], [CERTIFICATES], ['signers'], [signer])] };
}

export const COMPONENT_ROLES: RoleSpec[] = [
  {
    name: 'system:heapster',
    rules: [
      rule(READ, [CORE], ['events', 'pods', 'nodes', 'namespaces']),
      rule(READ, [EXTENSIONS], ['deployments']),
    ],
  },
  { name: 'system:node', rules: NODE_RULES },
  {
    name: 'system:node-problem-detector',
    rules: [
      rule(['get'], [CORE], ['nodes']),
      rule(['patch'], [CORE], ['nodes/status']),
      eventsRule(),
    ],
  },
  {
    name: 'system:node-bootstrapper',
    rules: [rule(['create', 'get', 'list', 'watch'], [CERTIFICATES], ['certificatesigningrequests'])],
  },
  {
    name: 'system:auth-delegator',
    rules: [
      rule(['create'], [AUTHENTICATION], ['tokenreviews']),
      rule(['create'], [AUTHORIZATION], ['subjectaccessreviews']),
    ],
  },
  { name: 'system:kube-aggregator', rules: [rule(READ, [CORE], ['services', 'endpoints'])] },
  { name: 'system:kube-controller-manager', rules: KUBE_CONTROLLER_MANAGER_RULES },
  { name: 'system:kube-dns', rules: [rule(['list', 'watch'], [CORE], ['endpoints', 'services'])] },
  {
    name: 'system:persistent-volume-provisioner',
    rules: [
      rule(['get', 'list', 'watch', 'create', 'delete'], [CORE], ['persistentvolumes']),
      rule(['get', 'list', 'watch', 'update'], [CORE], ['persistentvolumeclaims']),
      rule(READ, [STORAGE], ['storageclasses']),
      rule(['watch'], [CORE], ['events']),
      eventsRule(),
    ],
  },
  {
    name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
    rules: [rule(['create'], [CERTIFICATES], ['certificatesigningrequests/nodeclient'])],
  },
  {
    name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient',
    rules: [rule(['create'], [CERTIFICATES], ['certificatesigningrequests/selfnodeclient'])],
  },
  {
    name: 'system:volume-scheduler',
    rules: [
      rule(READ_UPDATE, [CORE], ['persistentvolumes']),
      rule(READ, [STORAGE], ['storageclasses']),
      rule(READ_UPDATE, [CORE], ['persistentvolumeclaims']),
    ],
  },
  approver('system:certificates.k8s.io:legacy-unknown-approver', SIGNERS.legacyUnknown),
  approver('system:certificates.k8s.io:kubelet-serving-approver', SIGNERS.kubeletServing),
  approver('system:certificates.k8s.io:kube-apiserver-client-approver', SIGNERS.kubeAPIServerClient),
  approver('system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', SIGNERS.kubeAPIServerClientKubelet),
  {
    name: 'system:service-account-issuer-discovery',
    rules: [urlRule(['get'], ['/.well-known/openid-configuration', '/.well-known/openid-configuration/',
      '/openid/v1/jwks', '/openid/v1/jwks/'])],
  },
  {
    name: 'system:kubelet-api-admin',
    rules: [
      rule(['get', 'list', 'watch'], [CORE], ['nodes']),
      rule(['proxy'], [CORE], ['nodes']),
      rule(['*'], [CORE], ['nodes/proxy', 'nodes/metrics', 'nodes/stats', 'nodes/log']),
    ],
  },
  {
    name: 'system:node-proxier',
    rules: [
      rule(['list', 'watch'], [CORE], ['services', 'endpoints']),
      rule(['get', 'list', 'watch'], [CORE], ['nodes']),
      eventsRule(),
      rule(['list', 'watch'], [DISCOVERY], ['endpointslices']),
    ],
  },
  { name: 'system:kube-scheduler', rules: KUBE_SCHEDULER_RULES },
];
