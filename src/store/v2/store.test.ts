// Table-driven checks of the v2 operations: each row runs its setup on a fresh store, then one
// operation, and compares the result (or the error's code, cause and index).
import { afterEach, describe, expect, it } from 'vitest';
import { ensureSchema } from '../sqlite/schema.js';
import { V2Error } from './errors.js';
import { makeTestStore, rejection, type TestStore } from './testkit.js';
import type { V2Result, V2Store } from './types.js';

type Op = (s: V2Store) => Promise<V2Result>;
const set = (key: string, opts: Parameters<V2Store['set']>[1] = {}): Op => (s) => s.set(key, opts);
const del = (key: string, opts: Parameters<V2Store['delete']>[1] = {}): Op => (s) => s.delete(key, opts);
const post = (key: string, opts: Parameters<V2Store['createInOrder']>[1] = {}): Op => (s) => s.createInOrder(key, opts);
const get = (key: string, opts: Parameters<V2Store['get']>[1] = {}): Op => (s) => s.get(key, opts);
const mkdir = (key: string): Op => set(key, { dir: true, prevExist: false });
const f = (key: string, value: string, mi: number, ci = mi) => ({ key, value, modifiedIndex: mi, createdIndex: ci });
const d = (key: string, mi: number, ci = mi) => ({ key, dir: true as const, modifiedIndex: mi, createdIndex: ci });

let ts: TestStore | undefined;
afterEach(() => ts?.cleanup());

async function run(setup: Op[], op: Op): Promise<V2Result | V2Error> {
  ts = makeTestStore();
  for (const s of setup) await s(ts.store);
  try {
    return await op(ts.store);
  } catch (err) {
    if (err instanceof V2Error) return err;
    throw err;
  }
}

const errorRows: [string, Op[], Op, number, string, number][] = [
  ['get missing', [], get('/nothere'), 100, '/nothere', 3],
  ['get below a missing dir names the first missing key', [set('/a/b', { value: '1' })], get('/a/x/y'), 100, '/a/x', 4],
  ['update missing', [], set('/k', { value: 'v', prevExist: true }), 100, '/k', 3],
  ['CAS on a missing key', [], set('/k', { value: 'v', prevValue: 'old' }), 100, '/k', 3],
  ['refresh of a missing key', [], set('/k', { refresh: true, ttl: 5 }), 100, '/k', 3],
  ['delete missing', [], del('/k'), 100, '/k', 3],
  ['CAS value mismatch', [set('/k', { value: 'old' })], set('/k', { value: 'new', prevValue: 'nope' }), 101, '[nope != old]', 4],
  ['CAS index mismatch', [set('/k', { value: 'old' })], set('/k', { value: 'new', prevIndex: 1 }), 101, '[1 != 4]', 4],
  ['CAS both mismatch', [set('/k', { value: 'old' })], set('/k', { value: 'n', prevValue: 'nope', prevIndex: 1 }), 101, '[nope != old] [1 != 4]', 4],
  ['CAD value mismatch', [set('/k', { value: 'v' })], del('/k', { prevValue: 'x' }), 101, '[x != v]', 4],
  ['CAD index mismatch', [set('/k', { value: 'v' })], del('/k', { prevIndex: 1 }), 101, '[1 != 4]', 4],
  ['set on a dir', [mkdir('/dir')], set('/dir', { value: 'v' }), 102, '/dir', 4],
  ['setdir on a dir', [mkdir('/d')], set('/d', { dir: true, ttl: 50 }), 102, '/d', 4],
  ['update a dir with a value', [mkdir('/d')], set('/d', { value: 'v', prevExist: true }), 102, '/d', 4],
  ['delete a dir without dir', [mkdir('/d')], del('/d'), 102, '/d', 4],
  ['CAS on a dir', [mkdir('/d')], set('/d', { value: 'v', prevValue: 'x' }), 102, '/d', 4],
  ['CAD on a dir', [mkdir('/d')], del('/d', { prevIndex: 4 }), 102, '/d', 4],
  ['CAD on the root has no cause', [], del('/', { prevValue: 'x' }), 102, '', 3],
  ['set below a file', [set('/f', { value: 'v' })], set('/f/x', { value: 'v' }), 104, '/f', 4],
  ['get below a file', [set('/f', { value: 'v' })], get('/f/x/y'), 104, '/f', 4],
  ['POST below a file', [set('/f', { value: 'v' })], post('/f', { value: 'v' }), 104, '/f', 4],
  ['create an existing key', [set('/k', { value: 'v' })], set('/k', { value: 'v', prevExist: false }), 105, '/k', 4],
  ['mkdir an existing dir', [mkdir('/dir')], mkdir('/dir'), 105, '/dir', 4],
  ['mkdir an existing file', [set('/f', { value: 'v' })], mkdir('/f'), 105, '/f', 4],
  ['set the root', [], set('/', { value: 'x' }), 107, '/', 3],
  ['setdir the root', [], set('', { dir: true }), 107, '/', 3],
  ['update the root', [], set('/', { prevExist: true }), 107, '/', 3],
  ['create the root', [], set('/', { prevExist: false }), 107, '/', 3],
  ['CAS the root', [], set('/', { value: 'y', prevValue: 'x' }), 107, '/', 3],
  ['delete the root', [], del('/', { recursive: true }), 107, '/', 3],
  ['rmdir a non-empty dir', [set('/d/k', { value: 'v' })], del('/d', { dir: true }), 108, '/d', 4],
  ['rmdir a dir holding only hidden keys', [set('/d/_k', { value: 'v' })], del('/d', { dir: true }), 108, '/d', 4],
  ['empty prevValue', [], set('/k', { value: 'v', prevValue: '' }), 201, '"prevValue" cannot be empty', 0],
  ['empty prevValue on delete', [], del('/k', { prevValue: '' }), 201, '"prevValue" cannot be empty', 0],
  ['negative ttl', [], set('/k', { value: 'v', ttl: -1 }), 202, 'invalid value for "ttl"', 0],
  ['fractional ttl', [], post('/q', { value: 'v', ttl: 1.5 }), 202, 'invalid value for "ttl"', 0],
  ['negative prevIndex', [], set('/k', { value: 'v', prevIndex: -1 }), 203, 'invalid value for "prevIndex"', 0],
  ['refresh with a value', [set('/k', { value: 'v' })], set('/k', { refresh: true, ttl: 5, value: 'x' }), 211, 'A value was provided on a refresh', 0],
  ['refresh without ttl', [set('/k', { value: 'v' })], set('/k', { refresh: true }), 212, 'No TTL value set', 0],
];

describe('v2 errors: code, cause and index as etcd gives them', () => {
  it.each(errorRows)('%s', async (_name, setup, op, code, cause, index) => {
    const got = await run(setup, op);
    expect(got).toBeInstanceOf(V2Error);
    expect(got).toMatchObject({ errorCode: code, cause, index });
    // A failed write leaves the index alone.
    expect(await ts!.store.index()).toBe(3 + setup.length);
  });
});

const resultRows: [string, Op[], Op, Partial<V2Result>][] = [
  ['first write gets index 4', [], set('/foo', { value: 'bar' }), { action: 'set', node: f('/foo', 'bar', 4), index: 4 }],
  ['relative keys are rooted and cleaned', [], set('foo//bar/', { value: 'v' }), { node: f('/foo/bar', 'v', 4) }],
  ['set replaces: new createdIndex, prevNode', [set('/foo', { value: 'old' })], set('/foo', { value: 'new' }), { action: 'set', node: f('/foo', 'new', 5), prevNode: f('/foo', 'old', 4) }],
  ['create', [], set('/new', { value: 'x', prevExist: false }), { action: 'create', node: f('/new', 'x', 4) }],
  ['mkdir', [], mkdir('/dir'), { action: 'create', node: d('/dir', 4) }],
  ['update keeps createdIndex', [set('/k', { value: 'old' })], set('/k', { value: 'new', prevExist: true }), { action: 'update', node: f('/k', 'new', 5, 4), prevNode: f('/k', 'old', 4) }],
  ['CAS by value', [set('/k', { value: 'old' })], set('/k', { value: 'new', prevValue: 'old' }), { action: 'compareAndSwap', node: f('/k', 'new', 5, 4) }],
  ['CAS by index', [set('/k', { value: 'old' })], set('/k', { value: 'new', prevIndex: 4 }), { action: 'compareAndSwap', index: 5 }],
  ['prevExist=true with prevValue is CAS', [set('/k', { value: 'old' })], set('/k', { value: 'n', prevExist: true, prevValue: 'old' }), { action: 'compareAndSwap' }],
  ['setdir on a file turns it into a dir', [set('/f', { value: 'v' })], set('/f', { dir: true }), { action: 'set', node: d('/f', 5), prevNode: f('/f', 'v', 4) }],
  ['updatedir on a file empties its value', [set('/f', { value: 'v' })], set('/f', { dir: true, prevExist: true }), { action: 'update', node: f('/f', '', 5, 4) }],
  ['updatedir on a dir: event has the new index…', [mkdir('/d')], set('/d', { dir: true, prevExist: true }), { action: 'update', node: d('/d', 5, 4), index: 5 }],
  ['…but the dir keeps its modifiedIndex', [mkdir('/d'), set('/d', { dir: true, prevExist: true })], get('/d'), { node: d('/d', 4), index: 5 }],
  ['set creates parents with the same index', [], set('/a/b/c', { value: 'v' }), { node: f('/a/b/c', 'v', 4) }],
  ['parents exist afterwards', [set('/a/b/c', { value: 'v' })], get('/a'), { node: { ...d('/a', 4), nodes: [d('/a/b', 4)] } }],
  ['in-order key', [post('/queue', { value: 'job1' })], post('/queue', { value: 'job2' }), { action: 'create', node: f('/queue/00000000000000000005', 'job2', 5) }],
  ['in-order under the root', [], post('/', { value: 'q' }), { node: f('/00000000000000000004', 'q', 4) }],
  ['in-order dir', [], post('/q', { dir: true }), { node: d('/q/00000000000000000004', 4) }],
  ['delete a file', [set('/k', { value: 'v' })], del('/k'), { action: 'delete', node: { key: '/k', modifiedIndex: 5, createdIndex: 4 }, prevNode: f('/k', 'v', 4) }],
  ['rmdir on a file deletes it', [set('/f', { value: 'v' })], del('/f', { dir: true }), { action: 'delete', index: 5 }],
  ['rmdir an empty dir', [mkdir('/d')], del('/d', { dir: true }), { action: 'delete', node: d('/d', 5, 4), prevNode: d('/d', 4) }],
  ['rm -r a tree', [set('/d/k', { value: 'v' }), set('/d/s/k', { value: 'v' })], del('/d', { recursive: true }), { node: d('/d', 6, 4), index: 6 }],
  ['CAD by value', [set('/k', { value: 'v' })], del('/k', { prevValue: 'v' }), { action: 'compareAndDelete', node: { key: '/k', modifiedIndex: 5, createdIndex: 4 } }],
  ['CAD by index', [set('/k', { value: 'v' })], del('/k', { prevIndex: 4 }), { action: 'compareAndDelete', index: 5 }],
  ['get of the root', [], get('/'), { action: 'get', node: { key: '/', dir: true, modifiedIndex: 0, createdIndex: 0 }, index: 3 }],
  [
    'get lists one level, hiding _names',
    [set('/d/b', { value: '2' }), set('/d/_h', { value: 'h' }), set('/d/a', { value: '1' }), set('/d/s/c', { value: '3' })],
    get('/d', { sorted: true }),
    { node: { ...d('/d', 4), nodes: [f('/d/a', '1', 6), f('/d/b', '2', 4), d('/d/s', 7)] } },
  ],
  [
    'recursive get lists every level',
    [set('/d/b', { value: '2' }), set('/d/s/c', { value: '3' }), set('/d/_h/x', { value: 'h' })],
    get('/d', { recursive: true, sorted: true }),
    { node: { ...d('/d', 4), nodes: [f('/d/b', '2', 4), { ...d('/d/s', 5), nodes: [f('/d/s/c', '3', 5)] }] } },
  ],
  ['a hidden key can be read directly', [set('/_h', { value: 'h' })], get('/_h'), { node: f('/_h', 'h', 4) }],
];

describe('v2 operations', () => {
  it.each(resultRows)('%s', async (_name, setup, op, want) => {
    const got = await run(setup, op);
    expect(got).not.toBeInstanceOf(Error);
    expect(got).toMatchObject(want);
  });

  it('every successful write bumps the index by one, reads and failures do not', async () => {
    ts = makeTestStore();
    const s = ts.store;
    const steps: [Op, number][] = [
      [get('/'), 3],
      [set('/a', { value: '1' }), 4],
      [get('/a'), 4],
      [post('/q', { value: 'x' }), 5],
      [set('/a', { value: '2', prevValue: '1' }), 6],
      [set('/a', { value: '3', prevExist: true }), 7],
      [set('/b', { value: '1', prevExist: false }), 8],
      [del('/b', { prevValue: '1' }), 9],
      [del('/q', { recursive: true }), 10],
    ];
    for (const [op, index] of steps) expect((await op(s)).index).toBe(index);
    await rejection(s.set('/a', { value: 'x', prevValue: 'nope' }));
    expect(await s.index()).toBe(10);
  });

  it('a recursive delete takes everything below', async () => {
    ts = makeTestStore();
    await ts.store.set('/d/s/k', { value: 'v' });
    await ts.store.delete('/d', { recursive: true });
    expect(await rejection(ts.store.get('/d/s/k'))).toMatchObject({ errorCode: 100, cause: '/d', index: 5 });
    expect((await ts.store.get('/')).node.nodes).toBeUndefined();
  });

  it('keeps its state in the file: another handle sees it', async () => {
    ts = makeTestStore();
    await ts.store.set('/k', { value: 'v' });
    const other = ts.reopen();
    expect((await other.get('/k')).node).toEqual(f('/k', 'v', 4));
    expect(await other.index()).toBe(4);
  });

  it('is separate from the v3 keyspace in the same file', async () => {
    ts = makeTestStore();
    ensureSchema(ts.db);
    await ts.store.set('/foo', { value: 'from-v2' });
    expect(ts.db.prepare('SELECT count(*) FROM kv_live').pluck().get()).toBe(0);
    expect(ts.db.prepare("SELECT value FROM meta WHERE name = 'revision'").pluck().get()).toBe('1');
    ts.db.prepare("INSERT INTO kv_live (key, rev, sub, lease) VALUES (CAST('/bar' AS BLOB), 2, 0, 0)").run();
    expect(await rejection(ts.store.get('/bar'))).toMatchObject({ errorCode: 100 });
  });
});
