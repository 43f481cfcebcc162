// Exec, Attach and PortForward on a kubelet's runtime: the RPCs' checks (containerd's wording), and
// sessions in a simulated busybox container reached through the streaming server by crictl's
// client (SPDY; a raw terminal with -it).
import { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../cli/crictl/context.js';
import { runSpdyCommand } from '../../../cli/crictl/streaming/remotecommand.js';
import { stream } from '../../../cli/crictl/streaming/stream.js';
import { spdyUpgrade } from '../../../cli/crictl/streaming/upgrade.js';
import type { Timers } from '../../../controllers/framework/queue.js';
import type { ContainerRecord } from '../../container-record.js';
import { BUSYBOX } from '../../network/testing.js';
import { launch, type LaunchSpec, type SimProcess } from '../../runtime/process.js';
import { MemoryRuntime } from '../memory-runtime.js';
import { memoryBackend } from '../runtime-rpcs.js';
import { kubeletStreamingRuntime } from './kubelet-runtime.js';
import { startStreamingServer, type StreamingServer } from './server.js';

const timers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
const SANDBOX = 'a'.repeat(64);
const RUNNING = 'b'.repeat(64);
const EXITED = 'c'.repeat(64);

let server: StreamingServer | undefined;
let proc: SimProcess | undefined;
afterEach(async () => {
  await server?.close();
  proc?.signal('SIGKILL');
});

function runtime(): MemoryRuntime {
  const rt = new MemoryRuntime({ now: Date.now });
  const labels = { 'io.kubernetes.pod.name': 'box', 'io.kubernetes.pod.namespace': 'default' };
  rt.sandboxes.set(SANDBOX, { id: SANDBOX, name: 'box', namespace: 'default', uid: 'u', attempt: 0, state: 'SANDBOX_READY', createdAt: 1n, ip: '10.244.1.5', additionalIps: [], hostNetwork: false, labels, annotations: {}, runtimeHandler: '', pid: 1 });
  const entry = { sandboxId: SANDBOX, name: 'box', attempt: 0, image: 'busybox', userImage: 'busybox', imageRef: 'sha256:x', createdAt: 1n, startedAt: 1n, finishedAt: 0n, exitCode: 0, reason: '', message: '', labels, annotations: {}, logPath: '', pid: 2, mounts: [], command: [], args: [], envs: [], workingDir: '' };
  rt.containers.set(RUNNING, { ...entry, id: RUNNING, state: 'CONTAINER_RUNNING' });
  rt.containers.set(EXITED, { ...entry, id: EXITED, state: 'CONTAINER_EXITED' });
  return rt;
}

async function setup() {
  const rt = runtime();
  const spec: LaunchSpec = { argv: ['sh', '-c', 'sleep 3600'], env: { PATH: '/bin' }, workingDir: '/', image: BUSYBOX, podIP: '10.244.1.5', hostname: 'box' };
  const p = launch(spec, { out: () => {}, now: Date.now, timers });
  if ('startError' in p) throw new Error(p.startError);
  proc = p;
  const record = { name: 'box', running: { startedAt: 0, containerID: RUNNING }, process: p, launch: spec, log: { lines: [] } } as unknown as ContainerRecord;
  const pods = {
    runningById: (id: string) => (id === RUNNING ? { launch: spec, process: p } : undefined),
    container: () => record,
    byName: () => ({ pod: { spec: { containers: [{ name: 'box' }] } } }) as never,
  };
  server = await startStreamingServer({ runtime: kubeletStreamingRuntime({ runtime: rt, pods: () => pods, timers, now: Date.now }), now: Date.now, timers });
  return { rt, backend: memoryBackend(rt, { streaming: server }) };
}

function sink() {
  let text = '';
  return { write: (c: string | Uint8Array) => ((text += Buffer.from(c).toString()), true), get text() { return text; } };
}

async function execUrl(url: string, stdin?: string) {
  const out = sink();
  const err = sink();
  const conn = await spdyUpgrade(new URL(url), ['v4.channel.k8s.io'], {});
  const error = await runSpdyCommand(conn, { ...(stdin !== undefined ? { stdin: Readable.from([stdin]) } : {}), stdout: out, stderr: err, tty: false }).then(() => undefined, (e: Error) => e.message);
  return { stdout: out.text, stderr: err.text, error };
}

const execReq = (id: string, cmd: string[]) => ({ containerId: id, cmd, tty: false, stdin: false, stdout: true, stderr: true });

describe('the RPCs', () => {
  it.each<[string, (b: Awaited<ReturnType<typeof setup>>['backend']) => Promise<unknown>, string]>([
    ['Exec: unknown container', (b) => b.exec!(execReq('feed', ['ls'])), 'code = NotFound desc = failed to find container "feed" in store: not found'],
    ['Exec: container not running', (b) => b.exec!(execReq(EXITED, ['ls'])), 'code = Unknown desc = container is in CONTAINER_EXITED state'],
    ['Exec: ambiguous prefix', (b) => b.exec!(execReq('', ['ls'])), 'code = Unknown desc = failed to find container "" in store: prefix can\'t be empty'],
    ['Attach: unknown container', (b) => b.attach!({ containerId: 'feed', tty: false, stdin: false, stdout: true, stderr: true }), 'code = NotFound desc = failed to find container in store: not found'],
    ['PortForward: unknown sandbox', (b) => b.portForward!({ podSandboxId: 'feed', port: [] }), 'code = NotFound desc = failed to find sandbox "feed": not found'],
  ])('%s', async (_name, call, want) => {
    const { backend } = await setup();
    await expect(call(backend)).rejects.toThrow(`rpc error: ${want}`);
  });

  it('PortForward refuses a sandbox that is not ready', async () => {
    const { rt, backend } = await setup();
    rt.sandboxes.get(SANDBOX)!.state = 'SANDBOX_NOTREADY';
    await expect(backend.portForward!({ podSandboxId: SANDBOX, port: [] })).rejects.toThrow('rpc error: code = Unknown desc = sandbox container is not running');
  });
});

describe('exec in the container', () => {
  it('runs the command beside its process, by ID prefix', async () => {
    const { backend } = await setup();
    const { url } = await backend.exec!(execReq('bbbb', ['sh', '-c', 'echo $PATH; cat /etc/hostname; echo oops >&2; exit 2']));
    expect(await execUrl(url)).toEqual({ stdout: '/bin\nbox\n', stderr: 'oops\n', error: 'command terminated with exit code 2' });
  });

  it('fails inside the stream when the container stopped since the RPC', async () => {
    const { rt, backend } = await setup();
    const { url } = await backend.exec!(execReq(RUNNING, ['ls']));
    rt.containers.get(RUNNING)!.state = 'CONTAINER_EXITED';
    expect((await execUrl(url)).error).toBe('Internal error occurred: error executing command in container: failed to exec in container: container is in CONTAINER_EXITED state');
  });

  it('with -it: a raw terminal, the shell\'s CR NL shown as NL, restored after', async () => {
    const { backend } = await setup();
    const { url } = await backend.exec!({ containerId: RUNNING, cmd: ['sh', '-c', 'echo "term=$TERM"'], tty: true, stdin: true, stdout: true, stderr: false });
    const input = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[], setRawMode(raw: boolean) { this.modes.push(raw); } });
    const s = sink();
    const out = Object.assign(new EventEmitter(), { write: s.write, columns: 100, rows: 30 });
    const ctx = { string: (n: string) => (n === 'transport' ? 'spdy' : n === 'tls-sni' ? 'localhost' : ''), hostPath: (p: string) => p, io: { stdin: input, stdout: out, stderr: sink(), env: {}, cwd: '/' } } as unknown as Ctx;
    await stream(ctx, { url: new URL(url), stdin: true, tty: true });
    expect(s.text).toContain('term=xterm\n');
    expect(s.text).not.toContain('\r\n');
    expect(input.modes).toEqual([true, false]);
  });
});

describe('attach and port-forward', () => {
  it('attach to a container the kubelet does not run fails in the stream', async () => {
    const { rt, backend } = await setup();
    const { url } = await backend.attach!({ containerId: RUNNING, tty: false, stdin: false, stdout: true, stderr: true });
    rt.containers.delete(RUNNING);
    expect((await execUrl(url)).error).toBe(`Internal error occurred: error attaching to container: failed to find container "${RUNNING}" in store: not found`);
  });
});
