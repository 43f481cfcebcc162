// The differential harness for mutating verbs: each case runs its setup, the real kubectl, its
// undo; then the setup, ours, the undo — so both sides start from the same state — and the two
// results must be equal after normalising (ages, UIDs, times, resourceVersions, klog headers).
// client-go's informer sometimes logs (through klog, from reflector.go) that its list or watch was
// cut short when a wait times out — a race in the real kubectl; such lines are dropped.
import { expect } from 'vitest';
import { COMMANDS } from '../../src/cli/kubectl/commands/index.js';
import { MUTATE_COMMANDS } from '../../src/cli/kubectl/commands/mutate-index.js';
import type { RunResult, TestCluster } from '../support/cluster.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

// Our commands are registered here until the command index lists them.
Object.assign(COMMANDS, MUTATE_COMMANDS);

export interface MutateCase {
  /** argv after `kubectl` */
  args: string[];
  stdin?: string;
  /** run (with the real kubectl) before each side */
  setup?: string[][];
  /** run (with the real kubectl) after each side */
  undo?: string[][];
  /** extra normalisation for values that differ between two runs (e.g. a resourceVersion in a message) */
  mask?: [RegExp, string][];
  /** `get` arguments of an object the controllers still update after the previous case's undo
   * (a deployment's status): each side waits until its resourceVersion stays put, so
   * `patched` vs `patched (no change)` does not depend on when a status write lands */
  settle?: string[];
}

async function settled(c: TestCluster, target: string[]): Promise<void> {
  const rv = async () => (await c.kubectl(['get', ...target, '-o', 'jsonpath={.metadata.resourceVersion}'])).stdout;
  let last = await rv();
  for (let same = 0, tries = 0; same < 3 && tries < 40; tries++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await rv();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

const REFLECTOR = /^[EWI]\d{4} [\d:.]+ +\d+ reflector\.go:\d+\] .*\n/gm;

function clean(text: string, k: MutateCase): string {
  let out = normalise(text.replace(REFLECTOR, ''));
  for (const [re, to] of k.mask ?? []) out = out.replace(re, to);
  return out;
}

async function steps(c: TestCluster, list: string[][] | undefined): Promise<void> {
  for (const s of list ?? []) await c.kubectl(s);
}

async function side(c: TestCluster, who: 'real' | 'ours', k: MutateCase): Promise<RunResult> {
  await steps(c, k.setup);
  if (k.settle) await settled(c, k.settle);
  const opts = k.stdin === undefined ? {} : { stdin: k.stdin };
  const r = who === 'real' ? await c.kubectl(k.args, opts) : await runOurs(k.args, c.env, opts);
  await steps(c, k.undo);
  return r;
}

export async function expectSameMutation(c: TestCluster, k: MutateCase): Promise<void> {
  const real = await side(c, 'real', k);
  const ours = await side(c, 'ours', k);
  const show = (r: RunResult) => ({ code: r.code, stdout: clean(r.stdout, k), stderr: clean(r.stderr, k) });
  expect(show(ours), `kubectl ${k.args.join(' ')}`).toEqual(show(real));
}

/** A case's name in the test list. */
export const title = (k: MutateCase): string => k.args.join(' ');
