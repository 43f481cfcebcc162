// The v5.channel.k8s.io session as client-go's streamProtocolV5 runs it: stdin sent on channel 0
// (then the CLOSE signal [255, 0] at its end), stdout and stderr copied from channels 1 and 2 as
// they arrive, terminal sizes as JSON on channel 4; when the server closes the connection the
// error channel (3) is decoded as errorDecoderV4 does: Success, the exit code of a
// NonZeroExitCode Status, or the Status' message.
import type { Readable } from 'node:stream';
import type WebSocket from 'ws';
import type { OutStream } from '../../../shared/io.js';
import { klog, type Klog } from '../../klog.js';

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
const CLOSE = 255;

export interface StreamOptions {
  stdin?: Readable;
  stdout?: OutStream;
  stderr?: OutStream;
  /** Terminal sizes to send (the first one right away). */
  sizes?: AsyncIterable<{ width: number; height: number }>;
  /** Where client-go's klog lines go (a connection lost before the session ended). */
  log?: OutStream;
  /** the command's -v logging (the read loop's end at 8) */
  verbose?: Klog;
  /**
   * The local terminal is raw but still turns NL into CR NL (Node's raw mode keeps ONLCR, Go's
   * term.MakeRaw does not): the remote terminal's CR NL are written as NL so it shows once.
   */
  onlcr?: boolean;
}

/** out with every CR NL written as NL (a CR ending one chunk waits for the next). */
export function crlfAsLf(out: OutStream): OutStream {
  let cr = false;
  return {
    write(chunk: string | Uint8Array) {
      const bytes = [...(cr ? [0x0d] : []), ...Buffer.from(chunk)];
      cr = bytes[bytes.length - 1] === 0x0d;
      if (cr) bytes.pop();
      return out.write(Buffer.from(bytes.filter((b, i) => !(b === 0x0d && bytes[i + 1] === 0x0a))));
    },
  };
}

/** The command's exit code, worded as client-go's CodeExitError. */
export class ExitCodeError extends Error {
  constructor(readonly code: number) {
    super(`command terminated with exit code ${code}`);
  }
}

interface Status { status?: string; message?: string; reason?: string; details?: { causes?: { reason?: string; message?: string }[] } }

/** errorDecoderV4: nothing or Success is no error. */
export function decodeError(message: string): Error | undefined {
  if (!message) return undefined;
  let s: Status;
  try {
    s = JSON.parse(message) as Status;
  } catch (err) {
    return new Error(`error stream protocol error: ${(err as Error).message} in ${JSON.stringify(message)}`);
  }
  if (s.status === 'Success') return undefined;
  if (s.status !== 'Failure') return new Error('error stream protocol error: unknown error');
  if (s.reason !== 'NonZeroExitCode') return new Error(s.message ?? '');
  if (!s.details) return new Error('error stream protocol error: details must be set');
  const cause = s.details.causes?.find((c) => c.reason === 'ExitCode');
  if (!cause) return new Error('error stream protocol error: no ExitCode cause given');
  const rc = /^\d+$/.test(cause.message ?? '') ? Number(cause.message) : Number.NaN;
  if (!(rc >= 0 && rc <= 255)) return new Error(`error stream protocol error: invalid exit code value ${JSON.stringify(cause.message ?? '')}`);
  return new ExitCodeError(rc);
}

const frame = (channel: number, data: Buffer | string) => Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data) : data]);

function sendInput(ws: WebSocket, stdin: Readable): () => void {
  const onData = (chunk: Buffer | string) => ws.send(frame(STDIN, chunk));
  const onEnd = () => ws.readyState === ws.OPEN && ws.send(Buffer.from([CLOSE, STDIN]));
  stdin.on('data', onData);
  stdin.once('end', onEnd);
  return () => {
    stdin.off('data', onData);
    stdin.off('end', onEnd);
    stdin.pause();
  };
}

async function sendSizes(ws: WebSocket, sizes: AsyncIterable<{ width: number; height: number }>): Promise<void> {
  for await (const s of sizes) {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(frame(RESIZE, `${JSON.stringify({ Width: s.width, Height: s.height })}\n`));
  }
}

/** Runs the session to its end; throws its error (ExitCodeError for an exit code). */
export function runStream(ws: WebSocket, o: StreamOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    let error = '';
    const stdout = o.stdout && o.onlcr ? crlfAsLf(o.stdout) : o.stdout;
    const stopInput = o.stdin ? sendInput(ws, o.stdin) : () => {};
    if (o.sizes) void sendSizes(ws, o.sizes);
    ws.on('message', (data: Buffer) => {
      const payload = data.subarray(1);
      if (data[0] === STDOUT && payload.length) stdout?.write(payload);
      else if (data[0] === STDERR && payload.length) o.stderr?.write(payload);
      else if (data[0] === ERROR) error += payload.toString('utf8');
    });
    ws.once('close', (code) => {
      stopInput();
      const closed = code === 1000 || code === 1005;
      if (closed) o.verbose?.info(8, 'websocket.go:490', 'closed channel--returning');
      const err = closed ? decodeError(error) : lost(code, o);
      if (err) reject(err);
      else resolve();
    });
    ws.once('error', (err) => {
      stopInput();
      reject(err);
    });
  });
}

/** The connection ended without a close frame: the copy loops log it, the error stream fails. */
function lost(code: number, o: StreamOptions): Error {
  const why = `next reader: websocket: close ${code}${code === 1006 ? ' (abnormal closure): unexpected EOF' : ''}`;
  if (o.log) {
    if (o.stderr) klog(o.log, 'E', 'v2.go:167', `"Unhandled Error" err="${why}"`);
    if (o.stdout) klog(o.log, 'E', 'v2.go:150', `"Unhandled Error" err="${why}"`);
  }
  return new Error(`error reading from error stream: ${why}`);
}
