// kubectl wait cases, in namespace mt-wait: conditions, JSONPath values, create and delete, the
// timeout and "condition not met" errors, the --for parsing errors; and waits that only end
// because something changes while they watch (run against a change made one second in).
import { expect } from 'vitest';
import type { RunResult, TestCluster } from '../support/cluster.js';
import { runOurs } from './in-process.js';
import type { MutateCase } from './mutate-harness.js';
import { normalise } from './normalise.js';

export const WAIT_NS = 'mt-wait';
const n = (...args: string[]): string[] => ['-n', WAIT_NS, ...args];

export const WAIT_SEED: string[][] = [
  n('create', 'configmap', 'w1', '--from-literal=a=b'),
  n('create', 'configmap', 'w2'),
  n('create', 'deployment', 'wd', '--image=nginx'),
];

export const WAIT_CASES: MutateCase[] = [
  { args: n('wait', 'deploy', 'wd', '--for=condition=Available') },
  { args: n('wait', 'deploy/wd', '--for=condition=available=TRUE', '-o', 'name') },
  { args: n('wait', 'deploy', 'wd', '--for=condition=Available=false', '--timeout=1s') },
  { args: n('wait', 'deploy', 'wd', '--for=condition=Progressing', '--timeout=0') },
  { args: n('wait', 'cm', 'w1', '--for=condition=Ready', '--timeout=0') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath={.data.a}=b') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath=.data.a=b', '--timeout=0') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath={.metadata.name}') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath={.data.a}=c', '--timeout=1s') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath={.metadata}=x', '--timeout=0') },
  { args: n('wait', 'cm', '--all', '--for=jsonpath={.metadata.namespace}=mt-wait') },
  { args: n('wait', 'cm', 'w1', 'w2', 'nope', '--for=jsonpath={.metadata.name}', '--timeout=1s') },
  { args: n('wait', 'cm', 'w1', '--for=create') },
  { args: n('wait', 'cm', 'w1', '--for=create', '-o', 'yaml') },
  { args: n('wait', 'cm', 'nope', '--for=create', '--timeout=1s') },
  { args: n('wait', 'cm', 'nope', '--for=delete') },
  { args: n('wait', 'cm', 'w1', '--for=delete', '--timeout=0') },
  { args: n('wait', 'cm', 'w1', '--for=Delete', '--timeout=1s') },
  { args: n('wait', 'cm', 'nope', '--for=condition=Ready') },
  { args: n('wait', 'cm', '-l', 'none=x', '--for=condition=Ready') },
  { args: n('wait', 'cm', '-l', 'none=x', '--for=delete') },
  { args: n('wait', 'cm', 'w1') },
  { args: n('wait', 'cm', 'w1', '--for=foo') },
  { args: n('wait', 'cm', 'w1', '--for=CONDITION=x') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath={.data') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath=') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath={.data.a}=') },
  { args: n('wait', 'cm', 'w1', '--for=jsonpath={.data.a}=b=c') },
  { args: n('wait', 'cm', 'w1', '-o', 'wibble', '--for=create') },
  { args: n('wait', '--for=create') },
  { args: n('wait', 'cm', '--for=create') },
];

/** A wait that a change made during it must end: `change` runs one second after the wait starts. */
export interface WatchCase {
  args: string[];
  setup: string[][];
  change: string[];
  undo: string[][];
}

const hold = (name: string): string[][] => [
  n('create', 'configmap', name),
  n('patch', 'configmap', name, '--type=merge', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}'),
];

export const WATCH_CASES: WatchCase[] = [
  {
    args: n('wait', 'cm', 'wl', '--for=jsonpath={.metadata.labels.ready}=yes', '--timeout=20s'),
    setup: [n('create', 'configmap', 'wl')], change: n('label', 'configmap', 'wl', 'ready=yes'), undo: [n('delete', 'configmap', 'wl')],
  },
  {
    args: n('wait', 'cm', 'wf', '--for=delete', '--timeout=20s'),
    setup: [...hold('wf'), n('delete', 'configmap', 'wf', '--wait=false')],
    change: n('patch', 'configmap', 'wf', '--type=merge', '-p', '{"metadata":{"finalizers":null}}'), undo: [],
  },
  {
    args: n('delete', 'cm', 'wg', '--timeout=20s'),
    setup: hold('wg'), change: n('patch', 'configmap', 'wg', '--type=merge', '-p', '{"metadata":{"finalizers":null}}'), undo: [],
  },
  {
    args: n('wait', 'cm', 'wc', '--for=create', '--timeout=20s'),
    setup: [], change: n('create', 'configmap', 'wc'), undo: [n('delete', 'configmap', 'wc')],
  },
];

async function watchSide(c: TestCluster, k: WatchCase, run: () => Promise<RunResult>): Promise<RunResult> {
  for (const s of k.setup) await c.kubectl(s);
  const later = new Promise<void>((r) => setTimeout(r, 1000)).then(() => c.kubectl(k.change));
  const [r] = await Promise.all([run(), later]);
  for (const s of k.undo) await c.kubectl(s);
  return r;
}

export async function expectSameWatch(c: TestCluster, k: WatchCase): Promise<void> {
  const real = await watchSide(c, k, () => c.kubectl(k.args));
  const ours = await watchSide(c, k, () => runOurs(k.args, c.env));
  const show = (r: RunResult) => ({ code: r.code, stdout: normalise(r.stdout), stderr: normalise(r.stderr) });
  expect(show(ours), `kubectl ${k.args.join(' ')}`).toEqual(show(real));
}
