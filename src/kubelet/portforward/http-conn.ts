// A web server image answering one TCP connection that came in through port-forward: HTTP/1.x
// requests read off the byte stream one after another (a body skipped by its Content-Length),
// each answered as network/http.ts serves it, with the access log line written to the
// container's stdout. The connection is kept alive as nginx and httpd keep it (HTTP/1.1 unless
// `Connection: close`; HTTP/1.0 only when asked); a request that is not HTTP closes it.
import type { Duplex } from 'node:stream';
import type { Listener } from '../network/fabric.js';
import { serve, serverVersion, type HttpResponse, type WebServer } from '../network/http.js';

/** A port-forwarded connection enters the pod's network namespace from localhost. */
export const FORWARD_CLIENT_IP = '127.0.0.1';

export interface ParsedRequest {
  method: string;
  target: string;
  version: string;
  headers: Record<string, string>;
  /** Bytes of the request head and body. */
  length: number;
}

const HEAD_END = /\r?\n\r?\n/;
const REQUEST_LINE = /^([A-Z]+) (\S+) (HTTP\/1\.[01])$/;

/** The first request in buf; undefined until it is all there; 'bad' when it is not HTTP/1.x. */
export function parseRequest(buf: Buffer): ParsedRequest | 'bad' | undefined {
  const text = buf.toString('latin1');
  const end = HEAD_END.exec(text);
  if (!end) return buf.length > 64 * 1024 ? 'bad' : undefined;
  const [line = '', ...rest] = text.slice(0, end.index).split(/\r?\n/);
  const m = REQUEST_LINE.exec(line);
  if (!m) return 'bad';
  const headers: Record<string, string> = {};
  for (const h of rest) {
    const at = h.indexOf(':');
    if (at > 0) headers[h.slice(0, at).trim().toLowerCase()] = h.slice(at + 1).trim();
  }
  const bodyLength = Number(headers['content-length'] ?? 0) || 0;
  const length = end.index + end[0].length + bodyLength;
  if (buf.length < length) return undefined;
  return { method: m[1]!, target: m[2]!, version: m[3]!, headers, length };
}

/** Whether the server keeps the connection open after answering r. */
export function keepAlive(r: ParsedRequest): boolean {
  const conn = (r.headers.connection ?? '').toLowerCase();
  return r.version === 'HTTP/1.1' ? conn !== 'close' : conn === 'keep-alive';
}

/** The response's header lines with the Connection header the server sends for this request. */
function connectionHeaders(app: WebServer['app'], headers: [string, string][], alive: boolean): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of headers) {
    if (k !== 'Connection') out.push([k, v]);
    else if (!alive) out.push([k, v]);
    else if (app === 'nginx') out.push([k, 'keep-alive']);
    else out.push(['Keep-Alive', 'timeout=5, max=100'], [k, 'Keep-Alive']);
  }
  return out;
}

export function formatResponse(app: WebServer['app'], res: HttpResponse, alive: boolean): Buffer {
  const lines = [`HTTP/1.1 ${res.status} ${res.reason}`, ...connectionHeaders(app, res.headers, alive).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), Buffer.from(res.body)]);
}

/** Serves the connection until either side closes it. */
export function serveHttp(listener: Listener, app: WebServer['app'], stream: Duplex, now: () => number): Promise<void> {
  const server: WebServer = { app, version: serverVersion(listener.image.env, app) };
  let buf = Buffer.alloc(0);
  return new Promise((resolve) => {
    const finish = () => {
      stream.off('data', onData);
      if (!stream.destroyed && !stream.writableEnded) stream.end();
      resolve();
    };
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const r = parseRequest(buf);
        if (r === undefined) return;
        if (r === 'bad') return finish();
        buf = buf.subarray(r.length);
        const alive = keepAlive(r);
        stream.write(answer(listener, server, r, alive, now()));
        if (!alive) return finish();
      }
    };
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('close', finish);
  });
}

function answer(listener: Listener, server: WebServer, r: ParsedRequest, alive: boolean, at: number): Buffer {
  const req = { method: r.method, path: r.target, host: r.headers.host ?? '', userAgent: r.headers['user-agent'] ?? '-', clientIP: FORWARD_CLIENT_IP };
  const { response, log } = serve(server, req, at);
  listener.stdout(log.replace(' HTTP/1.1" ', ` ${r.version}" `));
  return formatResponse(server.app, response, alive);
}
