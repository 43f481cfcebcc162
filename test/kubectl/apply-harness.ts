// The differential harness for the manifest commands: each side (the real kubectl, then ours)
// starts from the same state (setup commands run by the real kubectl), runs the command, has
// the cluster state read back (state commands), and is undone (cleanup); outputs and states
// must be equal once what differs by nature is masked — ages, uids, times, resourceVersions,
// klog headers, diff's temporary directories and file times, edit's temporary file names.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunResult, TestCluster } from '../support/cluster.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

export interface Step {
  args: string[];
  /** real kubectl commands run before each side */
  setup?: string[][];
  /** kubectl commands (run by the real one) whose output must match after each side */
  state?: string[][];
  /** real kubectl commands run after each side */
  cleanup?: string[][];
  env?: NodeJS.ProcessEnv;
  stdin?: string;
}

export function mask(text: string): string {
  return normalise(text
    .replace(/(LIVE|MERGED)-\d+/g, '$1-X')
    .replace(/^((?:---|\+\+\+) \S+)\t.*$/gm, '$1')
    .replace(/kubectl-edit-\d+\.(yaml|json)/g, 'kubectl-edit-X.$1')
    .replace(/("?(?:clusterIP|clusterIPs)"?:?\s*(?:-\s*)?\[?\s*)"?\d+\.\d+\.\d+\.\d+"?/g, '$1<ip>'));
}

async function quiet(c: TestCluster, cmds: string[][] | undefined): Promise<void> {
  for (const cmd of cmds ?? []) await c.kubectl(cmd);
}

async function side(c: TestCluster, who: 'real' | 'ours', s: Step): Promise<{ result: RunResult; state: string[] }> {
  await quiet(c, s.setup);
  // diff's directories and edit's kept files go to $TMPDIR: the test home's, removed with it
  const tmp = join(c.home, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const opts = { ...(s.stdin === undefined ? {} : { stdin: s.stdin }), env: { TMPDIR: tmp, ...s.env } };
  const result = who === 'real' ? await c.kubectl(s.args, opts) : await runOurs(s.args, { ...c.env, ...opts.env }, opts);
  const state: string[] = [];
  for (const cmd of s.state ?? []) {
    const r = await c.kubectl(cmd);
    state.push(mask(r.stdout + r.stderr));
  }
  await quiet(c, s.cleanup);
  return { result, state };
}

/** `<home>` in a step's strings stands for the test home (known once the cluster runs). */
function resolveHome(s: Step, home: string): Step {
  const sub = (x: string): string => x.split('<home>').join(home);
  const cmds = (l: string[][] | undefined): string[][] | undefined => l?.map((cmd) => cmd.map(sub));
  const env = s.env ? Object.fromEntries(Object.entries(s.env).map(([k, v]) => [k, v === undefined ? v : sub(v)])) : undefined;
  return {
    args: s.args.map(sub), ...(s.setup ? { setup: cmds(s.setup)! } : {}), ...(s.state ? { state: cmds(s.state)! } : {}),
    ...(s.cleanup ? { cleanup: cmds(s.cleanup)! } : {}), ...(env ? { env } : {}), ...(s.stdin === undefined ? {} : { stdin: s.stdin }),
  };
}

export async function expectSameStep(c: TestCluster, step: Step): Promise<void> {
  const s = resolveHome(step, c.home);
  const real = await side(c, 'real', s);
  const ours = await side(c, 'ours', s);
  const shown = (x: { result: RunResult; state: string[] }) => ({
    code: x.result.code, stdout: mask(x.result.stdout), stderr: mask(x.result.stderr), state: x.state,
  });
  expect(shown(ours), `kubectl ${s.args.join(' ')}`).toEqual(shown(real));
}

