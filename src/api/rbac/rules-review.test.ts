import { describe, expect, it } from 'vitest';
import { memoryRbacSource } from './memory-source.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from './policy/bootstrap.js';
import { rulesFor } from './rules-review.js';
import { clusterRole, clusterRoleBinding, person, role, roleBinding, userSubject } from './test-fixtures.js';

const BASIC_USER_RULES = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
];
const DISCOVERY_URLS = ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'];
const PUBLIC_URLS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];

const podReader = role('dev', 'pod-reader', [
  { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'pods/log'] },
  { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
]);

describe('rulesFor', () => {
  it('lists every rule of every binding in resolution order, unmerged', () => {
    const rbac = memoryRbacSource([
      ...bootstrapClusterRoles(),
      ...bootstrapClusterRoleBindings(),
      podReader,
      roleBinding('dev', 'one', { kind: 'Role', name: 'pod-reader' }, [userSubject('jane')]),
      roleBinding('dev', 'two', { kind: 'Role', name: 'pod-reader' }, [userSubject('jane')]),
      roleBinding('other', 'elsewhere', { kind: 'ClusterRole', name: 'view' }, [userSubject('jane')]),
    ]);
    const status = rulesFor(person('jane'), 'dev', rbac);
    const podRules = [
      { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'pods/log'] },
      { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] },
    ];
    expect(status).toEqual({
      resourceRules: [...BASIC_USER_RULES, ...podRules, ...podRules],
      nonResourceRules: [
        { verbs: ['get'], nonResourceURLs: DISCOVERY_URLS },
        { verbs: ['get'], nonResourceURLs: PUBLIC_URLS },
      ],
      incomplete: false,
    });
    expect(JSON.stringify(status.nonResourceRules[0])).toBe(JSON.stringify({ verbs: ['get'], nonResourceURLs: DISCOVERY_URLS }));
  });

  it('answers empty lists, not absent ones, for a user with nothing', () => {
    const status = rulesFor(person('nobody'), 'default', memoryRbacSource([]));
    expect(JSON.parse(JSON.stringify(status))).toEqual({ resourceRules: [], nonResourceRules: [], incomplete: false });
  });

  it('splits a rule into resource and non-resource parts and keeps its resourceNames', () => {
    const rbac = memoryRbacSource([
      clusterRole('mixed', [
        { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
        { verbs: ['*'], nonResourceURLs: ['*'] },
      ]),
      clusterRoleBinding('mixed', 'mixed', [userSubject('root')]),
    ]);
    expect(rulesFor(person('root'), 'default', rbac)).toEqual({
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    });
  });

  it('reports missing roles as an evaluation error, still complete', () => {
    const rbac = memoryRbacSource([
      roleBinding('dev', 'x', { kind: 'Role', name: 'missing' }, [userSubject('jane')]),
      clusterRoleBinding('y', 'gone', [userSubject('jane')]),
    ]);
    expect(rulesFor(person('jane'), 'dev', rbac)).toEqual({
      resourceRules: [],
      nonResourceRules: [],
      incomplete: false,
      evaluationError:
        '[clusterrole.rbac.authorization.k8s.io "gone" not found, role.rbac.authorization.k8s.io "missing" not found]',
    });
  });

  it('marks nodes incomplete: the Node authorizer cannot list what it allows', () => {
    const node = { name: 'system:node:w1', groups: ['system:nodes', 'system:authenticated'] };
    const rbac = memoryRbacSource([clusterRoleBinding('y', 'gone', [userSubject('system:node:w1')])]);
    expect(rulesFor(node, 'default', rbac)).toEqual({
      resourceRules: [],
      nonResourceRules: [],
      incomplete: true,
      evaluationError: '[node authorizer does not support user rule resolution, clusterrole.rbac.authorization.k8s.io "gone" not found]',
    });
    expect(rulesFor(node, 'default', memoryRbacSource([])).evaluationError).toBe(
      'node authorizer does not support user rule resolution',
    );
    expect(rulesFor({ name: 'system:node:w1', groups: [] }, 'default', memoryRbacSource([])).incomplete).toBe(false);
  });

  it('gives system:masters the cluster-admin rules through its binding', () => {
    const rbac = memoryRbacSource([...bootstrapClusterRoles(), ...bootstrapClusterRoleBindings()]);
    const status = rulesFor({ name: 'admin', groups: ['system:masters', 'system:authenticated'] }, 'default', rbac);
    expect(status.resourceRules[0]).toEqual({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    expect(status.nonResourceRules[0]).toEqual({ verbs: ['*'], nonResourceURLs: ['*'] });
  });
});
