// reconcileRole / reconcileBinding against a fake client: the calls they make (in order) for
// create, update, recreate, dry run and opted-out objects, and the races that start them over.
import { describe, expect, it } from 'vitest';
import { ApiError, type Obj } from '../../../../../client/types.js';
import { reconcileBinding, type BindingClient } from './binding.js';
import { reconcileRole } from './role.js';

const status = (code: number, reason: string): ApiError => new ApiError({ code, reason, message: reason });

/** A client over a map of objects by name; `fail` makes the next call of a verb fail once. */
function fake(objects: Record<string, Obj>, fail: Partial<Record<'create' | 'update' | 'delete', ApiError>> = {}): BindingClient & { calls: string[] } {
  const calls: string[] = [];
  const once = (verb: 'create' | 'update' | 'delete'): void => {
    const err = fail[verb];
    delete fail[verb];
    if (err) throw err;
  };
  return {
    calls,
    async get(_ns, name) {
      calls.push(`get ${name}`);
      const o = objects[name];
      if (!o) throw status(404, 'NotFound');
      return structuredClone(o);
    },
    async create(o) {
      calls.push(`create ${o.metadata.name}`);
      once('create');
      objects[o.metadata.name!] = { ...o, metadata: { ...o.metadata, uid: 'new' } };
      return objects[o.metadata.name!]!;
    },
    async update(o) {
      calls.push(`update ${o.metadata.name}`);
      once('update');
      return (objects[o.metadata.name!] = o);
    },
    async delete(_ns, name, uid) {
      calls.push(`delete ${name} uid=${uid}`);
      once('delete');
      delete objects[name];
    },
  };
}

const role = (verbs: string[], annotations?: Record<string, string>): Obj =>
  ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', namespace: 'ns', ...(annotations ? { annotations } : {}) }, rules: [{ apiGroups: [''], resources: ['pods'], verbs }] }) as unknown as Obj;

const crb = (ref: string, uid?: string): Obj =>
  ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b', ...(uid ? { uid } : {}) }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: ref }, subjects: [{ kind: 'User', name: 'u' }] }) as unknown as Obj;

describe('reconcileRole', () => {
  it('creates a missing role, updates one that lacks rules, leaves a covering one alone', async () => {
    const c = fake({});
    expect((await reconcileRole({ expected: role(['get']), confirm: true, removeExtraPermissions: false, client: c })).operation).toBe('create');
    expect((await reconcileRole({ expected: role(['list']), confirm: true, removeExtraPermissions: false, client: c })).operation).toBe('update');
    expect((await reconcileRole({ expected: role(['get']), confirm: true, removeExtraPermissions: false, client: c })).operation).toBe('none');
    expect(c.calls).toEqual(['get r', 'create r', 'get r', 'update r', 'get r']);
  });

  it('writes nothing in a dry run or for a role that opted out', async () => {
    const c = fake({ r: role(['get'], { 'rbac.authorization.kubernetes.io/autoupdate': 'false' }) });
    const r = await reconcileRole({ expected: role(['list']), confirm: true, removeExtraPermissions: false, client: c });
    expect([r.operation, r.protected]).toEqual(['update', true]);
    await reconcileRole({ expected: { ...role(['list']), metadata: { name: 'other', namespace: 'ns' } }, confirm: false, removeExtraPermissions: false, client: c });
    expect(c.calls).toEqual(['get r', 'get other']);
  });

  it('starts over when a create meets AlreadyExists, and gives up after three attempts', async () => {
    const c = fake({}, { create: status(409, 'AlreadyExists') });
    await reconcileRole({ expected: role(['get']), confirm: true, removeExtraPermissions: false, client: c });
    expect(c.calls).toEqual(['get r', 'create r', 'get r', 'create r']);
    const always: BindingClient = { ...fake({}), create: async () => { throw status(409, 'AlreadyExists'); } };
    await expect(reconcileRole({ expected: role(['get']), confirm: true, removeExtraPermissions: false, client: always })).rejects.toThrow('exceeded maximum attempts');
  });
});

describe('reconcileBinding', () => {
  it('deletes (with the UID precondition) and creates again a binding whose roleRef changed', async () => {
    const c = fake({ b: crb('view', 'old') });
    const r = await reconcileBinding({ expected: crb('edit'), confirm: true, removeExtraSubjects: false, client: c });
    expect(r.operation).toBe('recreate');
    expect(c.calls).toEqual(['get b', 'delete b uid=old', 'create b']);
  });

  it('starts over when the delete meets a UID conflict', async () => {
    const c = fake({ b: crb('view', 'old') }, { delete: status(409, 'Conflict') });
    await reconcileBinding({ expected: crb('edit'), confirm: true, removeExtraSubjects: false, client: c });
    expect(c.calls).toEqual(['get b', 'delete b uid=old', 'get b', 'delete b uid=old', 'create b']);
  });

  it('reports a recreate without doing it when the binding opted out', async () => {
    const opted = crb('view', 'old');
    opted.metadata.annotations = { 'rbac.authorization.kubernetes.io/autoupdate': 'false' };
    const c = fake({ b: opted });
    const r = await reconcileBinding({ expected: crb('edit'), confirm: true, removeExtraSubjects: false, client: c });
    expect([r.operation, r.protected, c.calls]).toEqual(['recreate', true, ['get b']]);
  });
});
