import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { clusterRoleBindingColumns } from './clusterrolebinding.js';
import { roleBindingColumns } from './rolebinding.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');

describe('role bindings', () => {
  it.each<[string, unknown[] | undefined, string[]]>([
    ['no subjects', undefined, ['', '', '']],
    [
      'mixed subjects in order',
      [
        { kind: 'User', name: 'jane' },
        { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' },
        { kind: 'Group', name: 'devs' },
        { kind: 'User', name: 'bob' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'dev' },
      ],
      ['jane, bob', 'devs', 'ci/builder, dev/default'],
    ],
  ])('%s', (_name, subjects, wide) => {
    const rb: KObject = {
      metadata: { name: 'read-pods', creationTimestamp: '2025-01-15T11:15:00Z' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      ...(subjects ? { subjects } : {}),
    };
    expect(roleBindingColumns.cells(rb, { now: NOW })).toEqual(['read-pods', 'ClusterRole/view', '45m', ...wide]);
    expect(clusterRoleBindingColumns.cells(rb, { now: NOW })).toEqual(['read-pods', 'ClusterRole/view', '45m', ...wide]);
  });

  it('describes the wide columns per kind', () => {
    expect(roleBindingColumns.columns.map((c) => c.description).slice(3)).toEqual([
      'Users in the roleBinding',
      'Groups in the roleBinding',
      'ServiceAccounts in the roleBinding',
    ]);
    expect(clusterRoleBindingColumns.columns[3]!.description).toBe('Users in the clusterRoleBinding');
    expect(clusterRoleBindingColumns.columns.map((c) => c.priority)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});
