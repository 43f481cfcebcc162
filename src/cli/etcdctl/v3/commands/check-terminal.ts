// The width pb.v1 draws its bar with: the columns of the controlling terminal (/dev/tty), or when
// there is none, of stdin if that is a terminal; 0 otherwise. It is asked again on every redraw,
// so a resized terminal gets a resized bar. Where stdout goes plays no part (`check perf > f` run
// from a terminal writes full-width lines into f).
import { closeSync, openSync } from 'node:fs';
import tty from 'node:tty';

export interface Terminal {
  /** columns now; 0 without a terminal */
  width(): number;
  close(): void;
}

const NONE: Terminal = { width: () => 0, close: () => undefined };

/** Node refreshes a tty stream's size on SIGWINCH only for stdout/stderr; this asks the tty. */
type Sized = tty.WriteStream & { _refreshSize?: () => void };

function openTty(path: string): number | undefined {
  try {
    const fd = openSync(path, 'r');
    if (tty.isatty(fd)) return fd;
    closeSync(fd);
  } catch {
    // no controlling terminal (ENXIO), or nothing there
  }
  return undefined;
}

export function controllingTerminal(): Terminal {
  const fd = openTty('/dev/tty') ?? (tty.isatty(0) ? openTty('/proc/self/fd/0') : undefined);
  if (fd === undefined) return NONE;
  let stream: Sized;
  try {
    stream = new tty.WriteStream(fd) as Sized;
  } catch {
    closeSync(fd);
    return NONE;
  }
  return {
    width: () => {
      stream._refreshSize?.();
      return stream.columns ?? 0;
    },
    close: () => stream.destroy(),
  };
}
