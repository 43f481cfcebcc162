// The RBAC objects a fresh kubeadm v1.32 cluster holds: the apiserver's default policy (which it
// reconciles at every start) and what `kubeadm init` adds once. Every call builds new objects.
import type { KObject } from '../../types.js';
import { DEFAULT_CLUSTER_ROLE_BINDINGS, controllerRoleBindings } from './bindings.js';
import { USER_FACING_ROLES } from './cluster-roles.js';
import { COMPONENT_ROLES } from './component-roles.js';
import { CONTROLLER_POLICIES, CONTROLLER_ROLE_PREFIX } from './controller-roles.js';
import {
  KUBEADM_CLUSTER_ROLES, KUBEADM_CLUSTER_ROLE_BINDINGS, KUBEADM_ROLES, KUBEADM_ROLE_BINDINGS,
} from './kubeadm.js';
import { DEFAULT_ROLES, DEFAULT_ROLE_BINDINGS } from './namespace-policy.js';
import { aggregate, bindingObject, roleObject, type Origin } from './objects.js';
import type { BindingSpec, Namespaced, RoleSpec } from './spec.js';

export interface BootstrapPolicy {
  clusterRoles: KObject[];
  clusterRoleBindings: KObject[];
  /** Namespaced Roles, each with metadata.namespace. */
  roles: KObject[];
  roleBindings: KObject[];
}

function controllerRoles(): RoleSpec[] {
  return CONTROLLER_POLICIES.map(({ controller, rules }) => ({ name: `${CONTROLLER_ROLE_PREFIX}${controller}`, rules }));
}

function build(
  clusterRoles: RoleSpec[],
  clusterRoleBindings: BindingSpec[],
  roles: Namespaced<RoleSpec>[],
  roleBindings: Namespaced<BindingSpec>[],
  origin: Origin,
): BootstrapPolicy {
  return {
    clusterRoles: clusterRoles.map((s) => roleObject(s, origin)),
    clusterRoleBindings: clusterRoleBindings.map((s) => bindingObject(s, origin)),
    roles: roles.map((r) => roleObject(r.spec, origin, r.namespace)),
    roleBindings: roleBindings.map((b) => bindingObject(b.spec, origin, b.namespace)),
  };
}

/**
 * The apiserver's default policy (v1.32 bootstrappolicy with default feature gates), with
 * admin/edit/view already aggregated. Every object is labelled kubernetes.io/bootstrapping:
 * rbac-defaults and annotated rbac.authorization.kubernetes.io/autoupdate: "true".
 */
export function apiserverBootstrapPolicy(): BootstrapPolicy {
  const clusterRoles = aggregate([...USER_FACING_ROLES, ...COMPONENT_ROLES, ...controllerRoles()]);
  const bindings = [...DEFAULT_CLUSTER_ROLE_BINDINGS, ...controllerRoleBindings()];
  return build(clusterRoles, bindings, DEFAULT_ROLES, DEFAULT_ROLE_BINDINGS, 'default');
}

/** What `kubeadm init` adds (no bootstrapping label or autoupdate annotation). */
export function kubeadmBootstrapPolicy(): BootstrapPolicy {
  return build(KUBEADM_CLUSTER_ROLES, KUBEADM_CLUSTER_ROLE_BINDINGS, KUBEADM_ROLES, KUBEADM_ROLE_BINDINGS, 'kubeadm');
}

function both(pick: (p: BootstrapPolicy) => KObject[]): KObject[] {
  return [...pick(apiserverBootstrapPolicy()), ...pick(kubeadmBootstrapPolicy())];
}

/** Every ClusterRole of a fresh kubeadm cluster. */
export function bootstrapClusterRoles(): KObject[] {
  return both((p) => p.clusterRoles);
}

/** Every ClusterRoleBinding of a fresh kubeadm cluster. */
export function bootstrapClusterRoleBindings(): KObject[] {
  return both((p) => p.clusterRoleBindings);
}

/** Every Role (kube-system, kube-public) of a fresh kubeadm cluster. */
export function bootstrapRoles(): KObject[] {
  return both((p) => p.roles);
}

/** Every RoleBinding (kube-system, kube-public) of a fresh kubeadm cluster. */
export function bootstrapRoleBindings(): KObject[] {
  return both((p) => p.roleBindings);
}
