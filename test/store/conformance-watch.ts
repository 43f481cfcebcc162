// Watch: from a revision, over a key, a prefix and a range, with prev_kv, filters, compaction.
import { describe, expect, it } from 'vitest';
import type { WatchEvent, WatchRequest, WatchResponse } from '../../src/store/index.js';
import type { Backend } from './harness.js';
import { b, eventually, str, useStore } from './fixture.js';

const brief = (e: WatchEvent): string => `${e.type} ${str(e.kv.key)}=${str(e.kv.value)}@${e.kv.modRevision}${e.prevKv ? ` prev=${str(e.prevKv.value)}` : ''}`;

export function watchConformance(backend: Backend): void {
  describe(`${backend.name}: watch`, () => {
    const ctx = useStore(backend);

    const collect = (req: WatchRequest): { events: string[]; responses: WatchResponse[]; cancel: () => Promise<void> } => {
      const events: string[] = [];
      const responses: WatchResponse[] = [];
      const w = ctx.store.watch(req, (resp) => {
        responses.push(resp);
        events.push(...resp.events.map(brief));
      });
      return { events, responses, cancel: () => w.cancel() };
    };

    it('sees future puts and deletes of a key, in order', async () => {
      const w = collect({ key: b('k') });
      await ctx.store.put({ key: b('k'), value: b('1') });
      await ctx.store.put({ key: b('other'), value: b('x') });
      await ctx.store.put({ key: b('k'), value: b('2') });
      await ctx.store.deleteRange({ key: b('k') });
      await eventually(() => w.events.length === 3);
      expect(w.events).toEqual(['PUT k=1@2', 'PUT k=2@4', 'DELETE k=@5']);
      await w.cancel();
    });

    it('replays history from a start revision, then goes on live', async () => {
      const { store } = ctx;
      await store.put({ key: b('p/a'), value: b('1') }); // 2
      await store.put({ key: b('q'), value: b('x') }); // 3
      await store.put({ key: b('p/b'), value: b('2') }); // 4
      const w = collect({ key: b('p/'), rangeEnd: b('p0'), startRevision: 2 });
      await eventually(() => w.events.length === 2);
      await store.put({ key: b('p/c'), value: b('3') }); // 5
      await eventually(() => w.events.length === 3);
      expect(w.events).toEqual(['PUT p/a=1@2', 'PUT p/b=2@4', 'PUT p/c=3@5']);
      await w.cancel();
    });

    it('a watch from a future revision waits for it', async () => {
      const { store } = ctx;
      await store.put({ key: b('f'), value: b('0') }); // 2
      const w = collect({ key: b('f'), startRevision: 5 });
      await new Promise((r) => setTimeout(r, 30)); // the watcher has looked once before the puts
      await store.put({ key: b('f'), value: b('1') }); // 3
      await store.put({ key: b('f'), value: b('2') }); // 4
      await store.put({ key: b('f'), value: b('3') }); // 5
      await store.put({ key: b('f'), value: b('4') }); // 6
      await eventually(() => w.events.length >= 2);
      expect(w.events).toEqual(['PUT f=3@5', 'PUT f=4@6']);
      await w.cancel();
    });

    it('gives prev_kv and honours the put/delete filters', async () => {
      const { store } = ctx;
      const prev = collect({ key: b('k'), prevKv: true });
      const onlyDeletes = collect({ key: b('k'), noPut: true });
      await store.put({ key: b('k'), value: b('1') });
      await store.put({ key: b('k'), value: b('2') });
      await store.deleteRange({ key: b('k') });
      await eventually(() => prev.events.length === 3 && onlyDeletes.events.length === 1);
      expect(prev.events).toEqual(['PUT k=1@2', 'PUT k=2@3 prev=1', 'DELETE k=@4 prev=2']);
      expect(onlyDeletes.events).toEqual(['DELETE k=@4']);
      await prev.cancel();
      await onlyDeletes.cancel();
    });

    it('from-key watches see every key at or after the key', async () => {
      const w = collect({ key: b('m'), rangeEnd: Buffer.from([0]) });
      for (const k of ['a', 'm', 'z']) await ctx.store.put({ key: b(k), value: b('1') });
      await eventually(() => w.events.length === 2);
      expect(w.events).toEqual(['PUT m=1@3', 'PUT z=1@4']);
      await w.cancel();
    });

    it('a watch from a compacted revision is cancelled with the compact revision', async () => {
      const { store } = ctx;
      for (const v of ['1', '2', '3', '4']) await store.put({ key: b('k'), value: b(v) });
      await store.compact({ revision: 4 });
      const w = collect({ key: b('k'), startRevision: 2 });
      await eventually(() => w.responses.length === 1);
      expect(w.responses[0]).toMatchObject({ canceled: true, compactRevision: 4, events: [] });
      const ok = collect({ key: b('k'), startRevision: 4 });
      await eventually(() => ok.events.length === 2);
      expect(ok.events).toEqual(['PUT k=3@4', 'PUT k=4@5']);
      await ok.cancel();
    });

    it('a cancelled watch gets nothing more', async () => {
      const w = collect({ key: b('k') });
      await w.cancel();
      await ctx.store.put({ key: b('k'), value: b('1') });
      await new Promise((r) => setTimeout(r, 50));
      expect(w.events).toEqual([]);
    });

    it('sees the deletions of a revoked lease', async () => {
      const { store } = ctx;
      const { ID } = await store.leaseGrant({ TTL: 60 });
      await store.put({ key: b('l/1'), value: b('1'), lease: ID });
      await store.put({ key: b('l/2'), value: b('2'), lease: ID });
      const w = collect({ key: b('l/'), rangeEnd: b('l0') });
      await store.leaseRevoke(ID);
      await eventually(() => w.events.length === 2);
      expect(w.events).toEqual(['DELETE l/1=@4', 'DELETE l/2=@4']);
      await w.cancel();
    });
  });
}
