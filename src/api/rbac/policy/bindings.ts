// Default ClusterRoleBindings of v1.32 (bootstrappolicy.ClusterRoleBindings and the controller
// bindings). The system:node binding is kept with no subjects, as upstream leaves it since the
// Node authorizer took over.
import { CONTROLLER_POLICIES, CONTROLLER_ROLE_PREFIX } from './controller-roles.js';
import { clusterBinding, type BindingSpec } from './spec.js';
import { GROUPS, KUBE_SYSTEM, USERS, group, serviceAccount, user } from './vocabulary.js';

export const DEFAULT_CLUSTER_ROLE_BINDINGS: BindingSpec[] = [
  clusterBinding('cluster-admin', [group(GROUPS.masters)]),
  clusterBinding('system:monitoring', [group(GROUPS.monitoring)]),
  clusterBinding('system:discovery', [group(GROUPS.authenticated)]),
  clusterBinding('system:basic-user', [group(GROUPS.authenticated)]),
  clusterBinding('system:public-info-viewer', [group(GROUPS.authenticated), group(GROUPS.unauthenticated)]),
  clusterBinding('system:node-proxier', [user(USERS.kubeProxy)]),
  clusterBinding('system:kube-controller-manager', [user(USERS.kubeControllerManager)]),
  clusterBinding('system:kube-dns', [serviceAccount(KUBE_SYSTEM, 'kube-dns')]),
  clusterBinding('system:kube-scheduler', [user(USERS.kubeScheduler)]),
  clusterBinding('system:volume-scheduler', [user(USERS.kubeScheduler)]),
  { name: 'system:node', roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:node' } },
  clusterBinding('system:service-account-issuer-discovery', [group(GROUPS.serviceAccounts)]),
];

/** Each controller's role bound to its service account in kube-system. */
export function controllerRoleBindings(): BindingSpec[] {
  return CONTROLLER_POLICIES.map(({ controller }) =>
    clusterBinding(`${CONTROLLER_ROLE_PREFIX}${controller}`, [serviceAccount(KUBE_SYSTEM, controller)]),
  );
}
