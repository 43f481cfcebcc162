import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Metadata } from '@grpc/grpc-js';
import { openStore, type SqliteStore } from '../../store/index.js';
import { AuthStore, NO_USER, type CallIdentity } from './store.js';
import * as ops from './ops.js';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setup(opts: { clientCertAuth?: boolean } = {}): Promise<{ auth: AuthStore; store: SqliteStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-auth-'));
  dirs.push(dir);
  const store = openStore(dir);
  stores.push(store);
  const auth = await AuthStore.load(store, { bcryptCost: 4, ...opts });
  await auth.propose(async () => {
    ops.userAdd(auth.current, 'root', await auth.hash('rootpw'), false);
    ops.userGrantRole(auth.current, 'root', 'root');
    ops.userAdd(auth.current, 'alice', await auth.hash('alicepw'), false);
    if (ops.authEnable(auth.current)) auth.tokens.enable();
  });
  return { auth, store };
}

const call = (md: Record<string, string>, cn?: string): CallIdentity => {
  const metadata = new Metadata();
  for (const [k, v] of Object.entries(md)) metadata.set(k, v);
  return { metadata, getAuthContext: () => (cn === undefined ? {} : { sslPeerCertificate: { subject: { CN: cn } } as never }) };
};

const raftIndex = async (store: SqliteStore): Promise<number> => (await store.status()).raftIndex;

describe('AuthStore', () => {
  it('checks passwords and keeps its state across a reload', async () => {
    const { auth, store } = await setup();
    await expect(auth.checkPassword('alice', 'alicepw')).resolves.toBeUndefined();
    await expect(auth.checkPassword('alice', 'nope')).rejects.toThrow('etcdserver: authentication failed, invalid user ID or password');
    await expect(auth.checkPassword('mallory', 'x')).rejects.toThrow('etcdserver: authentication failed, invalid user ID or password');
    const again = await AuthStore.load(store);
    expect(again.enabled).toBe(true);
    expect(ops.userList(again.current)).toEqual(['alice', 'root']);
  });

  it('knows a caller by token, refuses an unknown token, and uses the certificate CN only when told to', async () => {
    const { auth } = await setup();
    const token = auth.tokens.assign('alice', auth.tokens.genPrefix(), 9);
    expect(auth.authInfo(call({ token }))?.username).toBe('alice');
    expect(() => auth.authInfo(call({ token: 'abcdefghijklmnop.3' }))).toThrow('etcdserver: invalid auth token');
    expect(auth.authInfo(call({}, 'root'))).toBeUndefined();
    const tls = await setup({ clientCertAuth: true });
    expect(tls.auth.authInfo(call({}, 'root'))?.username).toBe('root');
  });

  it('answers permission questions as etcd does', async () => {
    const { auth } = await setup();
    const alice = { username: 'alice', revision: auth.revision };
    const root = { username: 'root', revision: auth.revision };
    expect(() => auth.isRangePermitted(NO_USER, Buffer.from('a'), Buffer.alloc(0))).toThrow('etcdserver: user name is empty');
    expect(() => auth.isRangePermitted(alice, Buffer.from('a'), Buffer.alloc(0))).toThrow('etcdserver: permission denied');
    expect(() => auth.isPutPermitted(root, Buffer.from('a'))).not.toThrow();
    expect(() => auth.isAdminPermitted(undefined)).toThrow('etcdserver: user name is empty');
    expect(() => auth.isAdminPermitted({ username: 'ghost', revision: 1 })).toThrow('etcdserver: user name not found');
    expect(() => auth.isAdminPermitted(alice)).toThrow('etcdserver: permission denied');
    expect(() => auth.checkMaintenance(call({}))).toThrow('auth: user name is empty');
  });

  it('spends a raft entry on a refused proposal, none on a refused read', async () => {
    const { auth, store } = await setup();
    const before = await raftIndex(store);
    await expect(auth.checkProposal(call({}), (ai) => auth.isPutPermitted(ai, Buffer.from('k')))).rejects.toThrow('etcdserver: user name is empty');
    expect(await raftIndex(store)).toBe(before + 1);
    expect(() => auth.checkRead(call({}), (ai) => auth.isRangePermitted(ai, Buffer.from('k'), Buffer.alloc(0)))).toThrow();
    await expect(auth.checkProposal(call({ token: 'bogus.1' }), () => undefined)).rejects.toThrow('etcdserver: invalid auth token');
    expect(await raftIndex(store)).toBe(before + 1);
  });
});
