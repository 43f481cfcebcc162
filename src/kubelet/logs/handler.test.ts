// The containerLogs endpoint on an in-process kubelet (fake API, fake clock): what `kubectl logs`
// reads from the pods it runs, and the errors it answers before a container has a run to read.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';
import { fakeEnv } from '../../controllers/framework/testing.js';
import { startKubelet, type RunningKubelet } from '../kubelet.js';
import type { Pod } from '../pod-spec.js';
import { podOf } from '../test-cluster.js';
import { settle, tick } from '../testing.js';
import type { LogSink } from './handler.js';
import type { PodLogOptions } from './options.js';

const NODE = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, spec: { podCIDR: '10.244.1.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.49.3' }] } };
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

async function boot(...pods: Obj[]) {
  const env = fakeEnv();
  env.fake.seed(REFS.nodes, NODE);
  for (const p of pods) env.fake.seed(REFS.pods, p);
  const root = mkdtempSync(join(tmpdir(), 'kubelet-logs-'));
  const k: RunningKubelet = startKubelet({ node: 'node01', client: env.fake, now: env.clock.now, timers: env.clock, log: (m) => env.logs.push(m), root });
  cleanup.push(() => k.stop(), () => rmSync(root, { recursive: true, force: true }));
  await settle();
  const pod = (name: string) => env.fake.peek<Pod>(REFS.pods, 'default', name)!;
  return { ...env, k, root, pod };
}

function sink() {
  const ac = new AbortController();
  const s = { chunks: [] as string[], started: false, ended: false, signal: ac.signal, abort: () => ac.abort() };
  const out: LogSink & typeof s = Object.assign(s, {
    start: () => { s.started = true; },
    write: (b: Buffer) => { s.chunks.push(b.toString()); },
    end: () => { s.ended = true; },
  });
  return out;
}

type T = Awaited<ReturnType<typeof boot>>;
async function logs(t: T, name: string, o: Partial<PodLogOptions> = {}, container = '') {
  const s = sink();
  const err = await t.k.containerLogs({ namespace: 'default', name, container, options: { follow: false, previous: false, timestamps: false, ...o } }, s);
  return { err, text: s.chunks.join(''), started: s.started, ended: s.ended };
}

/** Moves the clock in 500 ms steps until check passes (at most max ms). */
async function until(t: T, check: () => boolean, max = 30_000): Promise<void> {
  for (let ms = 0; !check() && ms < max; ms += 500) await tick(t.clock, 500);
  expect(check()).toBe(true);
}

const busybox = (name: string, script: string, restartPolicy = 'Never') => podOf(name, { restartPolicy, containers: [{ name, image: 'busybox', command: ['sh', '-c', script] }] });

describe('kubelet containerLogs', () => {
  it('serves a finished container\'s output: all of it, the tail, with timestamps', async () => {
    const t = await boot(busybox('hello', 'echo one; echo two'));
    await until(t, () => t.pod('hello').status?.containerStatuses?.[0]?.state?.terminated !== undefined);
    expect(await logs(t, 'hello')).toEqual({ err: undefined, text: 'one\ntwo\n', started: true, ended: true });
    expect((await logs(t, 'hello', { tailLines: 1 })).text).toBe('two\n');
    expect((await logs(t, 'hello', { timestamps: true })).text).toMatch(/^2026-01-01T00:00:0\d\.\d{9}Z one\n2026-01-01T00:00:0\d\.\d{9}Z two\n$/);
    expect((await logs(t, 'hello', { limitBytes: 5 })).text).toBe('one\nt');
    expect((await logs(t, 'hello', {}, 'hello')).text).toBe('one\ntwo\n');
  });

  it('answers 400 with upstream\'s words when there is no run to read', async () => {
    const t = await boot(busybox('hello', 'echo one'), podOf('bad', { containers: [{ name: 'app', image: 'busybox:no-such-tag' }] }));
    expect(await logs(t, 'hello')).toEqual({ err: { code: 400, message: 'container "hello" in pod "hello" is waiting to start: ContainerCreating' }, text: '', started: false, ended: false });
    await until(t, () => t.pod('hello').status?.containerStatuses?.[0]?.state?.terminated !== undefined);
    expect((await logs(t, 'hello', { previous: true })).err).toEqual({ code: 400, message: 'previous terminated container "hello" in pod "hello" not found' });
    await until(t, () => t.pod('bad').status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff');
    expect((await logs(t, 'bad')).err).toEqual({ code: 400, message: 'container "app" in pod "bad" is waiting to start: trying and failing to pull image' });
  });

  it('answers 404 for a pod it does not run or a container the pod does not have', async () => {
    const t = await boot(busybox('hello', 'echo one'));
    expect((await logs(t, 'nope')).err).toEqual({ code: 404, message: 'pod "nope" does not exist' });
    expect((await logs(t, 'hello', {}, 'other')).err).toEqual({ code: 404, message: 'container "other" not found in pod "hello"' });
  });

  it('reads the previous run of a crash-looping container', async () => {
    const t = await boot(busybox('crash', 'echo boom; exit 1', 'Always'));
    const status = () => t.pod('crash').status!.containerStatuses![0]!;
    await until(t, () => status().state?.waiting?.reason === 'CrashLoopBackOff');
    expect(status().restartCount).toBe(1);
    const dir = join(t.root, 'var/log/pods', `default_crash_${t.pod('crash').metadata.uid}`, 'crash');
    const text = (n: number) => readFileSync(join(dir, `${n}.log`), 'utf8').replace(/ stdout F /, ' ');
    expect(text(0)).not.toBe(text(1));
    expect((await logs(t, 'crash', { previous: true, timestamps: true })).text).toBe(text(1));
    await until(t, () => status().restartCount === 2 && status().state?.waiting?.reason === 'CrashLoopBackOff');
    expect((await logs(t, 'crash', { previous: true, timestamps: true })).text).toBe(text(2));
    expect((await logs(t, 'crash', { previous: false })).text).toBe('boom\n');
  });

  it('follows a running container until it exits', async () => {
    const t = await boot(busybox('talk', 'echo a; sleep 5; echo b'));
    await until(t, () => t.pod('talk').status?.containerStatuses?.[0]?.state?.running !== undefined);
    expect(t.pod('talk').status?.containerStatuses?.[0]?.state?.running).toBeDefined();
    let finished = false;
    const s = sink();
    const p = t.k.containerLogs({ namespace: 'default', name: 'talk', container: '', options: { follow: true, previous: false, timestamps: false } }, s).finally(() => (finished = true));
    await tick(t.clock, 1000);
    expect({ text: s.chunks.join(''), finished }).toEqual({ text: 'a\n', finished: false });
    await tick(t.clock, 5000);
    expect(await p).toBeUndefined();
    expect({ text: s.chunks.join(''), ended: s.ended }).toEqual({ text: 'a\nb\n', ended: true });
  });

  it('stops following when the client goes away', async () => {
    const t = await boot(busybox('sleeper', 'echo up; sleep 3600'));
    await until(t, () => t.pod('sleeper').status?.containerStatuses?.[0]?.state?.running !== undefined);
    const s = sink();
    const p = t.k.containerLogs({ namespace: 'default', name: 'sleeper', container: '', options: { follow: true, previous: false, timestamps: false } }, s);
    await tick(t.clock, 1000);
    s.abort();
    await settle();
    expect(await p).toBeUndefined();
    expect({ text: s.chunks.join(''), ended: s.ended }).toEqual({ text: 'up\n', ended: true });
  });
});
