// The streaming server against client-go's protocols (our crictl's client side): URLs and tokens,
// SPDY remote command v4 and older, the kubelet's WebSocket protocols, port-forward; refusals as
// the kubelet's streaming package writes them.
import { request } from 'node:http';

import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { StreamIO, StreamRequest } from '../../../api/http/remotecommand.js';
import { runSpdyCommand, type Size } from '../../../cli/crictl/streaming/remotecommand.js';
import { spdyUpgrade, websocketDial } from '../../../cli/crictl/streaming/upgrade.js';
import { SpdySession } from '../../../client/spdy/session.js';
import type { StreamingRuntime } from './runtime.js';
import { startStreamingServer, type StreamingServer } from './server.js';

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };

async function collect(it: AsyncIterable<Buffer> | undefined): Promise<string> {
  let s = '';
  for await (const c of it ?? []) s += c.toString();
  return s;
}

/** exec: `echo X`, `cat` (stdin back), `exit N`, `fail` (a runtime error), `sizes` (the first resize). */
async function fakeExec(req: StreamRequest, io: StreamIO) {
  const [cmd, arg = ''] = req.command;
  if (cmd === 'fail') return { error: 'error executing command in container: boom' };
  if (cmd === 'echo') io.stdout(`${arg}\n`);
  if (cmd === 'cat') io.stdout(await collect(io.stdin));
  if (cmd === 'warn') io.stderr('careful\n');
  if (cmd === 'sizes') for await (const s of io.resizes) return io.stdout(`${s.width}x${s.height}\n`), { exitCode: 0 };
  return { exitCode: cmd === 'exit' ? Number(arg) : 0 };
}

const runtime: StreamingRuntime = {
  exec: (_id, req) => ({ run: (io) => fakeExec(req, io) }),
  attach: () => ({ run: async (io) => (io.stdout('attached\n'), { exitCode: 0 }) }),
  portForward: (id) => ({
    pod: id, uid: '',
    forward: async (port, stream) => {
      if (port !== 80) throw new Error(`nothing on ${port}`);
      stream.pipe(stream);
      await new Promise((r) => stream.once('end', r));
    },
  }),
};

let now = 0;
let server: StreamingServer;
afterEach(async () => server?.close());

async function start() {
  now = Date.now();
  server = await startStreamingServer({ runtime, now: () => now, timers });
  return server;
}

const execReq = (cmd: string[], o: Partial<{ stdin: boolean; tty: boolean }> = {}) =>
  ({ containerId: 'c1', cmd, tty: o.tty ?? false, stdin: o.stdin ?? false, stdout: true, stderr: !o.tty });

function sink() {
  let text = '';
  return { write: (c: string | Uint8Array) => ((text += Buffer.from(c).toString()), true), get text() { return text; } };
}

async function execOver(url: string, o: { protocols?: string[]; stdin?: string; tty?: boolean; sizes?: Size[] } = {}) {
  const out = sink();
  const err = sink();
  const conn = await spdyUpgrade(new URL(url), o.protocols ?? ['v5.channel.k8s.io', 'v4.channel.k8s.io'], {});
  const sizes = o.sizes ? (async function* () { yield* o.sizes!; })() : undefined;
  const done = runSpdyCommand(conn, { ...(o.stdin !== undefined ? { stdin: Readable.from([Buffer.from(o.stdin)]) } : {}), stdout: out, stderr: err, tty: o.tty ?? false, ...(sizes ? { sizes } : {}) });
  const error = await done.then(() => undefined, (e: Error) => e.message);
  return { stdout: out.text, stderr: err.text, error, protocol: conn.protocol };
}

describe('GetExec / GetAttach / GetPortForward', () => {
  it('answer a URL with a token on 127.0.0.1', async () => {
    const s = await start();
    expect(s.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.getExec(execReq(['ls'])).url).toMatch(new RegExp(`^${s.baseUrl}/exec/[A-Za-z0-9_-]{8}$`));
    expect(s.getAttach({ containerId: 'c1', stdin: false, tty: false, stdout: true, stderr: true }).url).toMatch(/\/attach\/[\w-]{8}$/);
    expect(s.getPortForward({ podSandboxId: 'p1', port: [] }).url).toMatch(/\/portforward\/[\w-]{8}$/);
  });

  it.each<[string, () => unknown, string]>([
    ['exec without ID', () => server.getExec({ ...execReq(['ls']), containerId: '' }), 'InvalidArgument desc = missing required container_id'],
    ['exec tty with stderr', () => server.getExec({ ...execReq(['ls'], { tty: true }), stderr: true }), 'InvalidArgument desc = tty and stderr cannot both be true'],
    ['exec with no stream', () => server.getExec({ ...execReq(['ls']), stdout: false, stderr: false }), 'InvalidArgument desc = one of stdin, stdout, or stderr must be set'],
    ['attach with no stream', () => server.getAttach({ containerId: 'c', stdin: false, tty: false, stdout: false, stderr: false }), 'InvalidArgument desc = one of stdin, stdout, and stderr must be set'],
    ['port-forward without ID', () => server.getPortForward({ podSandboxId: '', port: [] }), 'InvalidArgument desc = missing required pod_sandbox_id'],
  ])('refuse %s', async (_name, call, want) => {
    await start();
    expect(call).toThrow(`rpc error: code = ${want}`);
  });
});

describe('exec over SPDY', () => {
  it.each<[string, string[], Partial<{ stdout: string; stderr: string; error: string }>]>([
    ['stdout', ['echo', 'hi'], { stdout: 'hi\n', stderr: '', error: undefined }],
    ['stderr apart', ['warn'], { stdout: '', stderr: 'careful\n' }],
    ['an exit code', ['exit', '3'], { error: 'command terminated with exit code 3' }],
    ['a runtime failure', ['fail'], { error: 'Internal error occurred: error executing command in container: boom' }],
  ])('%s', async (_name, cmd, want) => {
    const s = await start();
    expect(await execOver(s.getExec(execReq(cmd)).url)).toMatchObject({ protocol: 'v4.channel.k8s.io', ...want });
  });

  it('sends stdin until it ends', async () => {
    const s = await start();
    expect((await execOver(s.getExec(execReq(['cat'], { stdin: true })).url, { stdin: 'line 1\nline 2\n' })).stdout).toBe('line 1\nline 2\n');
  });

  it('passes terminal sizes on a resize stream', async () => {
    const s = await start();
    const r = await execOver(s.getExec(execReq(['sizes'], { tty: true, stdin: true })).url, { tty: true, stdin: '', sizes: [{ width: 120, height: 40 }] });
    expect(r.stdout).toBe('120x40\n');
  });

  it.each<[string, string]>([
    ['v3.channel.k8s.io', 'error executing remote command: command terminated with non-zero exit code: error executing command [exit 4], exit code 4'],
    ['v2.channel.k8s.io', 'error executing remote command: command terminated with non-zero exit code: error executing command [exit 4], exit code 4'],
  ])('writes the message alone on %s', async (protocol, want) => {
    const s = await start();
    expect(await execOver(s.getExec(execReq(['exit', '4'])).url, { protocols: [protocol] })).toMatchObject({ protocol, error: want });
  });

  it('takes a token once, and not after its minute', async () => {
    const s = await start();
    const url = s.getExec(execReq(['echo', 'x'])).url;
    await execOver(url);
    await expect(spdyUpgrade(new URL(url), ['v4.channel.k8s.io'], {})).rejects.toThrow('unable to upgrade connection: 404 page not found');
    const late = s.getExec(execReq(['echo', 'x'])).url;
    now += 61_000;
    await expect(spdyUpgrade(new URL(late), ['v4.channel.k8s.io'], {})).rejects.toThrow('unable to upgrade connection: 404 page not found');
  });

  it('refuses protocols it does not speak', async () => {
    const s = await start();
    await expect(spdyUpgrade(new URL(s.getExec(execReq(['ls'])).url), ['v5.channel.k8s.io'], {})).rejects.toThrow(
      'unable to upgrade connection: unable to upgrade: unable to negotiate protocol: client supports [v5.channel.k8s.io], server accepts [v4.channel.k8s.io v3.channel.k8s.io v2.channel.k8s.io channel.k8s.io]',
    );
  });

  it('answers a dead server as client-go words it', async () => {
    const s = await start();
    const url = s.getExec(execReq(['ls'])).url;
    await s.close();
    const port = new URL(url).port;
    await expect(spdyUpgrade(new URL(url), ['v4.channel.k8s.io'], {})).rejects.toThrow(`error sending request: Post "${url}": dial tcp 127.0.0.1:${port}: connect: connection refused`);
  });
});

function raw(url: string, method: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('plain requests', () => {
  it.each<[string, string, Record<string, string>, number, string]>([
    ['an unknown path', '/nope', {}, 404, '404: Page Not Found'],
    ['another method', 'PUT', {}, 405, '405: Method Not Allowed'],
    ['no protocol offered', '', {}, 200, ''],
    ['no upgrade', '', { 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' }, 400, 'unable to upgrade: missing upgrade headers in request: http.Header{"Connection":[]string{"close"}, "Content-Length":[]string{"0"}, "X-Stream-Protocol-Version":[]string{"v4.channel.k8s.io"}}\n'],
  ])('%s', async (_name, what, headers, status, body) => {
    const s = await start();
    const url = s.getExec(execReq(['ls'])).url;
    const r = await raw(what.startsWith('/') ? s.baseUrl + what : url, what === 'PUT' ? 'PUT' : 'POST', { Connection: 'close', ...headers });
    expect([r.status, r.body]).toEqual([status, body]);
  });
});

describe('exec over a WebSocket', () => {
  it('refuses crictl\'s v5.channel.k8s.io with a bare 403', async () => {
    const s = await start();
    await expect(websocketDial(new URL(s.getExec(execReq(['ls'])).url), ['v5.channel.k8s.io'], {})).rejects.toThrow(
      'unable to upgrade streaming request: websocket: bad handshake (403 Forbidden)',
    );
  });

  it('serves the kubelet\'s v4.channel.k8s.io', async () => {
    const s = await start();
    const url = s.getExec(execReq(['exit', '2'])).url.replace('http:', 'ws:');
    const ws = new WebSocket(url, ['v4.channel.k8s.io']);
    const frames: string[] = [];
    ws.on('message', (d: Buffer) => frames.push(`${d[0]}:${d.subarray(1).toString()}`));
    await new Promise((r) => ws.once('close', r));
    expect(ws.protocol).toBe('v4.channel.k8s.io');
    expect(frames[0]).toBe('1:');
    expect(JSON.parse(frames.at(-1)!.slice(2))).toEqual({
      metadata: {}, status: 'Failure', message: 'command terminated with non-zero exit code: error executing command [exit 2], exit code 2', reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '2' }] },
    });
  });
});

describe('attach', () => {
  it('streams what the container writes', async () => {
    const s = await start();
    const r = await execOver(s.getAttach({ containerId: 'c', stdin: false, tty: false, stdout: true, stderr: true }).url);
    expect(r).toMatchObject({ stdout: 'attached\n', error: undefined });
  });
});

describe('port-forward', () => {
  async function pair(url: string, port: string) {
    const c = await spdyUpgrade(new URL(url), ['portforward.k8s.io'], {});
    expect(c.protocol).toBe('portforward.k8s.io');
    const session = new SpdySession(c.socket, { server: false, ...(c.head.length ? { initial: c.head } : {}) });
    const error = await session.open({ streamtype: 'error', port, requestid: '0' });
    const data = await session.open({ streamtype: 'data', port, requestid: '0' });
    return { session, error, data };
  }
  const text = (s: Readable) => new Promise<string>((r) => { let t = ''; s.on('data', (d: Buffer) => (t += d)); s.once('end', () => r(t)); });

  it('connects a data stream to the port', async () => {
    const s = await start();
    const { session, data } = await pair(s.getPortForward({ podSandboxId: 'abc', port: [] }).url, '80');
    data.end('ping');
    expect(await text(data)).toBe('ping');
    session.close();
  });

  it('writes the runtime\'s failure on the error stream', async () => {
    const s = await start();
    const { session, error, data } = await pair(s.getPortForward({ podSandboxId: 'abc', port: [] }).url, '81');
    data.end();
    expect(await text(error)).toBe('error forwarding port 81 to pod abc, uid : nothing on 81');
    session.close();
  });

  it('opens the kubelet\'s WebSocket protocol with no channel (the CRI request named no port) and closes it', async () => {
    const s = await start();
    const ws = new WebSocket(s.getPortForward({ podSandboxId: 'abc', port: [] }).url.replace('http:', 'ws:'), ['v4.channel.k8s.io']);
    const code = await new Promise<number>((r) => ws.once('close', r));
    expect([ws.protocol, code]).toEqual(['v4.channel.k8s.io', 1000]);
  });

  it('refuses the apiserver\'s SPDY-over-WebSocket tunnel', async () => {
    const s = await start();
    await expect(websocketDial(new URL(s.getPortForward({ podSandboxId: 'abc', port: [] }).url), ['SPDY/3.1+portforward.k8s.io'], {})).rejects.toThrow(
      'unable to upgrade streaming request: websocket: bad handshake (403 Forbidden)',
    );
  });
});

