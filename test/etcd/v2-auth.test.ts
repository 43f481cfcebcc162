// v2 auth of our etcd against the real etcd 3.4.23, differentially: the real etcdctl's user,
// role and auth commands, then the raw /v2/auth API, with the raft and v2 indexes etcd's own
// requests for its /2 records take.
import { afterEach, describe, expect, it } from 'vitest';
import { haveRealEtcd } from '../support/etcd-pair.js';
import { V2Diff } from '../support/v2-diff.js';

const diff = new V2Diff();
afterEach(() => diff.stop());

describe.skipIf(!haveRealEtcd)('v2 auth: ours against the real etcd 3.4.23', () => {
  it('keeps v2 users and roles, and enforces them once auth is on', async () => {
    const eps = await diff.pair();
    const out = await diff.sameCtl(
      [
        ['user', 'list'],
        ['role', 'list'],
        ['auth', 'enable'],
        { args: ['user', 'add', 'root'], input: 'pw\n' },
        { args: ['user', 'add', 'bob:pw2'], input: '' },
        ['user', 'add', 'bob:again'],
        ['role', 'add', 'r1'],
        ['role', 'grant', 'r1', '--path', '/app/*', '--readwrite'],
        ['role', 'get', 'r1'],
        ['user', 'grant', 'bob', '--roles', 'r1'],
        ['user', 'get', 'bob'],
        ['auth', 'enable'],
        ['set', '/a', '1'],
        ['-u', 'root:bad', 'set', '/a', '1'],
        ['-u', 'bob:pw2', 'set', '/app/x', '1'],
        ['-u', 'bob:again', 'set', '/app/x', '1'],
        ['-u', 'bob:again', 'set', '/other', '1'],
        ['user', 'list'],
        ['-u', 'root:pw', 'role', 'list'],
        ['-u', 'root:pw', 'role', 'revoke', 'guest', '--path', '/*', '--write'],
        ['set', '/a', '2'],
        ['get', '/a'],
        ['-u', 'root:pw', 'user', 'remove', 'root'],
        ['-u', 'root:pw', 'auth', 'disable'],
        ['auth', 'disable'],
        ['user', 'revoke', 'bob', '--roles', 'r1'],
        ['role', 'remove', 'r1'],
        ['user', 'remove', 'bob'],
      ],
      eps,
    );
    const denied = 'Error:  110: The request requires user authentication (Insufficient credentials) [0]\n';
    expect(out.slice(11, 17)).toEqual([
      'Authentication Enabled\n',
      '1\n',
      denied,
      denied,
      '1\n',
      denied,
    ]);
    const json = { 'Content-Type': 'application/json' };
    await diff.same(
      [
        { path: '/v2/keys/?sorted=true' },
        { path: '/v2/auth/enable' },
        { path: '/v2/auth/users/nobody' },
        { path: '/v2/auth/roles/root' },
        { path: '/v2/auth/users/root' },
        { path: '/v2/auth/users' },
        { path: '/v2/auth/roles/' },
        { path: '/v2/auth/roles/guest' },
        { path: '/v2/auth/users/a/b' },
        { path: '/v2/auth/nothing' },
        { method: 'POST', path: '/v2/auth/users/root' },
        { method: 'PUT', path: '/v2/auth/roles/x', form: 'not json', headers: json },
        { method: 'PUT', path: '/v2/auth/roles/x', form: '{"role":"y"}', headers: json },
        { method: 'PUT', path: '/v2/auth/roles/x', form: '{"role":"x"}', headers: json },
        { method: 'PUT', path: '/v2/auth/roles/x', form: '{"role":"x","grant":{"kv":{"read":["/r"]}}}', headers: json },
        { method: 'PUT', path: '/v2/auth/roles/x', form: '{"role":"x","grant":{"kv":{"read":["/r"]}}}', headers: json },
        { method: 'PUT', path: '/v2/auth/roles/x', form: '{"role":"x","revoke":{"kv":{"read":["/zz"]}}}', headers: json },
        { method: 'PUT', path: '/v2/auth/users/u', form: '{"user":"u","roles":["x"]}', headers: json },
        { method: 'PUT', path: '/v2/auth/users/u', form: '{"user":"u","password":"p","roles":["x","nope"]}', headers: json },
        { path: '/v2/auth/users/u' },
        { method: 'PUT', path: '/v2/auth/users/u', form: '{"user":"u","grant":["x"]}', headers: json },
        { method: 'PUT', path: '/v2/auth/users/u', form: '{"user":"u","revoke":["zz"]}', headers: json },
        { method: 'PUT', path: '/v2/auth/users/u', form: '{"user":"u"}', headers: json },
        { method: 'DELETE', path: '/v2/auth/roles/root' },
        { method: 'DELETE', path: '/v2/auth/roles/nope' },
        { method: 'DELETE', path: '/v2/auth/users/u' },
        { method: 'PUT', path: '/v2/auth/enable' },
        { path: '/v2/auth/users', headers: { Authorization: `Basic ${Buffer.from('root:pw').toString('base64')}` } },
        { path: '/v2/auth/users' },
        { method: 'DELETE', path: '/v2/auth/enable' },
        { path: '/v2/keys/?sorted=true' },
      ],
      {},
      eps,
    );
  });
});
