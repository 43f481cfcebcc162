// Connecting to a pod's portforward subresource as kubectl 1.32's dialer does: first a WebSocket
// (GET) offering `SPDY/3.1+portforward.k8s.io`, SPDY then travelling in its binary messages
// (tunneling_dialer.go); when that upgrade fails, a SPDY/3.1 upgrade (POST, X-Stream-Protocol-
// Version: portforward.k8s.io). The fallback's refusal is what the user sees, as
// `error upgrading connection: …` (a Status's message, or `unable to upgrade connection: <body>`).
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { createWebSocketStream } from 'ws';
import type { RestConfig } from '../../../../client/rest-config.js';
import { statusOf, withTimeout } from '../../../../client/rest.js';
import { transportError } from '../../../../client/transport-error.js';
import { authHeaders, tlsOptions } from '../../../../client/rest-auth.js';
import { SpdySession } from '../../../../client/spdy/session.js';
import { readAll } from '../../../shared/io.js';
import { traceRequest } from '../../../../client/request-trace.js';
import type { Klog } from '../../klog.js';

export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
export const TUNNELING_PROTOCOL = `SPDY/3.1+${PORT_FORWARD_PROTOCOL}`;

class UpgradeFailure extends Error {}

const headers = authHeaders;
const tls = tlsOptions;

const body = async (res: IncomingMessage): Promise<string> => (await readAll(res)).toString('utf8');

/**
 * The tunnelling WebSocket. ws allows no `/` in a subprotocol, so the offer goes in as a plain
 * header and the server's answer is taken off the response before ws checks it.
 */
function tunnel(c: RestConfig, path: string, klog?: Klog): Promise<Duplex> {
  const url = new URL(path, c.server);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  klog?.info(4, 'tunneling_dialer.go:75', 'Before WebSocket Upgrade Connection...');
  const traced = traceRequest(c.trace, { method: 'GET', url: new URL(path, c.server).href, headers: { ...headers(c), 'Sec-Websocket-Protocol': TUNNELING_PROTOCOL } });
  return new Promise((resolve, reject) => {
    let chosen = '';
    const ws = new WebSocket(url, { ...tls(c), headers: { ...headers(c), 'Sec-WebSocket-Protocol': TUNNELING_PROTOCOL } as Record<string, string>, perMessageDeflate: false, followRedirects: false });
    ws.once('upgrade', (res) => {
      traced.done(res);
      chosen = String(res.headers['sec-websocket-protocol'] ?? '');
      delete res.headers['sec-websocket-protocol'];
    });
    ws.once('unexpected-response', (_req, res) => {
      traced.done(res);
      void body(res).then(() => reject(new UpgradeFailure(`websocket: bad handshake (${res.statusCode})`)), reject);
    });
    ws.once('error', (err) => {
      traced.done(undefined, err);
      reject(err.message.startsWith('Unexpected server response') ? new UpgradeFailure(err.message) : transportError('GET', new URL(path, c.server), err));
    });
    ws.once('open', () => {
      if (chosen === TUNNELING_PROTOCOL) {
        klog?.info(4, 'tunneling_dialer.go:85', `negotiated protocol: ${PORT_FORWARD_PROTOCOL}`);
        // the SPDY reader's Read on the tunnel: one waiting from the start, another after each message
        const read = () => klog?.info(7, 'tunneling_connection.go:56', 'client: tunneling connection read...');
        const stream = createWebSocketStream(ws);
        read();
        if (klog?.v(7)) ws.on('message', read);
        return resolve(stream);
      }
      ws.terminate();
      reject(new UpgradeFailure(`invalid protocol, expected one of ["${TUNNELING_PROTOCOL}"], got "${chosen}"`));
    });
  });
}

/** The SPDY/3.1 upgrade; its refusal as client-go's SPDY round tripper words it. */
function spdy(c: RestConfig, path: string): Promise<{ socket: Duplex; head: Buffer }> {
  const url = new URL(path, c.server);
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  const sent = { ...headers(c), 'X-Stream-Protocol-Version': PORT_FORWARD_PROTOCOL };
  const traced = traceRequest(c.trace, { method: 'POST', url: url.href, headers: sent }, false);
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'POST', ...tls(c),
      headers: { ...sent, Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'Content-Length': '0' },
    });
    req.once('socket', (s) => traced.socket(s));
    req.once('upgrade', (res, socket, head) => {
      traced.done(res);
      const got = String(res.headers['x-stream-protocol-version'] ?? '');
      if (got === PORT_FORWARD_PROTOCOL) return resolve({ socket, head });
      socket.destroy();
      reject(new Error(`unable to negotiate protocol: client supports "${PORT_FORWARD_PROTOCOL}", server returned "${got}"`));
    });
    req.once('response', (res) => {
      traced.done(res);
      void body(res).then((text) => {
        const s = statusOf({ status: res.statusCode ?? 0, body: text });
        reject(new Error(s.kind === 'Status' ? (s.message ?? '') : `unable to upgrade connection: ${text.trim()}`));
      }, reject);
    });
    req.once('error', (err) => {
      traced.done(undefined, err);
      reject(transportError('POST', url, err));
    });
    req.end();
  });
}

/**
 * The SPDY connection to path, or the error ForwardPorts ends with. websockets: false when
 * KUBECTL_PORT_FORWARD_WEBSOCKETS=false turns the tunnel off (SPDY only, as before 1.31).
 */
export async function dialPortForward(c: RestConfig, requestPath: string, websockets = true, klog?: Klog): Promise<SpdySession> {
  const path = c.timeout ? withTimeout(requestPath, c.timeout.text) : requestPath;
  if (websockets) {
    try {
      return new SpdySession(await tunnel(c, path, klog), { server: false });
    } catch (err) {
      if (!(err instanceof UpgradeFailure)) throw new Error(`error upgrading connection: ${(err as Error).message}`);
    }
  }
  try {
    const { socket, head } = await spdy(c, path);
    return new SpdySession(socket, { server: false, ...(head.length ? { initial: head } : {}) });
  } catch (err) {
    throw new Error(`error upgrading connection: ${(err as Error).message}`);
  }
}
