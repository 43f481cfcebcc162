// A one-node cluster for kubelet tests: the fake client with node01 (podCIDR 10.244.1.0/24),
// a kubelet on the fake clock with a temporary node folder, and readers for what it wrote.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFS } from '../client/refs.js';
import type { Client, DeleteOptions, Obj } from '../client/types.js';
import { fakeEnv } from '../controllers/framework/testing.js';
import { startKubelet, type RunningKubelet } from './kubelet.js';
import type { ContainerStatus, Pod } from './pod-spec.js';
import { settle } from './testing.js';

const NODE = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, spec: { podCIDR: '10.244.1.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.49.3' }] } };

export function podOf(name: string, spec: Record<string, unknown>): Obj {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: 'node01', ...spec }, status: { phase: 'Pending', qosClass: 'BestEffort', conditions: [{ type: 'PodScheduled', status: 'True' }] } };
}

const running: RunningKubelet[] = [];
const dirs: string[] = [];

/** Stops the kubelets the test started and removes their node folders (afterEach). */
export async function shutdown(): Promise<void> {
  for (const k of running.splice(0)) await k.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A fake API with node01 and pods, and a kubelet for node01 on a fake clock. */
export async function boot(...pods: Obj[]) {
  const env = fakeEnv();
  const deletes: { name: string; opts?: DeleteOptions }[] = [];
  const client = new Proxy(env.fake, {
    get: (t, p) => (p === 'delete' ? (ref: never, ns: string, name: string, opts?: DeleteOptions) => { deletes.push({ name, ...(opts ? { opts } : {}) }); return t.delete(ref, ns, name, opts); } : Reflect.get(t, p)),
  }) as Client;
  env.fake.seed(REFS.nodes, NODE);
  for (const p of pods) env.fake.seed(REFS.pods, p);
  const root = mkdtempSync(join(tmpdir(), 'kubelet-'));
  dirs.push(root);
  const start = () => startKubelet({ node: 'node01', client, now: env.clock.now, timers: env.clock, log: (m) => env.logs.push(m), root });
  let k = start();
  running.push(k);
  await settle();
  /** Stops the kubelet as a daemon stop does (processes gone, API untouched) and starts a new one. */
  const restart = async () => {
    await k.stop();
    k = start();
    running.push(k);
    await settle();
  };
  const pod = (name: string) => env.fake.peek<Pod>(REFS.pods, 'default', name);
  const status = (name: string, c?: string): ContainerStatus | undefined => pod(name)?.status?.containerStatuses?.find((s) => !c || s.name === c);
  const events = () => env.fake.all<Obj & { reason: string; message: string; count: number }>(REFS.events, 'default');
  return { ...env, root, deletes, pod, status, events, restart, kubelet: () => k };
}

/** The fake client removes an object with a deletionTimestamp on its next write; a finalizer keeps it to look at. */
export const keep = (p: Obj): Obj => ({ ...p, metadata: { ...p.metadata, finalizers: ['test/keep'] } });

export const cond = (p: Pod | undefined, type: string) => p?.status?.conditions?.find((c) => c.type === type);

