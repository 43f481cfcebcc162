// How the policy data files describe roles and bindings before they become API objects.
import type { PolicyRule, RoleRef, Subject } from '../types.js';

export interface RoleSpec {
  name: string;
  /** Labels besides the bootstrapping label every default role carries. */
  labels?: Record<string, string>;
  /** aggregationRule.clusterRoleSelectors, one matchLabels map per selector. */
  aggregateFrom?: Record<string, string>[];
  rules: PolicyRule[];
}

export interface BindingSpec {
  name: string;
  roleRef: RoleRef;
  /** Absent for a binding stored without subjects (the deprecated system:node binding). */
  subjects?: Subject[];
}

/** A Role or RoleBinding spec with the namespace it lives in. */
export interface Namespaced<T> {
  namespace: string;
  spec: T;
}

/** rbacv1helpers.NewClusterBinding(role): the binding is named after the ClusterRole. */
export function clusterBinding(roleName: string, subjects: Subject[], name = roleName): BindingSpec {
  return { name, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName }, subjects };
}

/** rbacv1helpers.NewRoleBinding(role, namespace): a binding of the Role of the same name. */
export function roleBinding(roleName: string, subjects: Subject[], name = roleName): BindingSpec {
  return { name, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName }, subjects };
}
