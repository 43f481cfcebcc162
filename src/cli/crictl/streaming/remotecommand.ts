// client-go's remotecommand over SPDY (streamProtocolV2–V4): streams opened in order — error,
// stdin (with -i), stdout, stderr (not with a terminal), resize (with a terminal, v3 on) — each
// once the server replied; stdin copied until it ends (then the stream half-closed), stdout and
// stderr copied until the server ends them, then the error stream read to its end and decoded:
// a Status on v4 (Success, `command terminated with exit code N`, or its message), the text itself
// before (`error executing remote command: …`).
import type { Readable } from 'node:stream';
import type { OutStream } from '../../shared/io.js';
import { SpdySession } from '../../../client/spdy/session.js';
import type { SpdyStream } from '../../../client/spdy/stream.js';
import { decodeError } from '../../kubectl/commands/exec/stream.js';
import type { SpdyConnection } from './upgrade.js';

/** What spdy.NewSPDYExecutor offers, best first. */
export const SPDY_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];

export interface Size {
  width: number;
  height: number;
}

export interface CommandStreams {
  stdin?: Readable;
  stdout: OutStream;
  stderr: OutStream;
  tty: boolean;
  /** Terminal sizes to send (tty). */
  sizes?: AsyncIterable<Size>;
}

const withStatus = (p: string) => p === 'v5.channel.k8s.io' || p === 'v4.channel.k8s.io';
const resizing = (p: string) => withStatus(p) || p === 'v3.channel.k8s.io';

/** errorDecoderV4 for v4/v5, errorDecoderV2 before. */
export function decodeErrorStream(protocol: string, message: string): Error | undefined {
  if (message === '') return undefined;
  if (withStatus(protocol)) return decodeError(message);
  return new Error(`error executing remote command: ${message}`);
}

function readText(s: SpdyStream): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    s.on('data', (d: Buffer) => parts.push(d));
    const done = () => resolve(Buffer.concat(parts).toString('utf8'));
    s.once('end', done);
    s.once('close', done);
  });
}

function copyOut(s: SpdyStream, out: OutStream): Promise<void> {
  return new Promise((resolve) => {
    s.on('data', (d: Buffer) => out.write(d));
    s.once('end', () => resolve());
    s.once('close', () => resolve());
  });
}

function copyIn(from: Readable, to: SpdyStream): void {
  const onData = (d: Buffer | string) => {
    if (!to.destroyed && !to.writableEnded) to.write(d);
  };
  from.on('data', onData);
  const close = () => {
    from.off('data', onData);
    if (!to.destroyed && !to.writableEnded) to.end();
  };
  from.once('end', close);
  from.once('error', close);
  to.once('close', () => from.off('data', onData));
}

async function sendSizes(to: SpdyStream, sizes: AsyncIterable<Size>): Promise<void> {
  for await (const s of sizes) {
    if (to.destroyed || to.writableEnded) return;
    to.write(`${JSON.stringify({ Width: s.width, Height: s.height })}\n`);
  }
}

/** Runs the session on an upgraded connection; rejects with its error (decodeError's for an exit code). */
export async function runSpdyCommand(conn: SpdyConnection, o: CommandStreams): Promise<void> {
  const session = new SpdySession(conn.socket, { server: false, ...(conn.head.length ? { initial: conn.head } : {}) });
  try {
    const open = (type: string) => session.open({ streamtype: type }).then((s) => (s.on('error', () => {}), s));
    const error = await open('error');
    const message = readText(error);
    const stdin = o.stdin ? await open('stdin') : undefined;
    const stdout = await open('stdout');
    const stderr = o.tty ? undefined : await open('stderr');
    const resize = o.tty && resizing(conn.protocol) ? await open('resize') : undefined;
    if (resize && o.sizes) void sendSizes(resize, o.sizes);
    if (stdin && o.stdin) copyIn(o.stdin, stdin);
    await Promise.all([copyOut(stdout, o.stdout), stderr ? copyOut(stderr, o.stderr) : undefined]);
    const err = decodeErrorStream(conn.protocol, await message);
    if (err) throw err;
  } finally {
    session.close();
  }
}
