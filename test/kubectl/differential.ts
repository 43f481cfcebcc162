// The differential harness: one command through the real kubectl and ours, same cluster, same
// environment; stdout, stderr and exit code must be equal. Raw output is compared first; only
// when it differs are ages (and the column widths that follow them) and klog headers normalised.
import { expect } from 'vitest';
import type { RunResult, TestCluster } from '../support/cluster.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

export interface Case {
  /** argv after `kubectl` */
  args: string[];
  stdin?: string;
  /** run after each side of a mutating command, to give the other side the same state */
  undo?: string[][];
  env?: NodeJS.ProcessEnv;
  /** stdout interleaves `[pod/…]`-prefixed streams in an order the real kubectl leaves to Go's
   * map iteration (logs -l --prefix): compare with lines stably grouped by that prefix */
  groupByPrefix?: boolean;
  /** lines the real kubectl prints or not depending on goroutine timing: dropped from both sides */
  racy?: RegExp;
}

function dropLines(text: string, racy: RegExp): string {
  return text.split('\n').filter((l) => !racy.test(l)).join('\n');
}

function groupByPrefix(text: string): string {
  const lines = text.split('\n');
  const key = (l: string) => /^\[[^\]]*\]/.exec(l)?.[0] ?? '';
  return lines.map((l, i) => ({ l, i })).sort((a, b) => (key(a.l) < key(b.l) ? -1 : key(a.l) > key(b.l) ? 1 : a.i - b.i)).map((x) => x.l).join('\n');
}

function same(a: string, b: string): boolean {
  return a === b || normalise(a) === normalise(b);
}

async function runSide(c: TestCluster, side: 'real' | 'ours', k: Case): Promise<RunResult> {
  const opts = { ...(k.stdin === undefined ? {} : { stdin: k.stdin }), ...(k.env ? { env: k.env } : {}) };
  const r = side === 'real' ? await c.kubectl(k.args, opts) : await runOurs(k.args, { ...c.env, ...k.env }, opts);
  for (const u of k.undo ?? []) await c.kubectl(u);
  return r;
}

export async function expectSame(c: TestCluster, k: Case): Promise<void> {
  const real = await runSide(c, 'real', k);
  const ours = await runSide(c, 'ours', k);
  if (k.racy !== undefined) {
    for (const r of [real, ours]) [r.stdout, r.stderr] = [dropLines(r.stdout, k.racy), dropLines(r.stderr, k.racy)];
  }
  if (k.groupByPrefix === true) {
    real.stdout = groupByPrefix(real.stdout);
    ours.stdout = groupByPrefix(ours.stdout);
  }
  const show = (r: RunResult) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });
  if (same(real.stdout, ours.stdout) && same(real.stderr, ours.stderr) && real.code === ours.code) return;
  expect(show(ours), `kubectl ${k.args.join(' ')}`).toEqual(show(real));
}
