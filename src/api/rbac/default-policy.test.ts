// Authorization against the default policy of a fresh kubeadm cluster.
import { describe, expect, it } from 'vitest';
import type { UserInfo } from '../types.js';
import { authorize } from './authorize.js';
import { memoryRbacSource } from './memory-source.js';
import {
  bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapRoleBindings, bootstrapRoles,
} from './policy/bootstrap.js';
import { person, request, roleBinding, urlRequest, userSubject } from './test-fixtures.js';

const extra = [
  roleBinding('team', 'edit', { kind: 'ClusterRole', name: 'edit' }, [userSubject('ed')]),
  roleBinding('team', 'admin', { kind: 'ClusterRole', name: 'admin' }, [userSubject('ada')]),
  roleBinding('team', 'view', { kind: 'ClusterRole', name: 'view' }, [userSubject('vi')]),
];
const rbac = memoryRbacSource([
  ...bootstrapClusterRoles(), ...bootstrapClusterRoleBindings(), ...bootstrapRoles(), ...bootstrapRoleBindings(), ...extra,
]);

const anonymous: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };
const sa = (ns: string, name: string): UserInfo => ({
  name: `system:serviceaccount:${ns}:${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
});
const allowed = (attrs: Parameters<typeof authorize>[0]) => authorize(attrs, rbac).allowed;

describe('default policy', () => {
  it('lets every authenticated user discover the API and review itself', () => {
    const alice = person('alice');
    expect(authorize(request(alice, 'create', 'selfsubjectaccessreviews', { group: 'authorization.k8s.io' }), rbac)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"',
    });
    expect(allowed(urlRequest(alice, 'get', '/apis/apps/v1'))).toBe(true);
    expect(allowed(urlRequest(alice, 'get', '/metrics'))).toBe(false);
    expect(allowed(request(alice, 'list', 'pods', { namespace: 'default' }))).toBe(false);
  });

  it('shows anonymous users the public health and version endpoints only', () => {
    expect(authorize(urlRequest(anonymous, 'get', '/version'), rbac).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated"',
    );
    expect(allowed(urlRequest(anonymous, 'get', '/readyz'))).toBe(true);
    expect(allowed(urlRequest(anonymous, 'get', '/api'))).toBe(false);
    expect(allowed(request(anonymous, 'get', 'configmaps', { namespace: 'kube-public', name: 'cluster-info' }))).toBe(true);
    expect(allowed(request(anonymous, 'get', 'configmaps', { namespace: 'kube-public', name: 'other' }))).toBe(false);
  });

  it('gives kubeadm:cluster-admins everything through cluster-admin', () => {
    const admin = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
    expect(authorize(request(admin, 'delete', 'nodes', { name: 'w1' }), rbac).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"',
    );
    expect(allowed(urlRequest(admin, 'get', '/logs'))).toBe(true);
  });

  it('grants the control-plane components what they need', () => {
    const scheduler = person('system:kube-scheduler');
    expect(allowed(request(scheduler, 'create', 'pods/binding', { namespace: 'a', name: 'p' }))).toBe(true);
    expect(allowed(request(scheduler, 'update', 'leases', { namespace: 'kube-system', group: 'coordination.k8s.io', name: 'kube-scheduler' }))).toBe(true);
    expect(allowed(request(scheduler, 'create', 'pods', { namespace: 'a' }))).toBe(false);
    const kcm = person('system:kube-controller-manager');
    expect(allowed(request(kcm, 'watch', 'deployments', { group: 'apps' }))).toBe(true);
    expect(allowed(request(sa('kube-system', 'replicaset-controller'), 'create', 'pods', { namespace: 'x' }))).toBe(true);
    expect(allowed(request(sa('kube-system', 'coredns'), 'list', 'endpointslices', { group: 'discovery.k8s.io' }))).toBe(true);
    expect(allowed(request(sa('kube-system', 'kube-proxy'), 'watch', 'services'))).toBe(true);
    expect(allowed(request(sa('default', 'default'), 'list', 'pods', { namespace: 'default' }))).toBe(false);
    expect(allowed(urlRequest(sa('default', 'default'), 'get', '/openid/v1/jwks'))).toBe(true);
  });

  it('lets bootstrap tokens and nodes read what joining needs', () => {
    const token = { name: 'system:bootstrap:abcdef', groups: ['system:bootstrappers', 'system:bootstrappers:kubeadm:default-node-token', 'system:authenticated'] };
    expect(allowed(request(token, 'get', 'configmaps', { namespace: 'kube-system', name: 'kubeadm-config' }))).toBe(true);
    expect(allowed(request(token, 'get', 'configmaps', { namespace: 'kube-system', name: 'kube-proxy' }))).toBe(true);
    expect(allowed(request(token, 'create', 'certificatesigningrequests', { group: 'certificates.k8s.io' }))).toBe(true);
    expect(allowed(request(token, 'get', 'nodes', { name: 'w1' }))).toBe(true);
    const node = { name: 'system:node:w1', groups: ['system:nodes', 'system:authenticated'] };
    expect(allowed(request(node, 'get', 'configmaps', { namespace: 'kube-system', name: 'kubelet-config' }))).toBe(true);
    expect(allowed(request(node, 'get', 'secrets', { namespace: 'default', name: 's' }))).toBe(false);
  });

  it('layers view, edit and admin', () => {
    const team = { namespace: 'team' };
    const vi = person('vi');
    const ed = person('ed');
    const ada = person('ada');
    expect(allowed(request(vi, 'list', 'deployments', { ...team, group: 'apps' }))).toBe(true);
    expect(allowed(request(vi, 'get', 'secrets', { ...team, name: 's' }))).toBe(false);
    expect(allowed(request(vi, 'get', 'pods/log', { ...team, name: 'p' }))).toBe(true);
    expect(allowed(request(ed, 'get', 'secrets', { ...team, name: 's' }))).toBe(true);
    expect(authorize(request(ed, 'create', 'pods/exec', { ...team, name: 'p' }), rbac).reason).toBe(
      'RBAC: allowed by RoleBinding "edit/team" of ClusterRole "edit" to User "ed"',
    );
    expect(allowed(request(ed, 'create', 'roles', { ...team, group: 'rbac.authorization.k8s.io' }))).toBe(false);
    expect(allowed(request(ada, 'create', 'rolebindings', { ...team, group: 'rbac.authorization.k8s.io' }))).toBe(true);
    expect(allowed(request(ada, 'delete', 'namespaces', { name: 'team' }))).toBe(false);
    expect(allowed(request(ada, 'update', 'resourcequotas', team))).toBe(false);
  });
});
