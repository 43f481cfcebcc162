// Leases: grant, revoke, time-to-live, list, keep-alive and expiry on the store's clock.
import { describe, expect, it } from 'vitest';
import type { Backend } from './harness.js';
import { b, keysOf, useStore } from './fixture.js';

export function leaseConformance(backend: Backend): void {
  describe(`${backend.name}: leases`, () => {
    const ctx = useStore(backend);

    it('grants with a generated ID (etcd member prefix) or a given one; minimum TTL is 2s', async () => {
      const { store } = ctx;
      const g = await store.leaseGrant({ TTL: 60 });
      expect(g.TTL).toBe(60);
      expect(g.ID > 0n).toBe(true);
      expect(g.ID >> 48n).toBe(0x694dn);
      expect((await store.leaseGrant({ TTL: 1 })).TTL).toBe(2);
      expect((await store.leaseGrant({ TTL: 10, ID: 0x1234n })).ID).toBe(0x1234n);
      await expect(store.leaseGrant({ TTL: 10, ID: 0x1234n })).rejects.toThrow('etcdserver: lease already exists');
      await expect(store.leaseGrant({ TTL: 9_000_000_001 })).rejects.toThrow('etcdserver: too large lease TTL');
      const ids = (await store.leaseLeases()).leases.map((l) => l.ID);
      expect(new Set(ids)).toEqual(new Set([g.ID, 0x1234n, ids.find((i) => i !== g.ID && i !== 0x1234n)]));
      expect(ids).toHaveLength(3);
    });

    it('revoke deletes the attached keys in one revision; unknown leases are an error', async () => {
      const { store } = ctx;
      const { ID } = await store.leaseGrant({ TTL: 60 });
      await store.put({ key: b('a'), value: b('1'), lease: ID });
      await store.put({ key: b('b'), value: b('1'), lease: ID });
      await store.put({ key: b('c'), value: b('1') });
      expect((await store.leaseRevoke(ID)).header.revision).toBe(5);
      expect(keysOf((await store.range({ key: Buffer.from([0]), rangeEnd: Buffer.from([0]) })).kvs)).toEqual(['c']);
      await expect(store.leaseRevoke(ID)).rejects.toThrow('etcdserver: requested lease not found');
    });

    it('time-to-live counts down on the clock and lists keys; keep-alive renews', async () => {
      const { store, clock } = ctx;
      const { ID } = await store.leaseGrant({ TTL: 600 });
      await store.put({ key: b('x'), value: b('1'), lease: ID });
      clock.advance(1);
      expect(await store.leaseTimeToLive(ID, true)).toMatchObject({ TTL: 599, grantedTTL: 600, keys: [b('x')] });
      expect((await store.leaseTimeToLive(ID)).keys).toEqual([]);
      clock.advance(100_000);
      expect((await store.leaseTimeToLive(ID)).TTL).toBe(499);
      expect((await store.leaseKeepAlive(ID)).TTL).toBe(600);
      expect((await store.leaseTimeToLive(ID)).TTL).toBe(600);
      expect(await store.leaseTimeToLive(0x77n)).toMatchObject({ TTL: -1, grantedTTL: 0 });
      expect((await store.leaseKeepAlive(0x77n)).TTL).toBe(0);
    });

    it('an expired lease takes its keys with it, even when nobody was running', async () => {
      const { store, clock, sut } = ctx;
      const { ID } = await store.leaseGrant({ TTL: 5 });
      await store.put({ key: b('eph'), value: b('1'), lease: ID });
      await store.close();
      clock.advance(5_000);
      const later = sut.open({ clock: clock.now });
      expect((await later.range({ key: b('eph') })).kvs).toEqual([]);
      expect((await later.leaseTimeToLive(ID)).TTL).toBe(-1);
      expect((await later.range({ key: b('eph'), revision: 2 })).kvs).toHaveLength(1);
      expect((await later.range({ key: b('eph') })).header.revision).toBe(3);
    });

    it('a lease another connection granted expires in this one too (nothing due is remembered only while nothing changes)', async () => {
      const { store, clock, sut } = ctx;
      const long = await store.leaseGrant({ TTL: 100 });
      await store.put({ key: b('here'), value: b('1') });
      expect((await store.range({ key: b('here') })).kvs).toHaveLength(1); // nothing due before 100 s
      const other = sut.open({ clock: clock.now });
      try {
        const short = await other.leaseGrant({ TTL: 5 });
        await other.put({ key: b('eph'), value: b('1'), lease: short.ID });
        expect((await store.range({ key: b('eph') })).kvs).toHaveLength(1);
        clock.advance(5_000);
        expect((await store.range({ key: b('eph') })).kvs).toEqual([]);
        expect((await store.leaseLeases()).leases.map((l) => l.ID)).toEqual([long.ID]);
        // and one this connection grants after its last check
        const mine = await store.leaseGrant({ TTL: 2 });
        await store.put({ key: b('mine'), value: b('1'), lease: mine.ID });
        clock.advance(2_000);
        expect((await store.range({ key: b('mine') })).kvs).toEqual([]);
      } finally {
        await other.close();
      }
    });

    it('expireLeases revokes only what is due', async () => {
      const { store, clock } = ctx;
      const short = await store.leaseGrant({ TTL: 10 });
      const long = await store.leaseGrant({ TTL: 100 });
      clock.advance(10_000);
      expect(await store.expireLeases()).toEqual([short.ID]);
      expect((await store.leaseLeases()).leases.map((l) => l.ID)).toEqual([long.ID]);
    });
  });
}
