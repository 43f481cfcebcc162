import { describe, expect, it } from 'vitest';
import { addSubjects, wantedSubjects } from './subject.js';

const RBAC = 'rbac.authorization.k8s.io';

describe('set subject', () => {
  it('adds users, then groups, then service accounts, each sorted once', () => {
    expect(wantedSubjects(['bob', 'al', 'bob'], ['g'], ['ns:b', ':a'], 'cur')).toEqual([
      { kind: 'User', apiGroup: RBAC, name: 'al' },
      { kind: 'User', apiGroup: RBAC, name: 'bob' },
      { kind: 'Group', apiGroup: RBAC, name: 'g' },
      { kind: 'ServiceAccount', name: 'a', namespace: 'cur' },
      { kind: 'ServiceAccount', name: 'b', namespace: 'ns' },
    ]);
  });

  it.each([
    ['a missing subject is appended', [{ kind: 'User', apiGroup: RBAC, name: 'x' }], true, 2],
    ['a present one is not', [{ kind: 'User', apiGroup: RBAC, name: 'alice' }], false, 1],
    ['a service account differs from a user of that name', [{ kind: 'ServiceAccount', name: 'alice', namespace: 'd' }], true, 2],
  ])('%s', (_what, wanted, changed, count) => {
    const obj: Record<string, unknown> = { kind: 'RoleBinding', subjects: [{ kind: 'User', apiGroup: RBAC, name: 'alice' }] };
    expect(addSubjects(obj, wanted)).toBe(changed);
    expect((obj.subjects as unknown[]).length).toBe(count);
  });

  it('refuses other kinds', () => {
    expect(() => addSubjects({ kind: 'ConfigMap' }, [])).toThrow('setting subjects is only supported for RoleBinding/ClusterRoleBinding');
  });
});
