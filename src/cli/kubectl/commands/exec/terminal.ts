// StreamOptions.SetupTTY: without -i nothing is read and there is no terminal; -t on an input
// that is not a terminal is dropped with kubectl's warning; on a terminal the input goes raw
// (restored at the end) and its size is sent, first at once, then at each change.
import { on } from 'node:events';
import type { Readable } from 'node:stream';
import type { Ctx } from '../../context.js';

export const NOT_A_TERMINAL = 'Unable to use a TTY - input is not a terminal or the right kind of file\n';

export interface Size { width: number; height: number }

export interface Terminal {
  stdin?: Readable;
  /** The session runs on a terminal (raw input, tty=true). */
  raw: boolean;
  sizes?: AsyncIterable<Size>;
  restore(): void;
}

type TtyIn = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
type TtyOut = NodeJS.EventEmitter & { columns?: number; rows?: number };

const isTerminal = (s: Readable): s is TtyIn & { setRawMode: (raw: boolean) => unknown } => (s as TtyIn).isTTY === true && typeof (s as TtyIn).setRawMode === 'function';

async function* sizesOf(out: TtyOut, first: Size[], signal: AbortSignal): AsyncIterable<Size> {
  yield* first;
  try {
    for await (const _ of on(out, 'resize', { signal })) yield { width: out.columns ?? 0, height: out.rows ?? 0 };
  } catch {
    // aborted: the session is over
  }
}

/** nudge: first send a size one larger (attach's redraw trick). */
export function setupTerminal(ctx: Ctx, o: { stdin: boolean; tty: boolean; quiet: boolean; nudge?: boolean }): Terminal {
  const none = { raw: false, restore: () => {} };
  if (!o.stdin) return none;
  const input = ctx.io.stdin;
  if (!o.tty) return { ...none, stdin: input };
  if (!isTerminal(input)) {
    if (!o.quiet) ctx.io.stderr.write(NOT_A_TERMINAL);
    return { ...none, stdin: input };
  }
  input.setRawMode(true);
  const out = ctx.io.stdout as unknown as TtyOut;
  const stop = new AbortController();
  const size = out.columns && out.rows ? { width: out.columns, height: out.rows } : undefined;
  const first = !size ? [] : o.nudge ? [{ width: size.width + 1, height: size.height + 1 }, size] : [size];
  return {
    stdin: input, raw: true,
    ...(typeof out.on === 'function' ? { sizes: sizesOf(out, first, stop.signal) } : {}),
    restore: () => {
      stop.abort();
      input.setRawMode(false);
    },
  };
}
