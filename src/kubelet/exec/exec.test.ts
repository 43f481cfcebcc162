import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';
import { fakeEnv } from '../../controllers/framework/testing.js';
import { AsyncQueue } from '../../api/http/async-queue.js';
import { isRefusal, type StreamEnd, type StreamRequest, type TerminalSize } from '../../api/http/remotecommand.js';
import { startKubelet, type RunningKubelet } from '../kubelet.js';
import { podOf } from '../test-cluster.js';
import { settle, tick } from '../testing.js';

const NODE = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, spec: { podCIDR: '10.244.1.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.49.3' }] } };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function boot(...objs: Obj[]) {
  const env = fakeEnv();
  env.fake.seed(REFS.nodes, NODE);
  for (const o of objs) env.fake.seed(o.kind === 'ConfigMap' ? REFS.configmaps : REFS.pods, o);
  const root = mkdtempSync(join(tmpdir(), 'kubelet-exec-'));
  const k: RunningKubelet = startKubelet({ node: 'node01', client: env.fake, now: env.clock.now, timers: env.clock, log: () => {}, root });
  cleanups.push(async () => {
    await k.stop();
    rmSync(root, { recursive: true, force: true });
  });
  await settle();
  await tick(env.clock, 3000);
  return { ...env, k };
}

const req = (o: Partial<StreamRequest>): StreamRequest => ({ namespace: 'default', name: 'p', container: '', command: [], stdin: false, stdout: true, stderr: true, tty: false, ...o });

/** Runs one session; the input is typed a piece at a time, then closed. */
async function session(k: RunningKubelet, r: StreamRequest, input?: string[]) {
  const opened = await k.exec!(r);
  if (isRefusal(opened)) return { refused: opened };
  let stdout = '';
  let stderr = '';
  const stdin = new AsyncQueue<Buffer>();
  void (async () => {
    await settle();
    for (const i of input ?? []) {
      stdin.push(Buffer.from(i));
      await settle(1);
    }
    stdin.end();
  })();
  const end: StreamEnd = await opened.run({
    ...(r.stdin ? { stdin } : {}), stdout: (d) => (stdout += d.toString()), stderr: (d) => (stderr += d.toString()),
    resizes: new AsyncQueue<TerminalSize>(), signal: new AbortController().signal,
  });
  return { stdout, stderr, end };
}

const sleeper = (spec: Record<string, unknown> = {}) => podOf('p', { containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }], ...spec });

describe('kubelet exec', () => {
  it('runs sh -c with separate stdout and stderr and its exit code', async () => {
    const { k } = await boot(sleeper());
    expect(await session(k, req({ command: ['sh', '-c', 'echo out; echo err >&2; exit 3'] }))).toEqual({ stdout: 'out\n', stderr: 'err\n', end: { exitCode: 3 } });
  });

  it('gives env the container environment, configMap values included, without the shell bookkeeping', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { MODE: 'fast' } };
    const pod = sleeper({ containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'sleep 3600'], env: [{ name: 'GREETING', value: 'hi' }], envFrom: [{ configMapRef: { name: 'cfg' } }] }] });
    const { k } = await boot(cm, pod);
    const r = await session(k, req({ command: ['env'] }));
    expect(r.stdout).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=p\nMODE=fast\nGREETING=hi\nHOME=/root\n');
  });

  it('reads commands from stdin for a shell without a script, keeping its state', async () => {
    const { k } = await boot(sleeper());
    const r = await session(k, req({ command: ['sh'], stdin: true }), ['X=1\necho "x=$X"\ncd /tmp\n', 'pwd\nif true; then\n  echo multi\nfi\nexit 4\necho never\n']);
    expect(r).toEqual({ stdout: 'x=1\n/tmp\nmulti\n', stderr: '', end: { exitCode: 4 } });
  });

  it('passes the whole input to a command that reads it', async () => {
    const { k } = await boot(sleeper());
    const r = await session(k, req({ command: ['sh', '-c', 'cat > /tmp/f; wc -l < /tmp/f'], stdin: true }), ['a\nb\n', 'c\n']);
    expect(r.stdout?.trim()).toBe('3');
    expect((await session(k, req({ command: ['cat', '/tmp/f'] }))).stdout).toBe('a\nb\nc\n');
  });

  it('fails an executable the image does not have as runc does', async () => {
    const { k } = await boot(sleeper());
    const r = await session(k, req({ command: ['foo', 'bar'] }));
    expect(r.end).toEqual({ error: expect.stringMatching(/^error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in \$PATH: unknown$/) });
    expect((await session(k, req({ command: ['/bin/bash'] }))).end).toEqual({ error: expect.stringContaining('exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown') });
  });

  it('refuses as the kubelet does: no stream, no pod, no running container', async () => {
    const { k } = await boot(sleeper());
    expect(await session(k, req({ stdout: false, stderr: false, command: ['ls'] }))).toEqual({ refused: { code: 400, message: 'you must specify at least 1 of stdin, stdout, stderr' } });
    expect(await session(k, req({ name: 'nope', command: ['ls'] }))).toEqual({ refused: { code: 404, message: 'pod does not exist' } });
    expect(await session(k, req({ container: 'side', command: ['ls'] }))).toEqual({ refused: { code: 500, message: 'container not found ("side")' } });
  });

  it('shares emptyDir volumes between containers', async () => {
    const pod = podOf('p', {
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [
        { name: 'main', image: 'busybox', command: ['sh', '-c', 'echo hello > /shared/file; sleep 3600'], volumeMounts: [{ name: 'shared', mountPath: '/shared' }] },
        { name: 'sidecar', image: 'busybox', command: ['sh', '-c', 'sleep 3600'], volumeMounts: [{ name: 'shared', mountPath: '/data' }] },
      ],
    });
    const { k } = await boot(pod);
    expect(await session(k, req({ container: 'sidecar', command: ['cat', '/data/file'] }))).toEqual({ stdout: 'hello\n', stderr: '', end: { exitCode: 0 } });
  });

  it('runs on a terminal: echo, prompt, CR NL, stderr on stdout, TERM', async () => {
    const { k } = await boot(sleeper());
    const r = await session(k, req({ command: ['sh'], stdin: true, tty: true, stderr: false }), ['echo $TERM\r', 'ls /nope\r', '\x04']);
    expect(r.stdout).toBe('/ # echo $TERM\r\nxterm\r\n/ # ls /nope\r\nls: /nope: No such file or directory\r\n/ # ');
    expect(r.end).toEqual({ exitCode: 2 });
  });
});
