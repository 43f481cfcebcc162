// client-go's PortForwarder over one SPDY connection: a loopback (or --address) listener per port
// and address (`Forwarding from 127.0.0.1:8080 -> 80` on stdout; a random local port is taken by
// the first address and reused by the others), and for every accepted connection
// (`Handling connection for 8080`) a pair of streams, error and data, with the remote port and a
// request ID. Bytes are copied both ways; when the pod's side ends, the data stream is reset and
// the error stream read: a message there is logged as an unhandled error and closes the
// connection, which ends the command with `lost connection to pod`.
import { createServer, type Server, type Socket } from 'node:net';
import type { OutStream } from '../../../shared/io.js';
import type { SpdySession } from '../../../../client/spdy/session.js';
import type { SpdyStream } from '../../../../client/spdy/stream.js';
import { klog } from '../../klog.js';
import { joinHostPort, type ForwardedPort, type ListenAddress } from './ports.js';

export const LOST_CONNECTION = 'lost connection to pod';

const BIND_ERRORS: Record<string, string> = {
  EADDRINUSE: 'bind: address already in use',
  EACCES: 'bind: permission denied',
  EADDRNOTAVAIL: 'bind: cannot assign requested address',
};

function listen(address: ListenAddress, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why = BIND_ERRORS[err.code ?? ''] ?? err.message;
      reject(new Error(`unable to create listener: Error listen tcp${address.family} ${joinHostPort(address.address, port)}: ${why}`));
    });
    server.listen({ host: address.address, port, ipv6Only: address.family === 6, exclusive: true }, () => resolve(server));
  });
}

export class PortForwarder {
  private readonly servers: Server[] = [];
  private nextRequestId = 0;

  constructor(private readonly session: SpdySession, private readonly addresses: ListenAddress[], private readonly ports: ForwardedPort[], private readonly out: OutStream, private readonly errOut: OutStream) {}

  /** Listens on every port (forward()); resolves when stopped, rejects when the connection is lost. */
  async forward(stop: AbortSignal): Promise<void> {
    let any = false;
    for (const port of this.ports) {
      try {
        await this.listenOnPort(port);
        any = true;
      } catch (err) {
        this.errOut.write(`Unable to listen on port ${port.local}: ${(err as Error).message}\n`);
      }
    }
    if (!any) throw new Error(`unable to listen on any of the requested ports: [${this.ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
    const stopped = new Promise<'stop'>((r) => (stop.aborted ? r('stop') : stop.addEventListener('abort', () => r('stop'), { once: true })));
    const lost = this.session.closed.then(() => 'lost' as const);
    const why = await Promise.race([stopped, lost]);
    if (why === 'lost' && !stop.aborted) throw new Error(LOST_CONNECTION);
  }

  close(): void {
    for (const s of this.servers) s.close();
    this.session.close();
  }

  /** listenOnPort: localhost fails only when both addresses fail; an explicit address on its own. */
  private async listenOnPort(port: ForwardedPort): Promise<void> {
    const errors: string[] = [];
    const failed = { all: 0, any: 0 };
    let allOk = 0;
    for (const a of this.addresses) {
      try {
        const server = await listen(a, port.local);
        const bound = (server.address() as { port: number }).port;
        port.local = bound;
        this.out.write(`Forwarding from ${joinHostPort(a.address, bound)} -> ${port.remote}\n`);
        this.servers.push(server);
        server.on('connection', (conn) => void this.handle(conn, { ...port }));
        if (a.failureMode === 'all') allOk++;
      } catch (err) {
        errors.push((err as Error).message);
        failed[a.failureMode]++;
      }
    }
    if ((allOk === 0 && failed.all > 0) || failed.any > 0) throw new Error(`Listeners failed to create with the following errors: [${errors.join(' ')}]`);
  }

  private async handle(conn: Socket, port: ForwardedPort): Promise<void> {
    conn.on('error', () => conn.destroy());
    this.out.write(`Handling connection for ${port.local}\n`);
    const requestid = String(this.nextRequestId++);
    const headers = { streamtype: 'error', port: String(port.remote), requestid };
    const error = await this.openStream(headers, 'error', port);
    if (!error) return void conn.destroy();
    // Nothing is written to the error stream.
    error.end();
    const message = readAll(error);
    const data = await this.openStream({ ...headers, streamtype: 'data' }, 'forwarding', port);
    if (!data) return void conn.destroy();
    await copyBoth(conn, data);
    // Discards what was not sent, so the error stream's end is not held up behind it.
    data.reset();
    conn.end();
    const text = await message;
    if (text) {
      this.unhandled(`an error occurred forwarding ${port.local} -> ${port.remote}: ${text}`);
      this.session.close();
    }
  }

  private async openStream(headers: Record<string, string>, what: string, port: ForwardedPort): Promise<SpdyStream | undefined> {
    try {
      return await this.session.open(headers);
    } catch (err) {
      this.unhandled(`error creating ${what} stream for port ${port.local} -> ${port.remote}: ${(err as Error).message}`);
      return undefined;
    }
  }

  private unhandled(err: string): void {
    klog(this.errOut, 'E', 'portforward.go:424', `"Unhandled Error" err=${JSON.stringify(err)}`);
  }
}

/** Everything the stream carries until its end. */
function readAll(s: SpdyStream): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    s.on('data', (d: Buffer) => (text += d.toString('utf8')));
    s.once('end', () => resolve(text));
    s.once('close', () => resolve(text));
  });
}

/** Copies both ways until the pod's side ends (or the local side fails). */
function copyBoth(conn: Socket, data: SpdyStream): Promise<void> {
  return new Promise((resolve) => {
    data.on('data', (d: Buffer) => {
      if (!conn.destroyed) conn.write(d);
    });
    data.once('end', () => resolve());
    data.once('close', () => resolve());
    conn.on('data', (d: Buffer) => {
      if (!data.destroyed && !data.writableEnded) data.write(d);
    });
    conn.once('end', () => {
      if (!data.destroyed && !data.writableEnded) data.end();
    });
    conn.once('error', () => resolve());
  });
}
