// Opening a stream URL as client-go does. SPDY (spdy.Negotiate): a request with `Connection:
// Upgrade`, `Upgrade: SPDY/3.1` and one X-Stream-Protocol-Version per protocol; anything but a 101
// is `unable to upgrade connection: <body>` (a Status: its message), no answer `error sending
// request: Post "<url>": …`. WebSocket (transport/websocket's RoundTripper): a GET offering the
// protocols; a refused handshake is `unable to upgrade streaming request: websocket: bad handshake
// (<status>)[: <body>]`, a protocol not offered `… invalid protocol, expected one of [...], got "…"`.
// The offer is written as a plain header so `SPDY/3.1+portforward.k8s.io` (no token for ws) passes.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { transportError } from '../../../client/transport-error.js';
import { readAll } from '../../shared/io.js';
import type { TlsFiles } from './tls.js';

export interface SpdyConnection {
  socket: Duplex;
  head: Buffer;
  /** The protocol the server chose ('' when it named none). */
  protocol: string;
}

const body = async (res: IncomingMessage): Promise<string> => (await readAll(res)).toString('utf8');

/** A metav1.Status' message when text is one, as client-go's decoder reads error bodies. */
function statusMessage(text: string): string | undefined {
  try {
    const s = JSON.parse(text) as { kind?: string; message?: string };
    return s.kind === 'Status' ? (s.message ?? '') : undefined;
  } catch {
    return undefined;
  }
}

const tlsOf = (url: URL, tls: TlsFiles) => (url.protocol === 'https:' ? { ...tls, rejectUnauthorized: tls.cert !== undefined } : {});

const upgraded = (res: IncomingMessage) =>
  (res.headers.connection ?? '').toLowerCase().includes('upgrade') && (res.headers.upgrade ?? '').toLowerCase().includes('spdy/3.1');

/** The SPDY/3.1 upgrade of url, offering protocols in order. */
export function spdyUpgrade(url: URL, protocols: string[], tls: TlsFiles, method = 'POST'): Promise<SpdyConnection> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method, ...tlsOf(url, tls),
      headers: { Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': protocols, 'Content-Length': '0' },
    });
    const refuse = (text: string) => reject(new Error(statusMessage(text) ?? `unable to upgrade connection: ${text.trim()}`));
    req.once('upgrade', (res, socket, head) => {
      if (res.statusCode === 101 && upgraded(res)) return resolve({ socket, head, protocol: String(res.headers['x-stream-protocol-version'] ?? '') });
      socket.destroy();
      refuse('');
    });
    req.once('response', (res) => void body(res).then(refuse, reject));
    req.once('error', (err) => reject(new Error(`error sending request: ${transportError(method, url, err).message}`)));
    req.end();
  });
}

class UpgradeFailure extends Error {
  constructor(cause: string) {
    super(`unable to upgrade streaming request: ${cause}`);
  }
}

/** Go's %q of a []string. */
const goQuoted = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;

/** The dial error as gorilla/websocket returns it (no request line, unlike net/http). */
function dialError(url: URL, err: Error): Error {
  const text = transportError('GET', url, err).inner;
  return new Error(text);
}

/** A WebSocket to url offering protocols; resolves with it and the protocol chosen. */
export function websocketDial(url: URL, protocols: string[], tls: TlsFiles): Promise<{ ws: WebSocket; protocol: string }> {
  const wsUrl = new URL(url);
  wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise((resolve, reject) => {
    let chosen = '';
    const ws = new WebSocket(wsUrl, { ...tlsOf(url, tls), headers: { 'Sec-WebSocket-Protocol': protocols.join(', ') }, perMessageDeflate: false, followRedirects: false });
    ws.once('upgrade', (res) => {
      chosen = String(res.headers['sec-websocket-protocol'] ?? '');
      delete res.headers['sec-websocket-protocol'];
    });
    ws.once('unexpected-response', (_req, res) => {
      void body(res).then((text) => {
        const status = `websocket: bad handshake (${res.statusCode} ${res.statusMessage})`;
        const trimmed = text.trim();
        reject(new UpgradeFailure(trimmed === '' ? status : (statusMessage(trimmed) ?? `${status}: ${trimmed}`)));
      }, reject);
    });
    ws.once('error', (err) => reject(dialError(url, err)));
    ws.once('open', () => {
      if (protocols.includes(chosen)) return resolve({ ws, protocol: chosen });
      ws.terminate();
      reject(new UpgradeFailure(`invalid protocol, expected one of ${goQuoted(protocols)}, got ${JSON.stringify(chosen)}`));
    });
  });
}
