// Connection upgrades (exec and attach over WebSocket; SPDY): Node hands an upgrade request to
// the server's 'upgrade' listener with the raw socket instead of a response. The request then
// goes through the same pipeline as any other (authentication, authorization, routing, the pod's
// checks) with a response written to that socket, so every refusal is the ordinary HTTP answer;
// the handler that accepts the upgrade takes the socket over.
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface UpgradeSocket {
  socket: Duplex;
  /** Bytes the client sent after the request head. */
  head: Buffer;
}

interface Pending extends UpgradeSocket {
  taken: boolean;
}

const pending = new WeakMap<IncomingMessage, Pending>();

export interface UpgradeListener {
  (req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Ends every upgraded connection (the server is closing: they would keep it open). */
  closeAll(): void;
}

/** The listener for the server's 'upgrade' event, serving through serve(req, res). */
export function upgradeListener(serve: (req: IncomingMessage, res: ServerResponse) => void): UpgradeListener {
  const open = new Set<Duplex>();
  const listener = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const entry: Pending = { socket, head, taken: false };
    pending.set(req, entry);
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as Socket);
    res.on('finish', () => {
      if (!entry.taken) socket.end();
    });
    serve(req, res);
  };
  return Object.assign(listener, { closeAll: () => open.forEach((s) => s.destroy()) });
}

/** The socket of an upgrade request, for the handler that accepts it (once); none for a plain request. */
export function takeUpgrade(req: IncomingMessage, res: ServerResponse): UpgradeSocket | undefined {
  const entry = pending.get(req);
  if (!entry || entry.taken || res.headersSent) return undefined;
  entry.taken = true;
  res.detachSocket(entry.socket as Socket);
  return { socket: entry.socket, head: entry.head };
}

/** Whether the request asks for a connection upgrade (Connection: Upgrade), as httpstream.IsUpgradeRequest. */
export function isUpgradeRequest(req: IncomingMessage): boolean {
  const conn = req.headers.connection;
  const values = Array.isArray(conn) ? conn : [conn ?? ''];
  return values.some((v) => v.toLowerCase().includes('upgrade'));
}
