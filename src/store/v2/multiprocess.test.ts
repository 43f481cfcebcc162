// Two processes on one file: a child `node` process (the store bundled with esbuild) writes, and
// a watcher here must see it promptly; concurrent writers must not lose or reorder an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { makeTestStore, type TestStore } from './testkit.js';

const here = dirname(fileURLToPath(import.meta.url));

// The child: opens the file, says "ready", then runs each command line it is sent.
const CHILD = `
import { createInterface } from 'node:readline';
import { openDb } from '../sqlite/db.js';
import { createV2Store } from './store.js';
const db = openDb(process.argv[2]);
const store = createV2Store(db);
const say = (msg) => process.stdout.write(JSON.stringify(msg) + '\\n');
createInterface({ input: process.stdin }).on('line', async (line) => {
  const cmd = JSON.parse(line);
  if (cmd.op === 'set') {
    const r = await store.set(cmd.key, { value: cmd.value });
    say({ at: Date.now(), index: r.index });
  } else if (cmd.op === 'many') {
    for (let i = 0; i < cmd.n; i++) await store.set(cmd.prefix + i, { value: 'child' });
    say({ done: true });
  } else {
    db.close();
    process.exit(0);
  }
});
say({ ready: true });
`;

let tmp: string;
let bundle: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'kubedojo-v2-child-'));
  bundle = join(tmp, 'child.cjs');
  await build({
    stdin: { contents: CHILD, resolveDir: here, loader: 'ts', sourcefile: 'child.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: bundle,
    logLevel: 'error',
  });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Child {
  proc: ChildProcessWithoutNullStreams;
  next(): Promise<Record<string, unknown>>;
  send(cmd: object): void;
}

function startChild(file: string): Child {
  const nodeModules = resolve(here, '../../../node_modules');
  const proc = spawn(process.execPath, [bundle, file], { env: { ...process.env, NODE_PATH: nodeModules } });
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  createInterface({ input: proc.stdout }).on('line', (line) => {
    const w = waiters.shift();
    if (w) w(line);
    else lines.push(line);
  });
  return {
    proc,
    next: () =>
      new Promise((res) => {
        const line = lines.shift();
        if (line !== undefined) res(JSON.parse(line));
        else waiters.push((l) => res(JSON.parse(l)));
      }),
    send: (cmd) => proc.stdin.write(`${JSON.stringify(cmd)}\n`),
  };
}

describe('v2 store shared by two processes', () => {
  let ts: TestStore;
  let child: Child;

  beforeAll(async () => {
    ts = makeTestStore({ clock: Date.now });
    child = startChild(ts.file);
    expect(await child.next()).toEqual({ ready: true });
  });
  afterAll(async () => {
    const exited = new Promise((r) => child.proc.once('exit', r));
    child.send({ op: 'exit' });
    await exited;
    ts.cleanup();
  });

  it('a watcher here sees a write made by the child within the poll interval', async () => {
    const w = await ts.store.watch('/k');
    const seen = w.firstEvent.then((ev) => ({ ev, at: Date.now() }));
    child.send({ op: 'set', key: '/k', value: 'from-child' });
    const wrote = await child.next();
    const { ev, at } = await seen;
    expect(ev).toMatchObject({ action: 'set', node: { key: '/k', value: 'from-child' }, index: wrote.index });
    // The poll runs every 10 ms; the bound here is deliberately loose (a busy machine).
    expect(at - (wrote.at as number)).toBeLessThan(250);
  });

  it('concurrent writers in both processes get distinct, gap-free indexes', async () => {
    const start = await ts.store.index();
    const n = 200;
    const seen: number[] = [];
    const w = await ts.store.watch('/c', { recursive: true, stream: true }, (ev) => seen.push(ev.index));
    child.send({ op: 'many', prefix: '/c/child-', n });
    for (let i = 0; i < n; i++) await ts.store.set(`/c/parent-${i}`, { value: 'parent' });
    expect(await child.next()).toEqual({ done: true });
    expect(await ts.store.index()).toBe(start + 2 * n);
    const listed = (await ts.store.get('/c')).node.nodes ?? [];
    expect(listed).toHaveLength(2 * n);
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(2 * n);
    expect(seen).toEqual(Array.from({ length: 2 * n }, (_, i) => start + 1 + i));
    w.cancel();
  });
});
