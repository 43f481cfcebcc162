// The words the bootstrap policy is written in: verb sets, API groups, well-known users and
// groups, and rule/subject constructors that build exactly what upstream's rbacv1helpers
// builders build (NewRule sorts verbs, groups, resources, names and URLs).
import type { PolicyRule, Subject } from '../types.js';

export const READ = ['get', 'list', 'watch'];
export const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
export const READ_WRITE = [...READ, ...WRITE];
export const READ_UPDATE = ['get', 'list', 'watch', 'update', 'patch'];

export const CORE = '';
export const APPS = 'apps';
export const AUTHENTICATION = 'authentication.k8s.io';
export const AUTHORIZATION = 'authorization.k8s.io';
export const AUTOSCALING = 'autoscaling';
export const BATCH = 'batch';
export const CERTIFICATES = 'certificates.k8s.io';
export const COORDINATION = 'coordination.k8s.io';
export const DISCOVERY = 'discovery.k8s.io';
export const EXTENSIONS = 'extensions';
export const POLICY = 'policy';
export const RBAC = 'rbac.authorization.k8s.io';
export const STORAGE = 'storage.k8s.io';
export const NETWORKING = 'networking.k8s.io';
export const EVENTS_GROUP = 'events.k8s.io';
export const ADMISSION_REGISTRATION = 'admissionregistration.k8s.io';
export const NODE_GROUP = 'node.k8s.io';
export const METRICS = 'metrics.k8s.io';
export const CUSTOM_METRICS = 'custom.metrics.k8s.io';
export const EXTERNAL_METRICS = 'external.metrics.k8s.io';

export const KUBE_SYSTEM = 'kube-system';
export const KUBE_PUBLIC = 'kube-public';

/** k8s.io/apiserver/pkg/authentication/user and serviceaccount well-known names. */
export const USERS = {
  kubeProxy: 'system:kube-proxy',
  kubeControllerManager: 'system:kube-controller-manager',
  kubeScheduler: 'system:kube-scheduler',
  anonymous: 'system:anonymous',
} as const;

export const GROUPS = {
  masters: 'system:masters',
  monitoring: 'system:monitoring',
  authenticated: 'system:authenticated',
  unauthenticated: 'system:unauthenticated',
  serviceAccounts: 'system:serviceaccounts',
  nodes: 'system:nodes',
  kubeadmBootstrapTokens: 'system:bootstrappers:kubeadm:default-node-token',
  kubeadmClusterAdmins: 'kubeadm:cluster-admins',
} as const;

/** CSR signer names (k8s.io/api/certificates). */
export const SIGNERS = {
  legacyUnknown: 'kubernetes.io/legacy-unknown',
  kubeAPIServerClient: 'kubernetes.io/kube-apiserver-client',
  kubeAPIServerClientKubelet: 'kubernetes.io/kube-apiserver-client-kubelet',
  kubeletServing: 'kubernetes.io/kubelet-serving',
} as const;

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

/** rbacv1helpers.NewRule(verbs).Groups(groups).Resources(resources).Names(names).RuleOrDie(). */
export function rule(
  verbs: readonly string[],
  groups: readonly string[],
  resources: readonly string[],
  names: readonly string[] = [],
): PolicyRule {
  const out: PolicyRule = { verbs: sorted(verbs), apiGroups: sorted(groups), resources: sorted(resources) };
  if (names.length > 0) out.resourceNames = sorted(names);
  return out;
}

/** rbacv1helpers.NewRule(verbs).URLs(urls).RuleOrDie(). */
export function urlRule(verbs: readonly string[], urls: readonly string[]): PolicyRule {
  return { verbs: sorted(verbs), nonResourceURLs: sorted(urls) };
}

/** bootstrappolicy eventsRule(): writing events in both event API groups. */
export function eventsRule(): PolicyRule {
  return rule(['create', 'update', 'patch'], [CORE, EVENTS_GROUP], ['events']);
}

/** A Group subject as stored (subject defaulting fills in the RBAC API group). */
export function group(name: string): Subject {
  return { kind: 'Group', apiGroup: RBAC, name };
}

export function user(name: string): Subject {
  return { kind: 'User', apiGroup: RBAC, name };
}

export function serviceAccount(namespace: string, name: string): Subject {
  return { kind: 'ServiceAccount', name, namespace };
}
