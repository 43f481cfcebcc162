// Txn: compares on every target with every operator, both branches, nesting, limits, atomicity.
import { describe, expect, it } from 'vitest';
import type { Compare, CompareResult, CompareTarget, RequestOp } from '../../src/store/index.js';
import type { Backend } from './harness.js';
import { b, keysOf, str, useStore } from './fixture.js';

const putOp = (k: string, v: string): RequestOp => ({ requestPut: { key: b(k), value: b(v) } });

export function txnConformance(backend: Backend): void {
  describe(`${backend.name}: txn`, () => {
    const ctx = useStore(backend);

    // After setup: k has value "m", version 2, create 2, mod 3, lease L.
    const setup = async (): Promise<bigint> => {
      const { ID } = await ctx.store.leaseGrant({ TTL: 100 });
      await ctx.store.put({ key: b('k'), value: b('a') });
      await ctx.store.put({ key: b('k'), value: b('m'), lease: ID });
      return ID;
    };
    const cmp = (target: CompareTarget, result: CompareResult, v: string | number | bigint): Compare => {
      const c: Compare = { key: b('k'), target, result };
      if (target === 'VALUE') c.value = b(String(v));
      if (target === 'VERSION') c.version = Number(v);
      if (target === 'CREATE') c.createRevision = Number(v);
      if (target === 'MOD') c.modRevision = Number(v);
      if (target === 'LEASE') c.lease = BigInt(v);
      return c;
    };
    const cases: [CompareTarget, string | number, [CompareResult, boolean][]][] = [
      ['VALUE', 'm', [['EQUAL', true], ['NOT_EQUAL', false], ['GREATER', false], ['LESS', false]]],
      ['VALUE', 'b', [['EQUAL', false], ['NOT_EQUAL', true], ['GREATER', true], ['LESS', false]]],
      ['VERSION', 2, [['EQUAL', true], ['NOT_EQUAL', false], ['GREATER', false], ['LESS', false]]],
      ['VERSION', 3, [['LESS', true], ['GREATER', false]]],
      ['CREATE', 2, [['EQUAL', true], ['GREATER', false]]],
      ['CREATE', 1, [['GREATER', true], ['LESS', false]]],
      ['MOD', 3, [['EQUAL', true], ['NOT_EQUAL', false]]],
      ['MOD', 9, [['LESS', true], ['EQUAL', false]]],
    ];
    for (const [target, operand, expectations] of cases) {
      for (const [result, want] of expectations) {
        it(`${target} ${result} ${operand} → ${want}`, async () => {
          await setup();
          const r = await ctx.store.txn({ compare: [cmp(target, result, operand)], success: [putOp('s', '1')], failure: [putOp('f', '1')] });
          expect(r.succeeded).toBe(want);
          expect((await ctx.store.range({ key: b(want ? 's' : 'f') })).count).toBe(1);
        });
      }
    }

    it('compares the lease', async () => {
      const id = await setup();
      expect((await ctx.store.txn({ compare: [cmp('LEASE', 'EQUAL', id)], success: [], failure: [] })).succeeded).toBe(true);
      expect((await ctx.store.txn({ compare: [cmp('LEASE', 'EQUAL', 0)], success: [], failure: [] })).succeeded).toBe(false);
    });

    it('a missing key compares as zeros, but never equals a value', async () => {
      const { store } = ctx;
      const missing = (c: Compare): Compare => ({ ...c, key: b('nope') });
      expect((await store.txn({ compare: [missing(cmp('VERSION', 'EQUAL', 0))], success: [], failure: [] })).succeeded).toBe(true);
      expect((await store.txn({ compare: [missing(cmp('CREATE', 'EQUAL', 0))], success: [], failure: [] })).succeeded).toBe(true);
      expect((await store.txn({ compare: [missing(cmp('VALUE', 'EQUAL', ''))], success: [], failure: [] })).succeeded).toBe(false);
      expect((await store.txn({ compare: [missing(cmp('VALUE', 'NOT_EQUAL', 'x'))], success: [], failure: [] })).succeeded).toBe(false);
    });

    it('a compare over a range must hold for every key in it', async () => {
      const { store } = ctx;
      await store.put({ key: b('r/1'), value: b('x') });
      await store.put({ key: b('r/2'), value: b('x') });
      const over = (v: string): Compare => ({ key: b('r/'), rangeEnd: b('r0'), target: 'VALUE', result: 'EQUAL', value: b(v) });
      expect((await store.txn({ compare: [over('x')], success: [], failure: [] })).succeeded).toBe(true);
      await store.put({ key: b('r/2'), value: b('y') });
      expect((await store.txn({ compare: [over('x')], success: [], failure: [] })).succeeded).toBe(false);
    });

    it('all writes of a txn share one revision; reads inside see earlier writes', async () => {
      const { store } = ctx;
      await store.put({ key: b('old'), value: b('1') }); // 2
      const r = await store.txn({
        compare: [],
        success: [putOp('x', '1'), { requestRange: { key: b('x') } }, { requestDeleteRange: { key: b('old') } }, putOp('y', '2')],
        failure: [],
      });
      expect(r).toMatchObject({ succeeded: true, header: { revision: 3 } });
      const inner = r.responses[1];
      expect(inner && 'responseRange' in inner && str(inner.responseRange.kvs[0]!.value)).toBe('1');
      expect(inner && 'responseRange' in inner && inner.responseRange.header.revision).toBe(3);
      const all = await store.range({ key: Buffer.from([0]), rangeEnd: Buffer.from([0]) });
      expect(keysOf(all.kvs)).toEqual(['x', 'y']);
      expect(all.kvs.map((kv) => kv.modRevision)).toEqual([3, 3]);
    });

    it('a txn with no change keeps the revision', async () => {
      await ctx.store.put({ key: b('a'), value: b('1') });
      const r = await ctx.store.txn({ compare: [], success: [{ requestRange: { key: b('a') } }, { requestDeleteRange: { key: b('zz') } }], failure: [] });
      expect(r.header.revision).toBe(2);
      expect((await ctx.store.put({ key: b('q'), value: b('1') })).header.revision).toBe(3);
    });

    it('a read-only txn is no proposal: the raft index stays', async () => {
      await ctx.store.put({ key: b('a'), value: b('1') });
      const before = (await ctx.store.status()).raftIndex;
      await ctx.store.txn({ compare: [], success: [{ requestRange: { key: b('a') } }], failure: [{ requestRange: { key: b('z') } }] });
      expect((await ctx.store.status()).raftIndex).toBe(before);
      await ctx.store.txn({ compare: [], success: [], failure: [putOp('f', '1')] });
      expect((await ctx.store.status()).raftIndex).toBe(before + 1);
    });

    it('runs nested txns', async () => {
      const { store } = ctx;
      await store.put({ key: b('a'), value: b('1') });
      const nested = { requestTxn: { compare: [{ key: b('a'), target: 'VALUE' as const, result: 'EQUAL' as const, value: b('1') }], success: [putOp('n', 'yes')], failure: [] } };
      const r = await store.txn({ compare: [], success: [nested], failure: [] });
      const inner = r.responses[0];
      expect(inner && 'responseTxn' in inner && inner.responseTxn.succeeded).toBe(true);
      expect(str((await store.range({ key: b('n') })).kvs[0]!.value)).toBe('yes');
    });

    it('refuses duplicate keys in a branch, and a put inside a deleted range', async () => {
      const { store } = ctx;
      await expect(store.txn({ compare: [], success: [putOp('a', '1'), putOp('a', '2')], failure: [] })).rejects.toThrow('etcdserver: duplicate key given in txn request');
      await expect(store.txn({ compare: [], success: [{ requestDeleteRange: { key: b('a'), rangeEnd: b('c') } }, putOp('b', '2')], failure: [] })).rejects.toThrow('etcdserver: duplicate key given in txn request');
      // the same key in different branches is fine
      await store.txn({ compare: [], success: [putOp('a', '1')], failure: [putOp('a', '2')] });
      expect((await store.range({ key: b('a') })).header.revision).toBe(2);
    });

    it('refuses more than 128 operations in a list and writes nothing', async () => {
      const ops = Array.from({ length: 129 }, (_, i) => putOp(`k${i}`, 'v'));
      await expect(ctx.store.txn({ compare: [], success: ops, failure: [] })).rejects.toThrow('etcdserver: too many operations in txn request');
      expect((await ctx.store.range({ key: b('k0') })).header.revision).toBe(1);
      await ctx.store.txn({ compare: [], success: ops.slice(0, 128), failure: [] });
      expect((await ctx.store.range({ key: b('k'), rangeEnd: b('l') })).count).toBe(128);
    });

    it('a failing operation rolls back the whole txn', async () => {
      const { store } = ctx;
      const r = store.txn({ compare: [], success: [putOp('a', '1'), { requestPut: { key: b('b'), value: b('1'), lease: 42n } }], failure: [] });
      await expect(r).rejects.toThrow('etcdserver: requested lease not found');
      expect((await store.range({ key: b('a') })).kvs).toEqual([]);
      expect((await store.put({ key: b('z'), value: b('1') })).header.revision).toBe(2);
    });
  });
}
