// The HTTP side of a SPDY stream request, as apimachinery's httpstream.Handshake and the SPDY
// response upgrader answer it: the client's X-Stream-Protocol-Version values (comma-separated or
// repeated) against the server's, in the client's order of preference. No value: nothing is
// written (the client gets an empty 200); no common protocol: 403 with the accepted ones in
// X-Accepted-Stream-Protocol-Versions; an upgrade without `Connection: Upgrade` and
// `Upgrade: SPDY/3.1`: 400. Then 101 and SPDY/3.1 on the socket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { takeUpgrade } from '../../../api/http/upgrade.js';

export const PROTOCOL_HEADER = 'X-Stream-Protocol-Version';
export const ACCEPTED_HEADER = 'X-Accepted-Stream-Protocol-Versions';

const list = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v.join(',') : (v ?? '')).split(',').map((p) => p.trim()).filter(Boolean);

/** Go's http.Error: the text and a line feed, as plain text. */
export function httpError(res: ServerResponse, code: number, text: string): void {
  const body = `${text}\n`;
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Go's %v of a []string. */
const goList = (xs: string[]): string => `[${xs.join(' ')}]`;

/** The negotiated protocol, or undefined once the refusal is written (or, with no offer, left unwritten). */
export function handshake(req: IncomingMessage, res: ServerResponse, server: string[]): string | undefined {
  const client = list(req.headers[PROTOCOL_HEADER.toLowerCase()]);
  if (client.length === 0) return undefined;
  const chosen = client.find((p) => server.includes(p));
  if (chosen === undefined) {
    res.setHeader(ACCEPTED_HEADER, server);
    httpError(res, 403, `unable to upgrade: unable to negotiate protocol: client supports ${goList(client)}, server accepts ${goList(server)}`);
    return undefined;
  }
  res.setHeader(PROTOCOL_HEADER, chosen);
  return chosen;
}

/** Go's CanonicalMIMEHeaderKey. */
const canonical = (k: string): string => k.toLowerCase().replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());

/** The request's http.Header as Go's %#v prints it (keys sorted, Host not among them). */
export function goHeaderLiteral(req: IncomingMessage): string {
  const h = new Map<string, string[]>();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const k = canonical(req.rawHeaders[i]!);
    if (k === 'Host') continue;
    h.set(k, [...(h.get(k) ?? []), req.rawHeaders[i + 1]!]);
  }
  const entries = [...h.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `http.Header{${entries.map(([k, v]) => `${JSON.stringify(k)}:[]string{${v.map((x) => JSON.stringify(x)).join(', ')}}`).join(', ')}}`;
}

export interface Upgraded {
  socket: Duplex;
  /** Bytes the client sent after its request head. */
  head: Buffer;
}

const has = (v: string | undefined, want: string) => (v ?? '').toLowerCase().includes(want);

/** The 101 answer and the socket, or undefined once the refusal is written. */
export function upgradeSpdy(req: IncomingMessage, res: ServerResponse): Upgraded | undefined {
  if (!has(req.headers.connection, 'upgrade') || !has(req.headers.upgrade, 'spdy/3.1')) {
    httpError(res, 400, `unable to upgrade: missing upgrade headers in request: ${goHeaderLiteral(req)}`);
    return undefined;
  }
  const protocol = res.getHeader(PROTOCOL_HEADER);
  const up = takeUpgrade(req, res);
  if (!up) return undefined;
  const head = ['HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade', 'Upgrade: SPDY/3.1'];
  if (typeof protocol === 'string') head.push(`${PROTOCOL_HEADER}: ${protocol}`);
  up.socket.write(`${head.join('\r\n')}\r\n\r\n`);
  up.socket.on('error', () => up.socket.destroy());
  return up;
}

/** wsstream.IsWebSocketRequest: `Upgrade: websocket` on a connection upgrade. */
export function isWebSocketRequest(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket' && has(req.headers.connection, 'upgrade');
}
