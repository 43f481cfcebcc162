// stream() of cmd/crictl/exec.go, shared by exec and attach: the executor for --transport (SPDY,
// POST, v5…v1 offered; or client-go's WebSocket executor, GET, offering v5.channel.k8s.io only —
// which containerd's streaming server does not speak, so it refuses the handshake), then the
// session with crictl's stdout and stderr, stdin with -i, and with -t a raw terminal.
import type { Readable } from 'node:stream';
import type { Ctx } from '../context.js';
import { runStream } from '../../kubectl/commands/exec/stream.js';
import { runSpdyCommand, SPDY_PROTOCOLS, type CommandStreams } from './remotecommand.js';
import { isTerminalIn, rawTerminal } from './terminal.js';
import { loadTls, tlsFlags, type TlsFiles } from './tls.js';
import { spdyUpgrade, websocketDial } from './upgrade.js';

export const V5_PROTOCOL = 'v5.channel.k8s.io';

export interface StreamOptions {
  url: URL;
  /** -i: send crictl's stdin. */
  stdin: boolean;
  tty: boolean;
}

type Executor = (o: CommandStreams) => Promise<void>;

/** getExecutor: the transport's executor, its TLS files read. */
function executor(ctx: Ctx, url: URL): Executor {
  const transport = ctx.string('transport');
  const tls = (wrap: (m: string) => string): TlsFiles => {
    try {
      return loadTls(tlsFlags((n) => ctx.string(n)), (p) => ctx.hostPath(p));
    } catch (err) {
      throw new Error(`get executor: ${wrap((err as Error).message)}`);
    }
  };
  if (transport === 'spdy') {
    const files = tls((m) => m);
    return async (o) => runSpdyCommand(await spdyUpgrade(url, SPDY_PROTOCOLS, files), o);
  }
  if (transport === 'websocket') {
    const files = tls((m) => `error creating websocket transports: ${m}`);
    return async (o) => {
      const { ws } = await websocketDial(url, [V5_PROTOCOL], files);
      await runStream(ws, { ...(o.stdin ? { stdin: o.stdin } : {}), stdout: o.stdout, ...(o.tty ? {} : { stderr: o.stderr }), ...(o.sizes ? { sizes: o.sizes } : {}) });
    };
  }
  throw new Error(`get executor: unknown transport: ${transport}`);
}

/** Runs the stream at url to its end; throws the session's error. */
export async function stream(ctx: Ctx, o: StreamOptions): Promise<void> {
  const run = executor(ctx, o.url);
  const io = ctx.io;
  if (!o.tty) {
    const stdin: Readable | undefined = o.stdin ? io.stdin : undefined;
    return run({ ...(stdin ? { stdin } : {}), stdout: io.stdout, stderr: io.stderr, tty: false });
  }
  if (!o.stdin) throw new Error('tty=true must be specified with interactive=true');
  if (!isTerminalIn(io.stdin)) throw new Error('input is not a terminal');
  const t = rawTerminal(io);
  try {
    await run({ stdin: t.stdin, stdout: t.stdout, stderr: io.stderr, tty: true, ...(t.sizes ? { sizes: t.sizes } : {}) });
  } finally {
    t.restore();
  }
}

/** The URL the runtime returned, completed as crictl does (kubelet's host and scheme when absent). */
export function streamUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    return new URL(raw, 'http://127.0.0.1:10250');
  }
}
