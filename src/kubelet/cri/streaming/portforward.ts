// port-forward on the streaming server, as the kubelet's cri/streaming/portforward package serves
// it. SPDY/3.1 (portforward.k8s.io): pairs of error and data streams per forwarded connection,
// served by the apiserver's StreamPairs (the same protocol). A WebSocket: the kubelet's channel
// protocol, whose ports come from the CRI request — crictl never sends any, so the connection
// opens with no channel and closes at once; a client offering only other subprotocols (crictl's
// `SPDY/3.1+portforward.k8s.io` tunnel, which only the apiserver understands) gets the bare 403
// of golang.org/x/net/websocket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accept } from '../../../api/http/exec.js';
import { PORT_FORWARD_PROTOCOL, StreamPairs, type PortForwardTarget } from '../../../api/http/portforward-streams.js';
import { SpdySession } from '../../../client/spdy/session.js';
import { handshake, isWebSocketRequest, upgradeSpdy } from './httpstream.js';

/** The kubelet's WebSocket port-forward subprotocols ('' when none is offered). */
const WS_PROTOCOLS = ['', 'v4.channel.k8s.io', 'v4.base64.channel.k8s.io'];

const offered = (req: IncomingMessage): string[] =>
  (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);

/** x/net/websocket's refusal when the handshake hook fails: the status line, an empty head, then the end. */
function forbidden(res: ServerResponse): void {
  res.writeHead(403, { 'Content-Length': 0 });
  res.end();
}

async function serveWebSocket(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const asked = offered(req);
  const chosen = (asked.length ? asked : ['']).find((p) => WS_PROTOCOLS.includes(p));
  if (chosen === undefined) return forbidden(res);
  const ws = await accept({ req, res }, chosen);
  // No port was asked for in the CRI request: no channel to serve.
  ws?.close(1000);
}

/** Serves a port-forward to target (the sandbox the token's request named). */
export async function servePortForward(req: IncomingMessage, res: ServerResponse, target: PortForwardTarget): Promise<void> {
  if (isWebSocketRequest(req)) return serveWebSocket(req, res);
  if (handshake(req, res, [PORT_FORWARD_PROTOCOL]) === undefined) {
    if (!res.headersSent) res.end();
    return;
  }
  const up = upgradeSpdy(req, res);
  if (!up) return;
  const pairs = new StreamPairs(target);
  new SpdySession(up.socket, { server: true, onStream: pairs.onStream, ...(up.head.length ? { initial: up.head } : {}) });
}
