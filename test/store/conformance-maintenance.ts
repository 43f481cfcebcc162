// Compaction, hash, status, defragment, snapshots, and the metadata servers keep.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Backend } from './harness.js';
import { b, keysOf, str, useStore } from './fixture.js';

export function maintenanceConformance(backend: Backend): void {
  describe(`${backend.name}: maintenance`, () => {
    const ctx = useStore(backend);

    it('compaction keeps what reads at or after its revision need', async () => {
      const { store } = ctx;
      await store.put({ key: b('a'), value: b('1') }); // 2
      await store.put({ key: b('a'), value: b('2') }); // 3
      await store.put({ key: b('gone'), value: b('x') }); // 4
      await store.deleteRange({ key: b('gone') }); // 5
      await store.put({ key: b('a'), value: b('3') }); // 6
      await store.compact({ revision: 5, physical: true });
      expect(str((await store.range({ key: b('a'), revision: 5 })).kvs[0]!.value)).toBe('2');
      expect((await store.range({ key: b('gone'), revision: 5 })).kvs).toEqual([]);
      await expect(store.range({ key: b('a'), revision: 4 })).rejects.toThrow('required revision has been compacted');
      await expect(store.compact({ revision: 5 })).rejects.toThrow('etcdserver: mvcc: required revision has been compacted');
      await expect(store.compact({ revision: 7 })).rejects.toThrow('etcdserver: mvcc: required revision is a future revision');
      expect((await store.status()).compactRevision).toBe(5);
    });

    it('the first compaction may be at revision 0, as mvcc starts compacted at -1', async () => {
      const { store } = ctx;
      expect((await store.hashKV()).compactRevision).toBe(-1);
      await store.compact({ revision: 0 });
      expect((await store.hashKV()).compactRevision).toBe(0);
      await expect(store.compact({ revision: 0 })).rejects.toThrow('etcdserver: mvcc: required revision has been compacted');
      await store.compact({ revision: 1 });
      expect((await store.status()).compactRevision).toBe(1);
    });

    it('hashKV equals real etcd 3.4 for the same history (values taken from a real member)', async () => {
      const { store } = ctx;
      await store.put({ key: b('a'), value: b('1') });
      await store.put({ key: b('a'), value: b('2') });
      await store.txn({ compare: [{ key: b('a'), target: 'VALUE', result: 'EQUAL', value: b('2') }], success: [{ requestPut: { key: b('b'), value: b('x') } }], failure: [] });
      await store.deleteRange({ key: b('a') });
      await store.put({ key: b('c'), value: b('3') });
      expect(await store.hashKV()).toMatchObject({ hash: 542722135, compactRevision: -1, header: { revision: 6 } });
      await store.compact({ revision: 4 });
      expect(await store.hashKV()).toMatchObject({ hash: 3056574665, compactRevision: 4 });
      await expect(store.hashKV(4)).rejects.toThrow('required revision has been compacted');
    });

    it('status reports sizes and a raft index that every write advances', async () => {
      const { store } = ctx;
      const before = await store.status();
      await store.put({ key: b('a'), value: b('1') });
      await store.deleteRange({ key: b('none') });
      await store.leaseGrant({ TTL: 10 });
      const after = await store.status();
      expect(after.raftIndex - before.raftIndex).toBe(3);
      expect(after.header.revision).toBe(2);
      expect(after.dbSize).toBeGreaterThan(0);
      expect(after.dbSizeInUse).toBeLessThanOrEqual(after.dbSize);
    });

    it('defragment gives space back and loses nothing', async () => {
      const { store } = ctx;
      for (let i = 0; i < 200; i++) await store.put({ key: b(`k${i}`), value: Buffer.alloc(2000, 1) });
      await store.deleteRange({ key: b('k'), rangeEnd: b('l') });
      await store.put({ key: b('keep'), value: b('me') });
      await store.compact({ revision: (await store.status()).header.revision });
      const before = await store.status();
      await store.defragment();
      const after = await store.status();
      expect(after.dbSize).toBeLessThan(before.dbSize);
      expect(str((await store.range({ key: b('keep') })).kvs[0]!.value)).toBe('me');
    });

    it('snapshot save then restore gives the same keys, revisions and hash', async () => {
      const { store, sut } = ctx;
      const dir = mkdtempSync(join(tmpdir(), 'kubedojo-snapshot-'));
      try {
        for (let i = 0; i < 20; i++) await store.put({ key: b(`s/${i % 7}`), value: b(String(i)) });
        const info = await store.snapshotSave(join(dir, 'snap.db'));
        await store.put({ key: b('after'), value: b('snapshot') });
        expect(info.revision).toBe(21);
        const restored = await sut.restore(join(dir, 'snap.db'));
        const all = await restored.range({ key: Buffer.from([0]), rangeEnd: Buffer.from([0]) });
        expect(all.header.revision).toBe(21);
        expect(keysOf(all.kvs)).toEqual(['s/0', 's/1', 's/2', 's/3', 's/4', 's/5', 's/6']);
        expect(all.kvs.map((kv) => [kv.createRevision, kv.modRevision, kv.version])[0]).toEqual([2, 16, 3]);
        expect((await restored.hashKV()).hash).toBe(info.hash);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('keeps metadata for the servers', async () => {
      const { store } = ctx;
      expect(await store.getMeta('member_id')).toBeUndefined();
      await store.setMeta('member_id', '8e9e05c52164694d');
      expect(await store.getMeta('member_id')).toBe('8e9e05c52164694d');
    });
  });
}
