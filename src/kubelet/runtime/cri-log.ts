// Container logs as the CRI runtime writes them: one file per container start at
// <node>/var/log/pods/<ns>_<pod>_<uid>/<container>/<restartCount>.log, each line
// `<RFC 3339 time, 9 fraction digits> <stdout|stderr> <F|P> <text>`.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Stream = 'stdout' | 'stderr';

export function podLogDir(podLogs: string, ns: string, pod: string, uid: string): string {
  return join(podLogs, `${ns}_${pod}_${uid}`);
}

export function containerLogPath(podLogs: string, pod: { ns: string; name: string; uid: string }, container: string, restartCount: number): string {
  return join(podLogDir(podLogs, pod.ns, pod.name, pod.uid), container, `${restartCount}.log`);
}

/** 2026-01-01T00:00:00.123000000Z */
export const criTime = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');

/** One CRI log line (no newline), full (F) unless tagged partial. */
export const criLine = (ms: number, stream: Stream, text: string, tag: 'F' | 'P' = 'F'): string => `${criTime(ms)} ${stream} ${tag} ${text}`;

/** Splits output into CRI lines; a line still open waits for its newline or for close(). */
export class CriLogWriter {
  private readonly open: Record<Stream, string> = { stdout: '', stderr: '' };
  /** Every line written, for tests and for the runtime's own checks. */
  readonly lines: string[] = [];

  constructor(private readonly path: string | undefined, private readonly now: () => number) {
    if (path) mkdirSync(dirname(path), { recursive: true });
  }

  write(stream: Stream, chunk: string): void {
    const text = this.open[stream] + chunk;
    const parts = text.split('\n');
    this.open[stream] = parts.pop() ?? '';
    for (const p of parts) this.emit(stream, 'F', p);
  }

  /** Writes whatever line is still open (the process has exited). */
  close(): void {
    for (const s of ['stdout', 'stderr'] as const) {
      if (this.open[s]) this.emit(s, 'F', this.open[s]);
      this.open[s] = '';
    }
  }

  private emit(stream: Stream, tag: 'F' | 'P', text: string): void {
    const line = criLine(this.now(), stream, text, tag);
    this.lines.push(line);
    if (this.path) appendFileSync(this.path, line + '\n');
  }
}
