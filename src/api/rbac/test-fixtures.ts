// Builders for RBAC objects in tests.
import type { KObject, UserInfo } from '../types.js';
import type { AuthorizerAttributes, PolicyRule, Subject } from './types.js';

const API_VERSION = 'rbac.authorization.k8s.io/v1';

export function clusterRole(name: string, rules: PolicyRule[]): KObject {
  return { apiVersion: API_VERSION, kind: 'ClusterRole', metadata: { name }, rules };
}

export function role(namespace: string, name: string, rules: PolicyRule[]): KObject {
  return { apiVersion: API_VERSION, kind: 'Role', metadata: { name, namespace }, rules };
}

export function clusterRoleBinding(name: string, roleName: string, subjects: Subject[]): KObject {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    subjects,
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
  };
}

export function roleBinding(
  namespace: string,
  name: string,
  roleRef: { kind: string; name: string },
  subjects: Subject[],
): KObject {
  return {
    apiVersion: API_VERSION,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    subjects,
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  };
}

export const userSubject = (name: string): Subject => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name });
export const groupSubject = (name: string): Subject => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name });
export const saSubject = (name: string, namespace?: string): Subject =>
  namespace === undefined ? { kind: 'ServiceAccount', name } : { kind: 'ServiceAccount', name, namespace };

export function person(name: string, ...groups: string[]): UserInfo {
  return { name, groups: [...groups, 'system:authenticated'] };
}

/** A resource request; `resource` may be "pods/log" to give a subresource. */
export function request(
  user: UserInfo,
  verb: string,
  resource: string,
  opts: { namespace?: string; group?: string; name?: string } = {},
): AuthorizerAttributes {
  const [res = '', sub = ''] = resource.split('/');
  return {
    user,
    verb,
    namespace: opts.namespace ?? '',
    apiGroup: opts.group ?? '',
    resource: res,
    subresource: sub,
    name: opts.name ?? '',
    resourceRequest: true,
    path: '',
  };
}

export function urlRequest(user: UserInfo, verb: string, path: string): AuthorizerAttributes {
  return { user, verb, namespace: '', apiGroup: '', resource: '', subresource: '', name: '', resourceRequest: false, path };
}
