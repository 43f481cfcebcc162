// pods/portforward once the apiserver found the pod's node (subresources.ts). An upgrade is
// required (400 `Upgrade request required`). Two ways in, as kube-apiserver 1.32 serves them
// (PortForwardWebsockets on by default):
// - a WebSocket offering `SPDY/3.1+portforward.k8s.io` (kubectl ≥ 1.31 tries it first): the
//   TunnelingHandler asks the kubelet with a SPDY upgrade and, once that succeeds, accepts the
//   WebSocket with the kubelet's protocol prefixed; SPDY frames then travel in binary messages.
// - a SPDY/3.1 upgrade (POST, X-Stream-Protocol-Version: portforward.k8s.io), proxied to the
//   kubelet, whose streaming server answers 101 and speaks SPDY on the socket.
// Either way the kubelet's refusal (unknown pod, no running sandbox) is its HTTP answer, relayed
// as is, and the streams are served by portforward-streams.ts. The kubelet's own WebSocket
// port-forward protocol (channels per port) is not served.
import type { Duplex } from 'node:stream';
import { createWebSocketStream, WebSocketServer, type WebSocket } from 'ws';
import type { Call } from './server-context.js';
import { badRequest, internalError } from '../errors.js';
import { isUpgradeRequest, takeUpgrade } from './upgrade.js';
import { KubeletDialError } from './remotecommand.js';
import { SpdySession } from '../../client/spdy/session.js';
import { PORT_FORWARD_PROTOCOL, StreamPairs, type PortForwardBackend, type PortForwardTarget } from './portforward-streams.js';

export const TUNNELING_PREFIX = 'SPDY/3.1+';

const list = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v.join(',') : (v ?? '')).split(',').map((p) => p.trim()).filter(Boolean);

/** The SPDY protocols a tunnelling WebSocket offers (`SPDY/3.1+<p>.k8s.io`, prefix removed). */
export function tunneledProtocols(offered: string[]): string[] {
  return offered.filter((p) => p.startsWith(TUNNELING_PREFIX) && p.endsWith('.k8s.io')).map((p) => p.slice(TUNNELING_PREFIX.length));
}

/** Serves a port-forward whose pod has a node; errors before the upgrade are returned. */
export async function servePortForward(c: Call, backend: PortForwardBackend): Promise<Error | undefined> {
  if (!isUpgradeRequest(c.req)) return badRequest('Upgrade request required');
  const websocket = (c.req.headers.upgrade ?? '').toLowerCase() === 'websocket';
  const protocols = websocket ? tunneledProtocols(list(c.req.headers['sec-websocket-protocol'])) : list(c.req.headers['x-stream-protocol-version']);
  if (websocket && protocols.length === 0) return badRequest('unable to upgrade: the kubelet WebSocket port-forward protocol is not supported by this cluster; offer SPDY/3.1+portforward.k8s.io');
  let opened;
  try {
    opened = await backend({ namespace: c.info.namespace, name: c.info.name });
  } catch (err) {
    return internalError(err instanceof KubeletDialError ? `error dialing backend: ${err.reason}` : err);
  }
  if ('code' in opened) return writeText(c, opened.code, opened.message);
  if (!handshake(c, protocols)) return undefined;
  const transport = websocket ? await acceptTunnel(c) : upgradeSpdy(c);
  if (transport) serveSession(transport.socket, transport.head, opened);
  return undefined;
}

function writeText(c: Call, code: number, text: string, headers: Record<string, string> = {}): undefined {
  c.res.writeHead(code, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff' });
  c.res.end(text);
  return undefined;
}

/** httpstream.Handshake against the one protocol the streaming server speaks. */
function handshake(c: Call, offered: string[]): boolean {
  if (offered.length === 0) {
    // Upstream returns without writing: the client gets an empty 200.
    c.res.writeHead(200, { 'Content-Length': 0 });
    c.res.end();
    return false;
  }
  if (offered.includes(PORT_FORWARD_PROTOCOL)) return true;
  const text = `unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], server accepts [${PORT_FORWARD_PROTOCOL}]\n`;
  writeText(c, 403, text, { 'X-Accepted-Stream-Protocol-Versions': PORT_FORWARD_PROTOCOL });
  return false;
}

interface Transport {
  socket: Duplex;
  head?: Buffer;
}

/** The streaming server's 101 answer, then SPDY on the socket. */
function upgradeSpdy(c: Call): Transport | undefined {
  if (!(c.req.headers.upgrade ?? '').toLowerCase().includes('spdy/3.1')) {
    writeText(c, 400, `unable to upgrade: missing upgrade headers in request: ${JSON.stringify(c.req.headers)}\n`);
    return undefined;
  }
  const up = takeUpgrade(c.req, c.res);
  if (!up) return undefined;
  const head = [
    'HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade', 'Upgrade: SPDY/3.1',
    `X-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}`, `Date: ${new Date().toUTCString()}`,
  ];
  up.socket.write(head.join('\r\n') + '\r\n\r\n');
  return { socket: up.socket, head: up.head };
}

/**
 * The WebSocket handshake with `SPDY/3.1+portforward.k8s.io`; its binary messages as a byte stream.
 * ws refuses that header (`/` is no token character; gorilla/websocket takes it), so the offer is
 * taken off the request and the answer added to the response headers.
 */
function acceptTunnel(c: Call): Promise<Transport | undefined> {
  const up = takeUpgrade(c.req, c.res);
  if (!up) return Promise.resolve(undefined);
  delete c.req.headers['sec-websocket-protocol'];
  return new Promise((resolve) => {
    const server = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false });
    server.on('headers', (headers) => headers.push(`Sec-WebSocket-Protocol: ${TUNNELING_PREFIX}${PORT_FORWARD_PROTOCOL}`));
    up.socket.once('close', () => resolve(undefined));
    server.handleUpgrade(c.req, up.socket, up.head, (ws: WebSocket) => resolve({ socket: createWebSocketStream(ws) }));
  });
}

function serveSession(socket: Duplex, head: Buffer | undefined, target: PortForwardTarget): void {
  const pairs = new StreamPairs(target);
  socket.on('error', () => socket.destroy());
  new SpdySession(socket, { server: true, onStream: pairs.onStream, ...(head?.length ? { initial: head } : {}) });
}
