// The differential harness of `kubectl debug`: each side works on objects of its own (an `@` in
// an argument becomes `-real` or `-ours`), so both start from the same state; their stdout,
// stderr and exit code must be equal once the random name suffixes (debugger-xxxxx,
// node-debugger-NODE-xxxxx) and the side's own names are masked — and so must what each made:
// the target's newest ephemeral container, the copy, or the node debugging pod (which are then
// deleted).
import { expect } from 'vitest';
import type { RunResult, TestCluster } from '../support/cluster.js';
import { runOurs } from './in-process.js';

type Side = 'real' | 'ours';

export type Made =
  | { kind: 'ephemeral'; pod: string }
  | { kind: 'copy'; pod: string; sameNode?: boolean }
  | { kind: 'node' };

export interface DebugCase {
  /** argv after `kubectl`; `@` becomes `-real` or `-ours` */
  args: string[];
  stdin?: string;
  made?: Made;
}

const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
const MASKS: [RegExp, string][] = [
  [new RegExp(`\\b(node-debugger-[a-z0-9.-]+?-)${SUFFIX}\\b`, 'g'), '$1xxxxx'],
  [new RegExp(`\\b(debugger-)${SUFFIX}\\b`, 'g'), '$1xxxxx'],
  [new RegExp(`\\b(kube-api-access-)${SUFFIX}\\b`, 'g'), '$1xxxxx'],
  [/-(real|ours)\b/g, '@'],
];

export const mask = (text: string): string => MASKS.reduce((t, [re, to]) => t.replace(re, to), text);

const named = (s: string, side: Side): string => s.replaceAll('@', `-${side}`);

async function must(c: TestCluster, args: string[]): Promise<string> {
  const r = await c.kubectl(args);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

const podNames = async (c: TestCluster): Promise<string[]> => (await must(c, ['get', 'pods', '-o', 'name'])).split('\n').filter(Boolean);

type Pod = { metadata: Record<string, unknown>; spec: Record<string, unknown> & { ephemeralContainers?: unknown[] }; status?: unknown };

/** The pod as both sides must have made it: no identity, times, status or (scheduled) node. */
function comparable(pod: Pod, keepNode: boolean): string {
  const { uid, resourceVersion, creationTimestamp, managedFields, name, ...metadata } = pod.metadata;
  void [uid, resourceVersion, creationTimestamp, managedFields, name];
  const { nodeName, ...spec } = pod.spec;
  return mask(JSON.stringify({ metadata, spec: keepNode ? { ...spec, nodeName } : spec }, null, 2));
}

async function getPod(c: TestCluster, name: string): Promise<Pod | undefined> {
  const r = await c.kubectl(['get', 'pod', name, '-o', 'json']);
  return r.code === 0 ? (JSON.parse(r.stdout) as Pod) : undefined;
}

/** What the side made, for comparison; copies and node pods are deleted. */
async function made(c: TestCluster, m: Made, side: Side, before: string[]): Promise<string> {
  if (m.kind === 'ephemeral') {
    const ecs = (await getPod(c, named(m.pod, side)))?.spec.ephemeralContainers ?? [];
    return mask(JSON.stringify(ecs[ecs.length - 1] ?? null, null, 2));
  }
  const name = m.kind === 'copy' ? named(m.pod, side) : (await podNames(c)).find((p) => !before.includes(p) && p.includes('node-debugger-'))?.slice('pod/'.length);
  if (name === undefined) return 'no node debugging pod';
  const pod = await getPod(c, name);
  if (pod) await must(c, ['delete', 'pod', name, '--now']);
  return pod ? comparable(pod, m.kind === 'node' || m.sameNode === true) : 'not made';
}

async function side(c: TestCluster, who: Side, k: DebugCase): Promise<{ run: RunResult; made?: string }> {
  const args = k.args.map((a) => named(a, who));
  const before = k.made?.kind === 'node' ? await podNames(c) : [];
  const opts = k.stdin === undefined ? {} : { stdin: k.stdin };
  const run = who === 'real' ? await c.kubectl(args, opts) : await runOurs(args, c.env, opts);
  return { run, ...(k.made ? { made: await made(c, k.made, who, before) } : {}) };
}

export async function expectSameDebug(c: TestCluster, k: DebugCase): Promise<void> {
  const real = await side(c, 'real', k);
  const ours = await side(c, 'ours', k);
  const show = (s: { run: RunResult; made?: string }) => ({ code: s.run.code, stdout: mask(s.run.stdout), stderr: mask(s.run.stderr), made: s.made });
  expect(show(ours), `kubectl ${k.args.join(' ')}`).toEqual(show(real));
}
