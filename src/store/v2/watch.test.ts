// Watches: from the history by index (etcd's scan rules, quirks included), live events (etcd's
// watcherHub rules), streams, cancellation and the bounded history (401).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTestStore, rejection, type TestStore } from './testkit.js';
import type { V2Result, V2Store, V2WatchOptions } from './types.js';

let ts: TestStore;
afterEach(() => ts.cleanup());

const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));

/** Collects what a watcher gets: waits (up to 5 s) for `expect` events, then a few polls more. */
async function collect(
  s: V2Store,
  key: string,
  opts: V2WatchOptions,
  writes: (s: V2Store) => Promise<unknown>,
  expected: number,
): Promise<string[]> {
  const seen: string[] = [];
  const w = await s.watch(key, opts, (e) => seen.push(`${e.action} ${e.node.key} ${e.index}`));
  await writes(s);
  await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(expected), { timeout: 5000, interval: 5 });
  await tick();
  w.cancel();
  return seen;
}

/** /h/_x 4, /h/y 5, /h/_d/z 6, /h deleted 7, /r/a/b 8, /r/c 9, /r deleted 10. */
async function history(s: V2Store): Promise<void> {
  await s.set('/h/_x', { value: '1' });
  await s.set('/h/y', { value: '2' });
  await s.set('/h/_d/z', { value: '3' });
  await s.delete('/h', { recursive: true });
  await s.set('/r/a/b', { value: '1' });
  await s.set('/r/c', { value: '2' });
  await s.delete('/r', { recursive: true });
}

describe('v2 watch from the history', () => {
  it.each<[string, string, V2WatchOptions, string]>([
    ['the key itself', '/h/y', { waitIndex: 4 }, 'set /h/y 5'],
    ['a later event on the key', '/r/a/b', { waitIndex: 9 }, 'delete /r 10'],
    ['recursive: the first event below', '/h', { recursive: true, waitIndex: 4 }, 'set /h/_x 4'],
    ['recursive from the root', '/', { recursive: true, waitIndex: 8 }, 'set /r/a/b 8'],
    ['a deleted parent dir', '/h/y', { waitIndex: 6 }, 'delete /h 7'],
    ['a deleted dir matches by plain prefix (etcd quirk)', '/hx', { waitIndex: 1 }, 'delete /h 7'],
    ['non-recursive ignores children', '/r', { waitIndex: 1 }, 'delete /r 10'],
  ])('%s', async (_name, key, opts, want) => {
    ts = makeTestStore();
    await history(ts.store);
    const w = await ts.store.watch(key, opts);
    const ev = await w.firstEvent;
    expect(`${ev?.action} ${ev?.node.key} ${ev?.node.modifiedIndex}`).toBe(want);
    // etcd stamps a replayed event with the index the watch started at.
    expect(ev?.index).toBe(10);
    expect(w.startIndex).toBe(10);
    await w.done;
  });

  it('rejects an index older than the kept history with 401', async () => {
    ts = makeTestStore({ historyCapacity: 5 });
    const s = ts.store;
    for (let i = 0; i < 10; i++) await s.set('/k', { value: String(i) });
    expect(await s.index()).toBe(13);
    const err = await rejection(s.watch('/k', { waitIndex: 8 }));
    expect(err).toMatchObject({ errorCode: 401, cause: 'the requested history has been cleared [9/8]', index: 13 });
    expect(String(err)).toBe('401: The event in requested index is outdated and cleared (the requested history has been cleared [9/8]) [13]');
    expect(await (await s.watch('/k', { waitIndex: 9 })).firstEvent).toMatchObject({ node: { value: '5', modifiedIndex: 9 } });
  });

  it('keeps the last 1000 events by default, as etcd', async () => {
    ts = makeTestStore();
    const s = ts.store;
    await s.set('/k', { value: 'first' });
    expect(await (await s.watch('/k', { waitIndex: 1 })).firstEvent).toMatchObject({ node: { value: 'first' } });
    for (let i = 1; i < 1000; i++) await s.set('/k', { value: String(i) });
    expect(await s.index()).toBe(1003);
    expect(await rejection(s.watch('/k', { waitIndex: 3 }))).toMatchObject({ errorCode: 401, cause: 'the requested history has been cleared [4/3]' });
    expect(await (await s.watch('/k', { waitIndex: 4 })).firstEvent).toMatchObject({ node: { value: 'first', modifiedIndex: 4 } });
  });

  it('rejects a bad waitIndex with 203', async () => {
    ts = makeTestStore();
    expect(await rejection(ts.store.watch('/k', { waitIndex: -1 }))).toMatchObject({ errorCode: 203, cause: 'invalid value for "waitIndex"', index: 0 });
  });
});

describe('v2 watch of new events', () => {
  it.each<[string, string, V2WatchOptions, (s: V2Store) => Promise<unknown>, string[]]>([
    ['the next write to the key', '/k', {}, async (s) => { await s.set('/k', { value: '1' }); await s.set('/k', { value: '2' }); }, ['set /k 4']],
    ['a future waitIndex skips earlier events', '/k', { waitIndex: 6 }, async (s) => { for (const v of ['1', '2', '3']) await s.set('/k', { value: v }); }, ['set /k 6']],
    ['recursive sees children, not hidden ones', '/d', { recursive: true, stream: true }, async (s) => { await s.set('/d/_h', { value: '1' }); await s.set('/d/a/_h', { value: '1' }); await s.set('/d/a/b', { value: '1' }); }, ['set /d/a/b 6']],
    ['a hidden key watched directly is seen', '/d/_h', {}, (s) => s.set('/d/_h', { value: '1' }), ['set /d/_h 4']],
    ['non-recursive ignores children', '/d', { stream: true }, async (s) => { await s.set('/d/a', { value: '1' }); await s.delete('/d', { recursive: true }); }, ['delete /d 5', 'delete /d 5']],
    ['a deleted parent reaches a watcher of an existing child', '/s/a/b', { stream: true }, async (s) => { await s.set('/s/a/b', { value: '1' }); await s.delete('/s', { recursive: true }); }, ['set /s/a/b 4', 'delete /s 5']],
    ['a deleted parent does not reach a watcher of a missing child', '/s/zz', { stream: true }, async (s) => { await s.set('/s/a', { value: '1' }); await s.delete('/s', { recursive: true }); }, []],
    ['a stream hears a delete of its key twice (etcd quirk)', '/s', { stream: true }, async (s) => { await s.set('/s', { value: '1' }); await s.delete('/s'); }, ['set /s 4', 'delete /s 5', 'delete /s 5']],
    ['… and a one-shot watcher once', '/s', {}, async (s) => { await s.set('/s', { value: '1' }); await s.delete('/s'); }, ['set /s 4']],
    ['expire and compareAndDelete reach the key', '/c', { stream: true }, async (s) => { await s.set('/c', { value: '1' }); await s.delete('/c', { prevValue: '1' }); }, ['set /c 4', 'compareAndDelete /c 5', 'compareAndDelete /c 5']],
    ['a recursive stream from the root sees every visible write', '/', { recursive: true, stream: true }, async (s) => { await s.set('/a', { value: '1' }); await s.set('/_x', { value: '1' }); await s.createInOrder('/q', { value: 'v' }); }, ['set /a 4', 'create /q/00000000000000000006 6']],
  ])('%s', async (_name, key, opts, writes, want) => {
    ts = makeTestStore();
    expect(await collect(ts.store, key, opts, writes, want.length)).toEqual(want);
  });

  it('a stream answered from the history gets that one event only (etcd quirk)', async () => {
    ts = makeTestStore();
    await ts.store.set('/k', { value: 'old' });
    expect(await collect(ts.store, '/k', { stream: true, waitIndex: 4 }, (s) => s.set('/k', { value: 'new' }), 1)).toEqual(['set /k 4']);
  });

  it('cancel ends the watch with no event', async () => {
    ts = makeTestStore();
    const got: V2Result[] = [];
    const w = await ts.store.watch('/k', {}, (e) => got.push(e));
    w.cancel();
    w.cancel();
    expect(await w.firstEvent).toBeNull();
    await w.done;
    await ts.store.set('/k', { value: 'v' });
    await tick();
    expect(got).toEqual([]);
  });

  it('close ends every watcher of the handle', async () => {
    ts = makeTestStore();
    const a = await ts.store.watch('/a', { stream: true });
    const b = await ts.store.watch('/b');
    ts.store.close();
    await Promise.all([a.done, b.done]);
    expect(await b.firstEvent).toBeNull();
  });

  it('a throwing callback ends the watch and rejects done', async () => {
    ts = makeTestStore();
    const w = await ts.store.watch('/k', { stream: true }, () => {
      throw new Error('boom');
    });
    await ts.store.set('/k', { value: 'v' });
    await expect(w.done).rejects.toThrow('boom');
  });

  it('sees writes made through another handle on the same file', async () => {
    ts = makeTestStore();
    const other = ts.reopen();
    const w = await ts.store.watch('/k');
    await other.set('/k', { value: 'from-other' });
    expect(await w.firstEvent).toMatchObject({ action: 'set', node: { value: 'from-other' }, index: 4 });
  });
});
