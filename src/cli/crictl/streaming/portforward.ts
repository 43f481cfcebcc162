// PortForward() of cmd/crictl/portforward.go: the dialer for --transport (SPDY, POST; or client-go's
// SPDY-over-WebSocket tunnel, GET `SPDY/3.1+portforward.k8s.io`, which only an apiserver serves),
// then client-go's PortForwarder on localhost (127.0.0.1 and ::1) — kubectl's, reused — until the
// first SIGINT or SIGTERM (crictl's interrupt handler; a second one exits 1).
import { createWebSocketStream } from 'ws';
import type { Ctx } from '../context.js';
import { SpdySession } from '../../../client/spdy/session.js';
import { PortForwarder } from '../../kubectl/commands/port-forward/forwarder.js';
import { parseAddresses, parsePorts } from '../../kubectl/commands/port-forward/ports.js';
import { loadTls, tlsFlags, type TlsFiles } from './tls.js';
import { spdyUpgrade, websocketDial } from './upgrade.js';

export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
const TUNNELING_PREFIX = 'SPDY/3.1+';

type Dialer = () => Promise<{ session: SpdySession; protocol: string }>;

/** getDialer: the transport's dialer, its TLS files read. */
function dialer(ctx: Ctx, url: URL): Dialer {
  const transport = ctx.string('transport');
  const tls = (wrap: (m: string) => string): TlsFiles => {
    try {
      return loadTls(tlsFlags((n) => ctx.string(n)), (p) => ctx.hostPath(p));
    } catch (err) {
      throw new Error(`get dialer: ${wrap((err as Error).message)}`);
    }
  };
  if (transport === 'spdy') {
    const files = tls((m) => `get SPDY round tripper: ${m}`);
    return async () => {
      const c = await spdyUpgrade(url, [PORT_FORWARD_PROTOCOL], files);
      return { session: new SpdySession(c.socket, { server: false, ...(c.head.length ? { initial: c.head } : {}) }), protocol: c.protocol };
    };
  }
  if (transport === 'websocket') {
    const files = tls((m) => m);
    return async () => {
      const { ws, protocol } = await websocketDial(url, [TUNNELING_PREFIX + PORT_FORWARD_PROTOCOL], files);
      return { session: new SpdySession(createWebSocketStream(ws), { server: false }), protocol: protocol.slice(TUNNELING_PREFIX.length) };
    };
  }
  throw new Error(`get dialer: unknown transport: ${transport}`);
}

/** crictl's interrupt handler: aborted at the first signal. */
function interrupt(): { signal: AbortSignal; release(): void } {
  const ac = new AbortController();
  const first = () => {
    ac.abort();
    process.once('SIGINT', second);
  };
  const second = () => process.exit(1);
  process.once('SIGINT', first);
  process.once('SIGTERM', first);
  return {
    signal: ac.signal,
    release: () => {
      process.off('SIGINT', first);
      process.off('SIGTERM', first);
      process.off('SIGINT', second);
    },
  };
}

async function connect(dial: Dialer): Promise<SpdySession> {
  let conn;
  try {
    conn = await dial();
  } catch (err) {
    throw new Error(`error upgrading connection: ${(err as Error).message}`);
  }
  if (conn.protocol !== PORT_FORWARD_PROTOCOL) {
    conn.session.close();
    throw new Error(`unable to negotiate protocol: client supports ${JSON.stringify(PORT_FORWARD_PROTOCOL)}, server returned ${JSON.stringify(conn.protocol)}`);
  }
  return conn.session;
}

/** Forwards ports (`[LOCAL:]REMOTE`) to the sandbox behind url until interrupted. */
export async function forwardPorts(ctx: Ctx, url: URL, ports: string[], stop?: AbortSignal): Promise<void> {
  const dial = dialer(ctx, url);
  const parsed = parsePorts(ports);
  const addresses = parseAddresses(['localhost']);
  const signals = interrupt();
  try {
    const session = await connect(dial);
    const forwarder = new PortForwarder(session, addresses, parsed, ctx.io.stdout, ctx.io.stderr);
    const both = stop ? AbortSignal.any([stop, signals.signal]) : signals.signal;
    try {
      await forwarder.forward(both);
    } finally {
      forwarder.close();
    }
  } finally {
    signals.release();
  }
}
