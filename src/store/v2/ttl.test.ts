// TTLs against a fake clock: rendering, rounding, expiry on next access and by expireNow, expire
// events with their own index, directory TTLs, refresh.
import { afterEach, describe, expect, it } from 'vitest';
import { T0, makeTestStore, rejection, type TestStore } from './testkit.js';

let ts: TestStore;
afterEach(() => ts.cleanup());

describe('v2 TTLs', () => {
  it('renders expiration and a TTL rounded up, then expires on next access', async () => {
    ts = makeTestStore();
    const s = ts.store;
    const set = await s.set('/t', { value: 'v', ttl: 100 });
    expect(set.node).toEqual({ key: '/t', value: 'v', expiration: '2026-01-02T03:05:45Z', ttl: 100, modifiedIndex: 4, createdIndex: 4 });
    const rows: [number, number][] = [
      [500, 100],
      [1000, 99],
      [99_000, 1],
      [99_999, 1],
    ];
    for (const [after, ttl] of rows) {
      ts.clock.now = T0 + after;
      expect((await s.get('/t')).node.ttl).toBe(ttl);
    }
    ts.clock.now = T0 + 100_000;
    expect(await rejection(s.get('/t'))).toMatchObject({ errorCode: 100, cause: '/t', index: 5 });
    const w = await s.watch('/t', { waitIndex: 5 });
    expect(await w.firstEvent).toEqual({
      action: 'expire',
      node: { key: '/t', modifiedIndex: 5, createdIndex: 4 },
      prevNode: { key: '/t', value: 'v', expiration: '2026-01-02T03:05:45Z', modifiedIndex: 4, createdIndex: 4 },
      index: 5,
    });
  });

  it('expireNow removes due keys earliest first, one index each', async () => {
    ts = makeTestStore();
    const s = ts.store;
    await s.set('/late', { value: 'v', ttl: 20 });
    await s.set('/early', { value: 'v', ttl: 10 });
    await s.set('/keep', { value: 'v' });
    expect(await s.expireNow()).toEqual([]);
    ts.clock.now = T0 + 30_000;
    const events = await s.expireNow();
    expect(events.map((e) => [e.action, e.node.key, e.index])).toEqual([
      ['expire', '/early', 7],
      ['expire', '/late', 8],
    ]);
    expect((await s.get('/', { sorted: true })).node.nodes?.map((n) => n.key)).toEqual(['/keep']);
  });

  it('a directory TTL takes the directory and everything below with one event', async () => {
    ts = makeTestStore();
    const s = ts.store;
    const mk = await s.set('/td', { dir: true, ttl: 10, prevExist: false });
    expect(mk.node).toMatchObject({ key: '/td', dir: true, ttl: 10 });
    await s.set('/td/k', { value: 'v', ttl: 60 });
    await s.set('/td/sub/k', { value: 'v' });
    ts.clock.now = T0 + 10_000;
    const [ev, ...rest] = await s.expireNow();
    expect(rest).toEqual([]);
    expect(ev).toMatchObject({ action: 'expire', node: { key: '/td', dir: true, modifiedIndex: 7, createdIndex: 4 }, prevNode: { dir: true } });
    expect(await rejection(s.get('/td/sub/k'))).toMatchObject({ errorCode: 100, cause: '/td', index: 7 });
    ts.clock.now = T0 + 60_000;
    expect(await s.expireNow()).toEqual([]);
  });

  it('ttl 0 expires at once; a write without ttl makes the key permanent', async () => {
    ts = makeTestStore();
    const s = ts.store;
    const zero = await s.set('/z', { value: 'v', ttl: 0 });
    expect(zero.node).toEqual({ key: '/z', value: 'v', expiration: '2026-01-02T03:04:05Z', modifiedIndex: 4, createdIndex: 4 });
    expect(await rejection(s.get('/z'))).toMatchObject({ errorCode: 100, index: 5 });
    await s.set('/p', { value: 'v', ttl: 5 });
    const upd = await s.set('/p', { value: 'w', prevExist: true });
    expect(upd.node.expiration).toBeUndefined();
    expect(upd.prevNode).toMatchObject({ ttl: 5 });
    const cas = await s.set('/p', { value: 'x', prevValue: 'w', ttl: 30 });
    expect(cas.node).toMatchObject({ ttl: 30, value: 'x' });
    ts.clock.now = T0 + 60_000;
    expect(await rejection(s.get('/p'))).toMatchObject({ errorCode: 100 });
  });

  it('updatedir sets and clears a directory TTL', async () => {
    ts = makeTestStore();
    const s = ts.store;
    await s.set('/d', { dir: true });
    const withTtl = await s.set('/d', { dir: true, prevExist: true, ttl: 100 });
    expect(withTtl.node).toMatchObject({ key: '/d', dir: true, ttl: 100, modifiedIndex: 5, createdIndex: 4 });
    expect((await s.get('/d')).node).toMatchObject({ ttl: 100, modifiedIndex: 4 });
    const cleared = await s.set('/d', { dir: true, prevExist: true });
    expect(cleared.node.ttl).toBeUndefined();
    expect(cleared.prevNode).toMatchObject({ ttl: 100 });
  });

  it('refresh resets the TTL, keeps the value, bumps the index, and tells no watcher', async () => {
    ts = makeTestStore();
    const s = ts.store;
    await s.set('/r', { value: 'v', ttl: 5 });
    const w = await s.watch('/r');
    const seen: string[] = [];
    w.firstEvent.then((e) => seen.push(e?.action ?? 'none'));
    ts.clock.now = T0 + 4_000;
    const viaSet = await s.set('/r', { refresh: true, ttl: 50 });
    expect(viaSet).toMatchObject({ action: 'set', node: { value: 'v', ttl: 50, modifiedIndex: 5, createdIndex: 5 }, prevNode: { ttl: 1 } });
    const viaUpdate = await s.set('/r', { refresh: true, prevExist: true, ttl: 60 });
    expect(viaUpdate).toMatchObject({ action: 'update', node: { value: 'v', ttl: 60, modifiedIndex: 6, createdIndex: 5 } });
    const viaCas = await s.set('/r', { refresh: true, prevValue: 'v', ttl: 70 });
    expect(viaCas).toMatchObject({ action: 'compareAndSwap', node: { value: 'v', ttl: 70 }, index: 7 });
    // The history skips refreshes too.
    const past = await s.watch('/r', { waitIndex: 5 });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([]);
    await s.set('/r', { value: 'new' });
    expect(await w.firstEvent).toMatchObject({ action: 'set', index: 8, node: { value: 'new' } });
    expect(await past.firstEvent).toMatchObject({ action: 'set', index: 8 });
  });

  it('ignores an expiry before 2000, as etcd does when creating', async () => {
    ts = makeTestStore();
    ts.clock.now = Date.UTC(1990, 0, 1);
    const r = await ts.store.set('/old', { value: 'v', ttl: 10 });
    expect(r.node.expiration).toBeUndefined();
  });

  it('a waiting watcher sees the expiry without any other call', async () => {
    ts = makeTestStore();
    await ts.store.set('/k', { value: 'v', ttl: 1 });
    const w = await ts.store.watch('/k');
    ts.clock.now = T0 + 1_000;
    expect(await w.firstEvent).toMatchObject({ action: 'expire', index: 5, node: { key: '/k' } });
  });
});
