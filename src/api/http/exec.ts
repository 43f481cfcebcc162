// pods/exec and pods/attach once the pod checks passed (subresources.ts): an upgrade is required
// (400 `Upgrade request required`, as the upgrade-aware proxy answers). A WebSocket offering
// v5.channel.k8s.io is served as kube-apiserver 1.32's stream translator does: the connection is
// accepted first, then the kubelet is asked, and everything that follows (a refusal, the exit
// code, a runtime failure) arrives as a Status on the error channel. Other WebSocket protocols
// (v4/v1, base64) and SPDY are proxied to the kubelet, which answers refusals over HTTP and
// serves the kubelet's WebSocket protocols; SPDY itself is not spoken here (see spdyUnsupported).
import { WebSocketServer, type WebSocket } from 'ws';
import type { Call } from './server-context.js';
import { badRequest, internalError } from '../errors.js';
import { isUpgradeRequest, takeUpgrade } from './upgrade.js';
import { connectOptions } from './connect.js';
import {
  exitStatus, internalStatus, isRefusal, KubeletDialError, successStatus,
  type ChannelStatus, type StreamBackend, type StreamEnd, type StreamRequest, type StreamSession,
} from './remotecommand.js';
import { ChannelConn, ERROR, RESIZE, STDERR, STDIN, STDOUT, terminalSizes, type ChannelProtocol, type ChannelType } from './ws-channels.js';

export const V5_PROTOCOL = 'v5.channel.k8s.io';

/** The kubelet's WebSocket protocols; v4 sends a Status on the error channel, the older ones a message. */
const KUBELET_PROTOCOLS: Record<string, ChannelProtocol & { v4: boolean }> = {
  '': { binary: true, streamClose: false, v4: false },
  'channel.k8s.io': { binary: true, streamClose: false, v4: false },
  'base64.channel.k8s.io': { binary: false, streamClose: false, v4: false },
  'v4.channel.k8s.io': { binary: true, streamClose: false, v4: true },
  'v4.base64.channel.k8s.io': { binary: false, streamClose: false, v4: true },
};

/** PodExecOptions / PodAttachOptions, as admitted (connect.ts) or from the query, as the apiserver passes them to the kubelet. */
export function streamRequest(c: Call): StreamRequest {
  const o = c.connect ?? connectOptions(c);
  return {
    namespace: c.info.namespace, name: c.info.name, container: typeof o.container === 'string' ? o.container : '',
    command: Array.isArray(o.command) ? o.command.map(String) : [],
    stdin: o.stdin === true, stdout: o.stdout === true, stderr: o.stderr === true, tty: o.tty === true,
  };
}

const offeredProtocols = (c: Pick<Call, 'req'>): string[] =>
  (c.req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);

/** Serves an exec/attach whose pod and container the apiserver has checked. */
export async function serveStream(c: Call, backend: StreamBackend): Promise<Error | undefined> {
  if (!isUpgradeRequest(c.req)) return badRequest('Upgrade request required');
  const req = streamRequest(c);
  const websocket = (c.req.headers.upgrade ?? '').toLowerCase() === 'websocket';
  if (websocket && offeredProtocols(c).includes(V5_PROTOCOL)) return translate(c, req, backend);
  let opened;
  try {
    opened = await backend(req);
  } catch (err) {
    return internalError(err instanceof KubeletDialError ? `error dialing backend: ${err.reason}` : err);
  }
  if (isRefusal(opened)) return writeText(c, opened.code, opened.message);
  if (!websocket) return spdyUnsupported(c);
  return kubeletWebSocket(c, req, opened);
}

function writeText(c: Call, code: number, text: string): undefined {
  c.res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff' });
  c.res.end(text);
  return undefined;
}

/**
 * A SPDY/3.1 upgrade the kubelet would have taken: this cluster only streams over WebSockets, so it
 * answers as a kubelet that cannot upgrade (kubectl ≥ 1.30 only falls back to SPDY when the
 * WebSocket upgrade fails, which it does not here).
 */
function spdyUnsupported(c: Call): undefined {
  return writeText(c, 400, 'unable to upgrade: SPDY/3.1 is not supported by this cluster; use a WebSocket client (v5.channel.k8s.io or v4.channel.k8s.io)');
}

/** Completes the WebSocket handshake with the chosen subprotocol ('' for none). */
export function accept(c: Pick<Call, 'req' | 'res'>, protocol: string): Promise<WebSocket | undefined> {
  const up = takeUpgrade(c.req, c.res);
  if (!up) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const server = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false, handleProtocols: () => protocol || false });
    up.socket.once('close', () => resolve(undefined));
    server.handleUpgrade(c.req, up.socket, up.head, (ws) => resolve(ws));
  });
}

function channelsOf(req: StreamRequest): ChannelType[] {
  const ch: ChannelType[] = [];
  ch[STDIN] = req.stdin ? 'read' : 'ignore';
  ch[STDOUT] = req.stdout ? 'write' : 'ignore';
  ch[STDERR] = req.stderr ? 'write' : 'ignore';
  ch[ERROR] = 'write';
  ch[RESIZE] = 'read';
  return ch;
}

/** Opens the channels and sends the empty message that tells the client the streams are up. */
function open(ws: WebSocket, protocol: ChannelProtocol, req: StreamRequest): ChannelConn {
  const conn = new ChannelConn(ws, protocol, channelsOf(req));
  conn.write(req.stdout ? STDOUT : req.stderr ? STDERR : ERROR, Buffer.alloc(0));
  return conn;
}

function run(conn: ChannelConn, session: StreamSession): Promise<StreamEnd> {
  const stdin = conn.input(STDIN);
  return session.run({
    ...(stdin ? { stdin } : {}),
    stdout: (d) => conn.write(STDOUT, d),
    stderr: (d) => conn.write(STDERR, d),
    resizes: terminalSizes(conn.input(RESIZE)),
    signal: conn.signal,
  });
}

const finish = (conn: ChannelConn, status: ChannelStatus | string | undefined) => {
  if (status !== undefined) conn.write(ERROR, typeof status === 'string' ? status : JSON.stringify(status));
  conn.close();
};

/** kube-apiserver's StreamTranslatorHandler: WebSocket v5 to the client, the kubelet behind it. */
async function translate(c: Call, req: StreamRequest, backend: StreamBackend): Promise<undefined> {
  const ws = await accept(c, V5_PROTOCOL);
  if (!ws) return undefined;
  const conn = open(ws, { binary: true, streamClose: true }, req);
  let status: ChannelStatus;
  try {
    const opened = await backend(req);
    if (isRefusal(opened)) status = internalStatus(`unable to upgrade connection: ${opened.message.trim()}`);
    else status = translatedEnd(await run(conn, opened));
  } catch (err) {
    const e = err as Error;
    status = internalStatus(e instanceof KubeletDialError ? `error sending request: Post "${e.url}": ${e.reason}` : e.message);
  }
  finish(conn, status);
  return undefined;
}

/** What the translator reports once the kubelet's SPDY stream ended (its exit code, or its error re-wrapped). */
function translatedEnd(end: StreamEnd): ChannelStatus {
  if ('error' in end) return internalStatus(internalStatus(end.error).message!);
  return end.exitCode === 0 ? successStatus() : exitStatus(end.exitCode, `command terminated with exit code ${end.exitCode}`);
}

/** The kubelet's own WebSocket server (the protocols before v5); the CRI streaming server's too. */
export async function kubeletWebSocket(c: Pick<Call, 'req' | 'res'>, req: StreamRequest, session: StreamSession): Promise<undefined> {
  const offered = offeredProtocols(c);
  const chosen = (offered.length ? offered : ['']).find((p) => p in KUBELET_PROTOCOLS);
  if (chosen === undefined) {
    c.res.writeHead(403, {});
    c.res.end();
    return undefined;
  }
  const protocol = KUBELET_PROTOCOLS[chosen]!;
  const ws = await accept(c, chosen);
  if (!ws) return undefined;
  const conn = open(ws, protocol, req);
  let end: StreamEnd;
  try {
    end = await run(conn, session);
  } catch (err) {
    end = { error: (err as Error).message };
  }
  const status = kubeletEnd(end, req);
  finish(conn, protocol.v4 ? status : status.status === 'Success' ? undefined : status.message);
  return undefined;
}

/** The Status the kubelet's remotecommand server writes when the session ends. */
export function kubeletEnd(end: StreamEnd, req: StreamRequest): ChannelStatus {
  if ('error' in end) return internalStatus(end.error);
  if (end.exitCode === 0) return successStatus();
  return exitStatus(end.exitCode, `error executing command [${req.command.join(' ')}], exit code ${end.exitCode}`);
}
