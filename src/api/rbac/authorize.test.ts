import { describe, expect, it } from 'vitest';
import { authorize } from './authorize.js';
import { memoryRbacSource } from './memory-source.js';
import {
  clusterRole, clusterRoleBinding, groupSubject, person, request, role, roleBinding, saSubject,
  urlRequest, userSubject,
} from './test-fixtures.js';

const READ = ['get', 'list', 'watch'];

const rbac = memoryRbacSource([
  role('dev', 'pod-reader', [{ verbs: READ, apiGroups: [''], resources: ['pods'] }]),
  roleBinding('dev', 'read-pods', { kind: 'Role', name: 'pod-reader' }, [userSubject('jane')]),
  clusterRole('node-reader', [{ verbs: READ, apiGroups: [''], resources: ['nodes'] }]),
  clusterRoleBinding('ops-nodes', 'node-reader', [userSubject('nobody'), groupSubject('ops')]),
  clusterRole('deployer', [
    { verbs: ['create', 'update'], apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'] },
  ]),
  roleBinding('dev', 'deployers', { kind: 'ClusterRole', name: 'deployer' }, [userSubject('jane')]),
  clusterRole('one-cm', [{ verbs: ['get', 'update'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] }]),
  roleBinding('dev', 'one-cm', { kind: 'ClusterRole', name: 'one-cm' }, [userSubject('bob')]),
  clusterRole('logs', [
    { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] },
    { verbs: ['get'], apiGroups: ['*'], resources: ['*/status'] },
  ]),
  clusterRoleBinding('logs', 'logs', [userSubject('bob')]),
  clusterRole('health', [
    { verbs: ['get'], nonResourceURLs: ['/healthz', '/metrics/*'] },
    { verbs: ['*'], apiGroups: ['batch'], resources: ['*'] },
  ]),
  clusterRoleBinding('health', 'health', [groupSubject('monitors')]),
  roleBinding('dev', 'ci', { kind: 'Role', name: 'pod-reader' }, [saSubject('builder')]),
  roleBinding('dev', 'other-ns-sa', { kind: 'Role', name: 'pod-reader' }, [saSubject('robot', 'tools')]),
  clusterRoleBinding('sa-without-namespace', 'node-reader', [saSubject('lost')]),
]);

describe('authorize', () => {
  it('lets system:masters do anything, without a reason', () => {
    const admin = person('kubernetes-admin', 'system:masters');
    expect(authorize(request(admin, 'delete', 'nodes', { name: 'n1' }), rbac)).toEqual({ allowed: true, reason: '' });
    expect(authorize(urlRequest(admin, 'get', '/anything'), rbac).allowed).toBe(true);
  });

  it('denies with no reason when nothing applies', () => {
    expect(authorize(request(person('stranger'), 'get', 'pods', { namespace: 'dev' }), rbac)).toEqual({ allowed: false, reason: '' });
  });

  it('applies a RoleBinding only in its namespace', () => {
    const jane = person('jane');
    expect(authorize(request(jane, 'list', 'pods', { namespace: 'dev' }), rbac)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "read-pods/dev" of Role "pod-reader" to User "jane"',
    });
    expect(authorize(request(jane, 'list', 'pods', { namespace: 'prod' }), rbac).allowed).toBe(false);
    expect(authorize(request(jane, 'list', 'pods'), rbac).allowed).toBe(false);
    expect(authorize(request(jane, 'delete', 'pods', { namespace: 'dev' }), rbac).allowed).toBe(false);
  });

  it('applies a ClusterRoleBinding everywhere, naming the matching subject', () => {
    const ann = person('ann', 'ops');
    expect(authorize(request(ann, 'get', 'nodes', { name: 'n1' }), rbac)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "ops-nodes" of ClusterRole "node-reader" to Group "ops"',
    });
    expect(authorize(request(ann, 'list', 'nodes', { namespace: 'dev' }), rbac).allowed).toBe(true);
  });

  it('scopes a ClusterRole referenced by a RoleBinding to that namespace', () => {
    const jane = person('jane');
    const create = (namespace: string) => request(jane, 'create', 'deployments', { namespace, group: 'apps' });
    expect(authorize(create('dev'), rbac).reason).toBe(
      'RBAC: allowed by RoleBinding "deployers/dev" of ClusterRole "deployer" to User "jane"',
    );
    expect(authorize(create('prod'), rbac).allowed).toBe(false);
    expect(authorize(request(jane, 'create', 'deployments', { namespace: 'dev', group: 'extensions' }), rbac).allowed).toBe(false);
  });

  it('honours resourceNames: only the named object, never a list', () => {
    const bob = person('bob');
    const cm = (verb: string, name?: string) =>
      authorize(request(bob, verb, 'configmaps', { namespace: 'dev', ...(name ? { name } : {}) }), rbac).allowed;
    expect(cm('get', 'app')).toBe(true);
    expect(cm('update', 'app')).toBe(true);
    expect(cm('get', 'other')).toBe(false);
    expect(cm('list')).toBe(false);
  });

  it('matches subresources exactly or through */subresource', () => {
    const bob = person('bob');
    expect(authorize(request(bob, 'get', 'pods/log', { namespace: 'x', name: 'p' }), rbac).allowed).toBe(true);
    expect(authorize(request(bob, 'get', 'pods', { namespace: 'x', name: 'p' }), rbac).allowed).toBe(false);
    expect(authorize(request(bob, 'get', 'pods/exec', { namespace: 'x', name: 'p' }), rbac).allowed).toBe(false);
    expect(authorize(request(bob, 'get', 'deployments/status', { namespace: 'x', group: 'apps' }), rbac).allowed).toBe(true);
    expect(authorize(request(bob, 'get', 'nodes/status', { name: 'n' }), rbac).allowed).toBe(true);
    const jane = person('jane');
    expect(authorize(request(jane, 'update', 'deployments/scale', { namespace: 'dev', group: 'apps' }), rbac).allowed).toBe(true);
    expect(authorize(request(jane, 'get', 'pods/log', { namespace: 'dev' }), rbac).allowed).toBe(false);
  });

  it('matches nonResourceURLs exactly or by a trailing-* prefix, and keeps them apart from resources', () => {
    const mon = person('mon', 'monitors');
    expect(authorize(urlRequest(mon, 'get', '/healthz'), rbac).allowed).toBe(true);
    expect(authorize(urlRequest(mon, 'get', '/healthz/etcd'), rbac).allowed).toBe(false);
    expect(authorize(urlRequest(mon, 'get', '/metrics/slis'), rbac).allowed).toBe(true);
    expect(authorize(urlRequest(mon, 'get', '/metrics'), rbac).allowed).toBe(false);
    expect(authorize(urlRequest(mon, 'post', '/healthz'), rbac).allowed).toBe(false);
    expect(authorize(request(mon, 'delete', 'cronjobs', { namespace: 'a', group: 'batch' }), rbac).allowed).toBe(true);
    expect(authorize(urlRequest(person('ann', 'ops'), 'get', '/healthz'), rbac).allowed).toBe(false);
  });

  it('matches service accounts, defaulting the subject namespace to the binding namespace', () => {
    const builder = person('system:serviceaccount:dev:builder', 'system:serviceaccounts', 'system:serviceaccounts:dev');
    expect(authorize(request(builder, 'get', 'pods', { namespace: 'dev' }), rbac)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "ci/dev" of Role "pod-reader" to ServiceAccount "builder/dev"',
    });
    const robot = person('system:serviceaccount:tools:robot');
    expect(authorize(request(robot, 'get', 'pods', { namespace: 'dev' }), rbac).reason).toBe(
      'RBAC: allowed by RoleBinding "other-ns-sa/dev" of Role "pod-reader" to ServiceAccount "robot/tools"',
    );
    const devRobot = person('system:serviceaccount:dev:robot');
    expect(authorize(request(devRobot, 'get', 'pods', { namespace: 'dev' }), rbac).allowed).toBe(false);
    const lost = person('system:serviceaccount:default:lost');
    expect(authorize(request(lost, 'get', 'nodes'), rbac).allowed).toBe(false);
  });

  it('reports roles that cannot be found, and still allows through other bindings', () => {
    const broken = memoryRbacSource([
      roleBinding('dev', 'a', { kind: 'Role', name: 'missing' }, [userSubject('eve')]),
      clusterRoleBinding('b', 'gone', [userSubject('eve')]),
      clusterRoleBinding('c', 'gone', [userSubject('eve')]),
      roleBinding('dev', 'd', { kind: 'Thing', name: 'x' }, [userSubject('zed')]),
      clusterRole('pods', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
      roleBinding('dev', 'e', { kind: 'ClusterRole', name: 'pods' }, [userSubject('eve')]),
    ]);
    const eve = person('eve');
    expect(authorize(request(eve, 'list', 'pods', { namespace: 'dev' }), broken)).toEqual({
      allowed: false,
      reason: 'RBAC: [clusterrole.rbac.authorization.k8s.io "gone" not found, role.rbac.authorization.k8s.io "missing" not found]',
    });
    expect(authorize(request(eve, 'list', 'pods'), broken)).toEqual({
      allowed: false,
      reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found',
    });
    expect(authorize(request(eve, 'get', 'pods', { namespace: 'dev' }), broken).allowed).toBe(true);
    expect(authorize(request(person('zed'), 'get', 'pods', { namespace: 'dev' }), broken).reason).toBe(
      'RBAC: unsupported role reference kind: "Thing"',
    );
  });

  it('quotes names as Go does', () => {
    const odd = memoryRbacSource([
      clusterRole('r', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
      clusterRoleBinding('say "hi"', 'r', [userSubject('tab\there')]),
    ]);
    expect(authorize(request({ name: 'tab\there', groups: [] }, 'get', 'pods'), odd).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "say \\"hi\\"" of ClusterRole "r" to User "tab\\there"',
    );
  });
});
