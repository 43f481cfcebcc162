// Revisions, range, put and delete: etcd v3 KV semantics.
import { describe, expect, it } from 'vitest';
import type { SortOrder, SortTarget } from '../../src/store/index.js';
import type { Backend } from './harness.js';
import { b, keysOf, str, useStore } from './fixture.js';

export function kvConformance(backend: Backend): void {
  describe(`${backend.name}: revisions`, () => {
    const ctx = useStore(backend);

    it('starts at revision 1; each write bumps the one cluster-wide revision', async () => {
      const { store } = ctx;
      expect((await store.range({ key: b('x') })).header.revision).toBe(1);
      expect((await store.put({ key: b('a'), value: b('1') })).header.revision).toBe(2);
      expect((await store.put({ key: b('b'), value: b('1') })).header.revision).toBe(3);
      expect((await store.put({ key: b('a'), value: b('2') })).header.revision).toBe(4);
      const [a] = (await store.range({ key: b('a') })).kvs;
      expect(a).toMatchObject({ createRevision: 2, modRevision: 4, version: 2, lease: 0n });
      expect(str(a!.value)).toBe('2');
    });

    it('a delete is a tombstone: history stays readable, a re-created key starts a new life', async () => {
      const { store } = ctx;
      await store.put({ key: b('k'), value: b('v1') }); // 2
      const del = await store.deleteRange({ key: b('k') }); // 3
      expect(del).toMatchObject({ deleted: 1, header: { revision: 3 } });
      expect((await store.range({ key: b('k') })).kvs).toEqual([]);
      expect(str((await store.range({ key: b('k'), revision: 2 })).kvs[0]!.value)).toBe('v1');
      await store.put({ key: b('k'), value: b('v2') }); // 4
      expect((await store.range({ key: b('k') })).kvs[0]).toMatchObject({ createRevision: 4, modRevision: 4, version: 1 });
    });

    it('deleting nothing does not bump the revision', async () => {
      const { store } = ctx;
      await store.put({ key: b('a'), value: b('1') });
      expect(await store.deleteRange({ key: b('zz') })).toMatchObject({ deleted: 0, header: { revision: 2 } });
      expect((await store.put({ key: b('b'), value: b('1') })).header.revision).toBe(3);
    });

    it('refuses a future revision and a compacted one', async () => {
      const { store } = ctx;
      for (const v of ['1', '2', '3']) await store.put({ key: b('a'), value: b(v) });
      await expect(store.range({ key: b('a'), revision: 9 })).rejects.toThrow('etcdserver: mvcc: required revision is a future revision');
      await store.compact({ revision: 3 });
      await expect(store.range({ key: b('a'), revision: 2 })).rejects.toThrow('etcdserver: mvcc: required revision has been compacted');
      expect(str((await store.range({ key: b('a'), revision: 3 })).kvs[0]!.value)).toBe('2');
    });

    it('refuses an empty key', async () => {
      await expect(ctx.store.put({ key: b(''), value: b('x') })).rejects.toThrow('etcdserver: key is not provided');
      await expect(ctx.store.range({ key: b('') })).rejects.toThrow('etcdserver: key is not provided');
    });
  });

  describe(`${backend.name}: range`, () => {
    const ctx = useStore(backend);
    const seed = async (): Promise<void> => {
      // values chosen so every sort target orders the keys differently
      const plan: [string, string][] = [['/a/2', 'c'], ['/a/1', 'b'], ['/b', 'a'], ['/a/3', 'a2'], ['/a/1', 'z']];
      for (const [k, v] of plan) await ctx.store.put({ key: b(k), value: b(v) });
    };

    it('selects one key, a prefix, [key, end) and from-key', async () => {
      await seed();
      const { store } = ctx;
      expect(keysOf((await store.range({ key: b('/a/1') })).kvs)).toEqual(['/a/1']);
      expect(keysOf((await store.range({ key: b('/a/'), rangeEnd: b('/a0') })).kvs)).toEqual(['/a/1', '/a/2', '/a/3']);
      expect(keysOf((await store.range({ key: b('/a/2'), rangeEnd: b('/b') })).kvs)).toEqual(['/a/2', '/a/3']);
      expect(keysOf((await store.range({ key: b('/a/3'), rangeEnd: Buffer.from([0]) })).kvs)).toEqual(['/a/3', '/b']);
      expect((await store.range({ key: Buffer.from([0]), rangeEnd: Buffer.from([0]) })).count).toBe(4);
    });

    it('limit cuts the result, sets more, and count still counts the whole range', async () => {
      await seed();
      const r = await ctx.store.range({ key: b('/'), rangeEnd: b('0'), limit: 2 });
      expect(keysOf(r.kvs)).toEqual(['/a/1', '/a/2']);
      expect(r).toMatchObject({ more: true, count: 4 });
      const all = await ctx.store.range({ key: b('/'), rangeEnd: b('0'), limit: 4 });
      expect(all).toMatchObject({ more: false, count: 4 });
    });

    it('reads history at a revision', async () => {
      await seed();
      const r = await ctx.store.range({ key: b('/'), rangeEnd: b('0'), revision: 4 });
      expect(keysOf(r.kvs)).toEqual(['/a/1', '/a/2', '/b']);
      expect(str(r.kvs[0]!.value)).toBe('b');
      expect(r.count).toBe(3);
      expect(r.header.revision).toBe(6);
    });

    const sorts: [SortTarget, SortOrder, string[]][] = [
      ['KEY', 'DESCEND', ['/b', '/a/3', '/a/2', '/a/1']],
      ['VALUE', 'ASCEND', ['/b', '/a/3', '/a/2', '/a/1']],
      ['VALUE', 'DESCEND', ['/a/1', '/a/2', '/a/3', '/b']],
      ['VERSION', 'DESCEND', ['/a/1', '/a/2', '/a/3', '/b']],
      ['CREATE', 'ASCEND', ['/a/2', '/a/1', '/b', '/a/3']],
      ['CREATE', 'DESCEND', ['/a/3', '/b', '/a/1', '/a/2']],
      ['MOD', 'ASCEND', ['/a/2', '/b', '/a/3', '/a/1']],
      ['MOD', 'NONE', ['/a/2', '/b', '/a/3', '/a/1']],
      ['MOD', 'DESCEND', ['/a/1', '/a/3', '/b', '/a/2']],
    ];
    it.each(sorts)('sorts by %s %s', async (sortTarget, sortOrder, want) => {
      await seed();
      const r = await ctx.store.range({ key: b('/'), rangeEnd: b('0'), sortTarget, sortOrder });
      expect(keysOf(r.kvs)).toEqual(want);
    });

    it('sorts before it limits', async () => {
      await seed();
      const r = await ctx.store.range({ key: b('/'), rangeEnd: b('0'), sortTarget: 'KEY', sortOrder: 'DESCEND', limit: 1 });
      expect(keysOf(r.kvs)).toEqual(['/b']);
      expect(r.more).toBe(true);
    });

    it('keys-only drops values; count-only returns just the count', async () => {
      await seed();
      const k = await ctx.store.range({ key: b('/a/'), rangeEnd: b('/a0'), keysOnly: true });
      expect(k.kvs.map((kv) => kv.value.length)).toEqual([0, 0, 0]);
      expect(k.kvs[0]!.version).toBe(2);
      const c = await ctx.store.range({ key: b('/a/'), rangeEnd: b('/a0'), countOnly: true });
      expect(c).toMatchObject({ kvs: [], count: 3 });
    });

    it('filters by mod and create revision', async () => {
      await seed();
      const r = await ctx.store.range({ key: b('/'), rangeEnd: b('0'), minModRevision: 4, maxCreateRevision: 4 });
      expect(keysOf(r.kvs)).toEqual(['/a/1', '/b']);
    });
  });

  describe(`${backend.name}: put and delete`, () => {
    const ctx = useStore(backend);

    it('put returns the previous key-value when asked', async () => {
      const { store } = ctx;
      expect((await store.put({ key: b('k'), value: b('1'), prevKv: true })).prevKv).toBeUndefined();
      const r = await store.put({ key: b('k'), value: b('2'), prevKv: true });
      expect(r.prevKv).toMatchObject({ version: 1, modRevision: 2 });
      expect(str(r.prevKv!.value)).toBe('1');
    });

    it('ignore_value keeps the value, ignore_lease keeps the lease; both need the key', async () => {
      const { store } = ctx;
      await expect(store.put({ key: b('k'), value: b(''), ignoreValue: true })).rejects.toThrow('etcdserver: key not found');
      await expect(store.put({ key: b('k'), value: b('v'), ignoreLease: true })).rejects.toThrow('etcdserver: key not found');
      const { ID } = await store.leaseGrant({ TTL: 60 });
      await store.put({ key: b('k'), value: b('v'), lease: ID });
      await store.put({ key: b('k'), value: b('w'), ignoreLease: true });
      let kv = (await store.range({ key: b('k') })).kvs[0]!;
      expect([str(kv.value), kv.lease, kv.version]).toEqual(['w', ID, 2]);
      // a put without a lease detaches it, even when it keeps the value
      await store.put({ key: b('k'), value: b(''), ignoreValue: true });
      kv = (await store.range({ key: b('k') })).kvs[0]!;
      expect([str(kv.value), kv.lease, kv.version]).toEqual(['w', 0n, 3]);
    });

    it('a put with an unknown lease fails and writes nothing', async () => {
      await expect(ctx.store.put({ key: b('k'), value: b('v'), lease: 12345n })).rejects.toThrow('etcdserver: requested lease not found');
      expect((await ctx.store.range({ key: b('k') })).header.revision).toBe(1);
    });

    it('delete of a range returns the deleted key-values in one revision', async () => {
      const { store } = ctx;
      for (const k of ['p/1', 'p/2', 'q']) await store.put({ key: b(k), value: b(k) });
      const r = await store.deleteRange({ key: b('p/'), rangeEnd: b('p0'), prevKv: true });
      expect(r.deleted).toBe(2);
      expect(keysOf(r.prevKvs)).toEqual(['p/1', 'p/2']);
      expect(r.header.revision).toBe(5);
      expect((await store.range({ key: b('q') })).kvs).toHaveLength(1);
    });

    it('refuses a request over 1.5 MiB and stores nothing', async () => {
      await expect(ctx.store.put({ key: b('big'), value: Buffer.alloc(1.5 * 1024 * 1024 + 1) })).rejects.toThrow('etcdserver: request is too large');
      expect((await ctx.store.range({ key: b('big') })).count).toBe(0);
      await ctx.store.put({ key: b('fits'), value: Buffer.alloc(1024 * 1024) });
    });
  });
}
