// containerd's CRI streaming server (k8s.io/kubelet/pkg/cri/streaming, stream_server_address
// 127.0.0.1, stream_server_port 0): an HTTP server on a port chosen at start. GetExec, GetAttach
// and GetPortForward check the request, keep it under a single-use token and answer
// `http://127.0.0.1:<port>/<exec|attach|portforward>/<token>`; a GET or POST there upgrades to
// SPDY/3.1 or a WebSocket and runs the session. An unknown, used or expired token is
// http.NotFound; another path is go-restful's 404, another method its 405.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { kubeletWebSocket } from '../../../api/http/exec.js';
import type { StreamRequest } from '../../../api/http/remotecommand.js';
import { upgradeListener } from '../../../api/http/upgrade.js';
import { CriError } from '../../../client/cri/errors.js';
import type * as T from '../../../client/cri/types.js';
import type { Timers } from '../../../controllers/framework/queue.js';
import { handshake, httpError, isWebSocketRequest, upgradeSpdy } from './httpstream.js';
import { servePortForward } from './portforward.js';
import { REMOTE_COMMAND_PROTOCOLS, serveSpdyCommand } from './remotecommand.js';
import type { StreamingRuntime } from './runtime.js';
import { TokenCache } from './token-cache.js';

export interface StreamingServer {
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  getExec(req: T.ExecRequest): T.ExecResponse;
  getAttach(req: T.AttachRequest): T.AttachResponse;
  getPortForward(req: T.PortForwardRequest): T.PortForwardResponse;
  close(): Promise<void>;
}

export interface StreamingServerOptions {
  runtime: StreamingRuntime;
  now(): number;
  timers: Timers;
  /** containerd's stream_server_address (127.0.0.1) and stream_server_port (0: any free port). */
  address?: string;
  port?: number;
}

type Cached = { kind: 'exec'; req: T.ExecRequest } | { kind: 'attach'; req: T.AttachRequest } | { kind: 'portforward'; req: T.PortForwardRequest };

const invalid = (desc: string) => new CriError('InvalidArgument', desc);

/** validateExecRequest / validateAttachRequest (their last messages differ by one word). */
function validate(r: T.ExecRequest | T.AttachRequest, streams: string): void {
  if (r.containerId === '') throw invalid('missing required container_id');
  if (r.tty && r.stderr) throw invalid('tty and stderr cannot both be true');
  if (!r.stdin && !r.stdout && !r.stderr) throw invalid(`one of stdin, stdout, ${streams} stderr must be set`);
}

function plain(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const ROUTE = /^\/(exec|attach|portforward)\/([^/]+)$/;

export async function startStreamingServer(o: StreamingServerOptions): Promise<StreamingServer> {
  const cache = new TokenCache<Cached>(o.now);
  const serve = (req: IncomingMessage, res: ServerResponse) => void route(o, cache, req, res).catch(() => res.destroy());
  const onUpgrade = upgradeListener(serve);
  const http = createServer(serve);
  http.on('upgrade', onUpgrade);
  http.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(o.port ?? 0, o.address ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = http.address() as AddressInfo;
  const baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const url = (kind: Cached['kind'], c: Cached) => ({ url: `${baseUrl}/${kind}/${cache.insert(c)}` });
  return {
    baseUrl,
    getExec: (req) => (validate(req, 'or'), url('exec', { kind: 'exec', req })),
    getAttach: (req) => (validate(req, 'and'), url('attach', { kind: 'attach', req })),
    getPortForward: (req) => {
      if (req.podSandboxId === '') throw invalid('missing required pod_sandbox_id');
      return url('portforward', { kind: 'portforward', req });
    },
    close: () => new Promise<void>((resolve) => {
      onUpgrade.closeAll();
      http.close(() => resolve());
      http.closeAllConnections();
    }),
  };
}

async function route(o: StreamingServerOptions, cache: TokenCache<Cached>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const m = ROUTE.exec(new URL(req.url ?? '/', 'http://x').pathname);
  if (!m) return plain(res, 404, '404: Page Not Found');
  if (req.method !== 'GET' && req.method !== 'POST') return plain(res, 405, '405: Method Not Allowed');
  const cached = cache.consume(m[2]!);
  if (!cached || cached.kind !== m[1]) return httpError(res, 404, '404 page not found');
  if (cached.kind === 'portforward') return servePortForward(req, res, o.runtime.portForward(cached.req.podSandboxId));
  const r = cached.req;
  const sreq: StreamRequest = {
    namespace: '', name: '', container: r.containerId, command: cached.kind === 'exec' ? cached.req.cmd : [],
    stdin: r.stdin, stdout: r.stdout, stderr: r.stderr, tty: r.tty,
  };
  const session = cached.kind === 'exec' ? o.runtime.exec(r.containerId, sreq) : o.runtime.attach(r.containerId, sreq);
  if (isWebSocketRequest(req)) return void (await kubeletWebSocket({ req, res }, sreq, session));
  const protocol = handshake(req, res, REMOTE_COMMAND_PROTOCOLS);
  if (protocol === undefined) return void (res.headersSent || res.end());
  const up = upgradeSpdy(req, res);
  if (up) await serveSpdyCommand(up, protocol, sreq, session, o.timers);
}
