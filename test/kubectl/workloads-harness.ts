// The differential harness of the workload commands (rollout, set, expose, autoscale, drain):
// each case runs its `before` steps, the real kubectl, its `undo` steps; then (after `gapMs`, for
// commands that depend on the clock's second) the same with ours — so both sides start from the
// same state — and the results must be equal after normalising ages, UIDs, times, revisions,
// klog headers, and whatever the case says differs between two runs (pod names, line order).
import { expect } from 'vitest';
import { COMMANDS } from '../../src/cli/kubectl/commands/index.js';
import { WORKLOAD_COMMANDS } from '../../src/cli/kubectl/commands/workload-index.js';
import type { RunResult, TestCluster } from '../support/cluster.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

// Our commands, registered here whether or not the command index lists them yet.
Object.assign(COMMANDS, WORKLOAD_COMMANDS);

export interface WorkloadCase {
  /** argv after `kubectl` */
  args: string[];
  stdin?: string;
  /** real kubectl steps before each side */
  before?: string[][];
  /** real kubectl steps after each side */
  undo?: string[][];
  /** pause between the two sides (rollout restart stamps the time to the second) */
  gapMs?: number;
  /** [pattern, replacement] applied to both sides' output */
  mask?: [RegExp, string][];
  /** compare the lines of stdout and stderr as sets (concurrent or map-ordered output) */
  unordered?: boolean;
  /** a rewrite of both sides' output (for parts kubectl prints in Go map order) */
  normalize?: (text: string) => string;
  /** what the case shows, when the argv alone does not say it */
  name?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs real-kubectl steps, failing the test when one fails. */
export async function steps(c: TestCluster, list: string[][] | undefined): Promise<void> {
  for (const s of list ?? []) {
    const r = await c.kubectl(s);
    if (r.code !== 0) throw new Error(`kubectl ${s.join(' ')} failed (${r.code}):\n${r.stdout}${r.stderr}`);
  }
}

/** `kubectl apply -f -` of a manifest, with the real kubectl. */
export async function apply(c: TestCluster, yaml: string): Promise<void> {
  const r = await c.kubectl(['apply', '-f', '-'], { stdin: yaml });
  if (r.code !== 0) throw new Error(`apply failed:\n${r.stderr}`);
}

function clean(text: string, k: WorkloadCase): string {
  let out = normalise(text);
  for (const [re, to] of k.mask ?? []) out = out.replace(re, to);
  if (k.normalize) out = k.normalize(out);
  if (k.unordered) out = out.split('\n').sort().join('\n');
  return out;
}

async function side(c: TestCluster, who: 'real' | 'ours', k: WorkloadCase): Promise<RunResult> {
  await steps(c, k.before);
  const opts = k.stdin === undefined ? {} : { stdin: k.stdin };
  const r = who === 'real' ? await c.kubectl(k.args, opts) : await runOurs(k.args, c.env, opts);
  for (const s of k.undo ?? []) await c.kubectl(s);
  return r;
}

export async function expectSameWorkload(c: TestCluster, k: WorkloadCase): Promise<void> {
  const real = await side(c, 'real', k);
  if (k.gapMs) await sleep(k.gapMs);
  const ours = await side(c, 'ours', k);
  const show = (r: RunResult) => ({ code: r.code, stdout: clean(r.stdout, k), stderr: clean(r.stderr, k) });
  expect(show(ours), `kubectl ${k.args.join(' ')}`).toEqual(show(real));
}

export const title = (k: WorkloadCase): string => k.name ?? k.args.join(' ');
