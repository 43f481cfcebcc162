// crictl's terminal for `-it` (stream() in cmd/crictl/exec.go): the input must be a terminal
// (`input is not a terminal`), goes raw for the session and is restored after; its size is sent
// first and at every change (MonitorSize); the detach keys ctrl-p,ctrl-q end the input (moby/term's
// EscapeProxy: the copy fails with `read escape sequence`, which client-go logs, and the remote
// stdin is closed). Node's raw mode keeps ONLCR, Go's does not: the remote CR NL is written as NL.
import { on } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Io, OutStream } from '../../shared/io.js';
import { crlfAsLf } from '../../kubectl/commands/exec/stream.js';
import { klog } from '../../kubectl/klog.js';
import type { Size } from './remotecommand.js';

const CTRL_P = 0x10;
const CTRL_Q = 0x11;

type TtyIn = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
type TtyOut = NodeJS.EventEmitter & { columns?: number; rows?: number };

export interface Terminal {
  stdin: Readable;
  stdout: OutStream;
  sizes?: AsyncIterable<Size>;
  restore(): void;
}

export const isTerminalIn = (s: Readable): boolean => (s as TtyIn).isTTY === true && typeof (s as TtyIn).setRawMode === 'function';

/** The input up to the detach keys; a ctrl-p not followed by ctrl-q passes through. */
export function escapeProxy(input: Readable, onDetach: () => void): Readable {
  const out = new PassThrough();
  let held = false;
  const onData = (chunk: Buffer | string) => {
    const bytes = [...(held ? [CTRL_P] : []), ...Buffer.from(chunk)];
    held = false;
    const keep: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== CTRL_P) keep.push(bytes[i]!);
      else if (i === bytes.length - 1) held = true;
      else if (bytes[i + 1] === CTRL_Q) return detach(keep);
      else keep.push(CTRL_P);
    }
    if (keep.length) out.write(Buffer.from(keep));
  };
  const detach = (keep: number[]) => {
    if (keep.length) out.write(Buffer.from(keep));
    input.off('data', onData);
    onDetach();
    out.end();
  };
  input.on('data', onData);
  input.once('end', () => out.end());
  return out;
}

async function* sizesOf(out: TtyOut, signal: AbortSignal): AsyncIterable<Size> {
  if (out.columns && out.rows) yield { width: out.columns, height: out.rows };
  try {
    for await (const _ of on(out, 'resize', { signal })) yield { width: out.columns ?? 0, height: out.rows ?? 0 };
  } catch {
    // aborted: the session is over
  }
}

/** The raw terminal for a tty session; the caller checked isTerminalIn. */
export function rawTerminal(io: Io): Terminal {
  const input = io.stdin as TtyIn & { setRawMode: (raw: boolean) => unknown };
  input.setRawMode(true);
  const stop = new AbortController();
  const out = io.stdout as unknown as TtyOut;
  const stdin = escapeProxy(input, () => klog(io.stderr, 'E', 'v2.go:104', '"Unhandled Error" err="read escape sequence"'));
  return {
    stdin,
    stdout: crlfAsLf(io.stdout),
    ...(typeof out.on === 'function' ? { sizes: sizesOf(out, stop.signal) } : {}),
    restore: () => {
      stop.abort();
      input.setRawMode(false);
      input.pause();
    },
  };
}
