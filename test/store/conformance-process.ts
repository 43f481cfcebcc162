// Several real processes on one store: compare-and-swap under contention, watches that see every
// other process's write, snapshots taken while others write, and a writer killed mid-transaction.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { Backend } from './harness.js';
import { b, eventually, str, useStore } from './fixture.js';
import { buildChild } from '../support/build-child.js';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

export function processConformance(backend: Backend): void {
  describe(`${backend.name}: several processes`, () => {
    const ctx = useStore(backend);
    let script = '';
    beforeAll(async () => {
      script = await buildChild(resolve(import.meta.dirname, 'child.ts'));
    });
    const start = (...args: string[]): ChildProcess => spawn(process.execPath, [script, args[0]!, JSON.stringify(ctx.sut.spec), ...args.slice(1)]);

    it('8 processes × 1,000 compare-and-swap increments end at exactly 8,000', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => run(start('cas', 'counter', '1000'))));
      for (const r of results) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      const kv = (await ctx.store.range({ key: b('counter') })).kvs[0]!;
      expect(str(kv.value)).toBe('8000');
      expect(kv.version).toBe(8000);
    }, 300_000);

    it('a watch sees every revision the other processes write, in order', async () => {
      const seen: number[] = [];
      const w = ctx.store.watch({ key: Buffer.from([0]), rangeEnd: Buffer.from([0]) }, (resp) => seen.push(...resp.events.map((e) => e.kv.modRevision)));
      const results = await Promise.all(['a/', 'b/', 'c/', 'd/'].map((p) => run(start('puts', p, '250'))));
      for (const r of results) expect(r.code).toBe(0);
      await eventually(() => seen.length >= 1000, 10_000);
      expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
      await w.cancel();
    }, 120_000);

    it('a snapshot taken while others write restores to exactly its revision', async () => {
      const writers = [start('writer'), start('puts', 'bulk/', '3000')];
      const done = writers.map(run);
      const dir = mkdtempSync(join(tmpdir(), 'kubedojo-snapshot-'));
      try {
        // Snapshot mid-write: once the writers have written something (a loaded machine starts
        // them late), while they go on.
        await new Promise((r) => setTimeout(r, 300));
        const written = async () => (await ctx.store.range({ key: Buffer.from([0]), rangeEnd: Buffer.from([0]), countOnly: true })).count;
        for (const deadline = Date.now() + 30_000; (await written()) === 0 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
        const info = await ctx.store.snapshotSave(join(dir, 'snap.db'));
        writers[0]!.kill('SIGKILL');
        await Promise.all(done);
        const restored = await ctx.sut.restore(join(dir, 'snap.db'));
        const all = { key: Buffer.from([0]), rangeEnd: Buffer.from([0]) };
        const mine = await restored.range(all);
        const theirs = await ctx.store.range({ ...all, revision: info.revision });
        expect(mine.header.revision).toBe(info.revision);
        expect(mine.kvs.length).toBeGreaterThan(0);
        expect(mine.kvs).toEqual(theirs.kvs);
        expect((await restored.hashKV()).hash).toBe((await ctx.store.hashKV(info.revision)).hash);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it('a writer killed mid-transaction loses nothing committed and leaves no partial write', async () => {
      const writer = start('writer');
      const finished = run(writer);
      await new Promise<void>((ready) => writer.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && ready()));
      await new Promise((r) => setTimeout(r, 200));
      writer.kill('SIGKILL');
      await finished;
      const reopened = ctx.sut.open();
      const pair = (await reopened.range({ key: b('pair/'), rangeEnd: b('pair0') })).kvs;
      expect(pair).toHaveLength(2);
      const [a, bb] = pair;
      expect(str(a!.value)).toBe(str(bb!.value));
      expect(a!.modRevision).toBe(bb!.modRevision);
      expect(a!.version).toBe(a!.modRevision - 1);
      expect((await reopened.status()).header.revision).toBe(a!.modRevision);
      // every committed revision holds both keys
      const mid = Math.floor(a!.modRevision / 2) + 1;
      const then = (await reopened.range({ key: b('pair/'), rangeEnd: b('pair0'), revision: mid })).kvs;
      expect(then.map((kv) => kv.modRevision)).toEqual([mid, mid]);
    }, 60_000);
  });
}
