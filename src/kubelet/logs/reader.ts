// kuberuntime's ReadLogs over one CRI log file: start at the tail, skip entries older than since,
// prefix timestamps, cut at limitBytes; when following, keep reading what the container appends
// until it is no longer running and the file is drained (or the client goes away).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parseCriLine, type CriEntry } from './cri-line.js';
import type { ReadOptions } from './options.js';
import { tailStart } from './tail.js';

const EOL = 0x0a;

export interface FollowHooks {
  /** Whether the container instance being read is still running. */
  running(): boolean;
  /** Resolves after the next check period (upstream: a file event or 1 s), or when aborted. */
  wait(): Promise<void>;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
}

/** The bytes of path from offset on; none when the file does not exist (yet). */
export function readFrom(path: string, offset: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return Buffer.alloc(0);
    const buf = Buffer.alloc(size - offset);
    const n = readSync(fd, buf, 0, buf.length, offset);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The logWriter: since, timestamps and the byte limit. */
class LogWriter {
  private remain: number;

  constructor(private readonly o: ReadOptions, private readonly out: (b: Buffer) => void) {
    this.remain = o.bytes >= 0 ? o.bytes : Number.POSITIVE_INFINITY;
  }

  /** Writes e; false once the byte limit is reached. */
  write(e: CriEntry): boolean {
    if (e.ns < this.o.sinceNs) return true;
    let line = this.o.timestamps ? Buffer.concat([Buffer.from(`${e.time} `), e.log]) : e.log;
    if (line.length > this.remain) line = line.subarray(0, this.remain);
    if (line.length) this.out(line);
    this.remain -= line.length;
    return this.remain > 0;
  }
}

/** Streams the log at path to out as the options say; resolves when done. */
export async function readLogs(path: string, o: ReadOptions, out: (b: Buffer) => void, hooks: FollowHooks): Promise<void> {
  const w = new LogWriter(o, out);
  let buf = readFrom(path, 0);
  let offset = buf.length;
  let pos = tailStart(buf, o.tail);
  // Without follow, tail also caps how many entries are written (an incomplete last line included).
  let left = o.tail >= 0 && !o.follow ? o.tail : -1;
  let found = true;
  for (;;) {
    for (let nl = buf.indexOf(EOL, pos); nl >= 0 && left !== 0; nl = buf.indexOf(EOL, pos)) {
      const e = parseCriLine(buf.subarray(pos, nl + 1));
      pos = nl + 1;
      if (!e) continue;
      if (!w.write(e)) return;
      if (left > 0) left--;
    }
    if (!o.follow) {
      const e = left !== 0 && pos < buf.length ? parseCriLine(buf.subarray(pos)) : undefined;
      if (e) w.write(e);
      return;
    }
    if (!found || hooks.signal.aborted) return;
    found = hooks.running();
    if (found) await hooks.wait();
    if (hooks.signal.aborted) return;
    const more = readFrom(path, offset);
    offset += more.length;
    buf = Buffer.concat([buf.subarray(pos), more]);
    pos = 0;
  }
}
