// exec and attach over SPDY/3.1, as the kubelet's cri/streaming/remotecommand package serves them
// (containerd's streaming server): the client opens one stream per `streamType` header (error,
// stdin, stdout, stderr, resize with a terminal on v3 and v4); once every expected stream is there
// (30 s at most) the session runs; at its end the status goes on the error stream — a metav1
// Status as JSON on v4.channel.k8s.io, the failure's message alone (nothing on success) before
// it — and the streams are half-closed; the client then closes the connection.
import type { Readable } from 'node:stream';
import type { ChannelStatus, StreamEnd, StreamRequest, StreamSession } from '../../../api/http/remotecommand.js';
import { kubeletEnd } from '../../../api/http/exec.js';
import { terminalSizes } from '../../../api/http/ws-channels.js';
import { SpdySession } from '../../../client/spdy/session.js';
import type { SpdyStream } from '../../../client/spdy/stream.js';
import type { Timers } from '../../../controllers/framework/queue.js';
import type { Upgraded } from './httpstream.js';

export const V4 = 'v4.channel.k8s.io';
/** SupportedStreamingProtocols, in the server's order. */
export const REMOTE_COMMAND_PROTOCOLS = [V4, 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];
export const STREAM_CREATION_TIMEOUT_MS = 30_000;
/** How long a finished session waits for the client to close the connection. */
const CLOSE_GRACE_MS = 10_000;

type StreamType = 'error' | 'stdin' | 'stdout' | 'stderr' | 'resize';
type Streams = Partial<Record<StreamType, SpdyStream>>;

const RESIZING = new Set([V4, 'v3.channel.k8s.io']);

/** How many streams the client opens for these options under protocol. */
export function expectedStreams(o: StreamRequest, protocol: string): number {
  return 1 + Number(o.stdin) + Number(o.stdout) + Number(o.stderr) + Number(o.tty && RESIZING.has(protocol));
}

/** Collects the client's streams; resolves once `expected` of a known type arrived. */
function waitForStreams(up: Upgraded, expected: number, timers: Timers): { session: SpdySession; streams: Promise<Streams | undefined> } {
  const streams: Streams = {};
  let count = 0;
  let done: (s: Streams | undefined) => void = () => {};
  const ready = new Promise<Streams | undefined>((r) => (done = r));
  const session = new SpdySession(up.socket, {
    server: true,
    ...(up.head.length ? { initial: up.head } : {}),
    onStream: (s) => {
      s.on('error', () => {});
      const type = s.headers.streamtype as StreamType;
      if (!['error', 'stdin', 'stdout', 'stderr', 'resize'].includes(type)) return undefined;
      streams[type] = s;
      if (++count === expected) queueMicrotask(() => done(streams));
      return undefined;
    },
  });
  const timer = timers.setTimeout(() => done(undefined), STREAM_CREATION_TIMEOUT_MS);
  void session.closed.then(() => done(undefined));
  return { session, streams: ready.finally(() => timers.clearTimeout(timer)) };
}

const writable = (s: SpdyStream | undefined): s is SpdyStream => !!s && !s.destroyed && !s.writableEnded;

function write(s: SpdyStream | undefined, data: Buffer | string): void {
  if (writable(s)) s.write(data);
}

/** The client's input; ends quietly when the connection goes. */
async function* input(s: Readable): AsyncIterable<Buffer> {
  try {
    for await (const chunk of s) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
  } catch {
    // the connection is gone
  }
}

/** The status as the protocol writes it on the error stream (nothing for a v1–v3 success). */
export function statusText(status: ChannelStatus, protocol: string): string | undefined {
  if (protocol === V4) return JSON.stringify(status);
  return status.status === 'Success' ? undefined : (status.message ?? '');
}

async function run(session: StreamSession, s: Streams, signal: AbortSignal): Promise<StreamEnd> {
  try {
    return await session.run({
      ...(s.stdin ? { stdin: input(s.stdin) } : {}),
      stdout: (d) => write(s.stdout, d),
      stderr: (d) => write(s.stderr, d),
      resizes: terminalSizes(s.resize ? input(s.resize) : undefined),
      signal,
    });
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Serves one exec or attach on an upgraded connection whose protocol was negotiated. */
export async function serveSpdyCommand(up: Upgraded, protocol: string, req: StreamRequest, session: StreamSession, timers: Timers): Promise<void> {
  const { session: conn, streams } = waitForStreams(up, expectedStreams(req, protocol), timers);
  const s = await streams;
  if (!s) return void conn.close();
  const gone = new AbortController();
  void conn.closed.then(() => gone.abort());
  const end = await run(session, s, gone.signal);
  const text = statusText(kubeletEnd(end, req), protocol);
  if (text !== undefined) write(s.error, text);
  for (const x of [s.error, s.stdout, s.stderr]) if (writable(x)) x.end();
  // spdystream's Close waits for the client's side: the client closes once it read the status.
  const timer = timers.setTimeout(() => conn.close(), CLOSE_GRACE_MS);
  await conn.closed;
  timers.clearTimeout(timer);
}
