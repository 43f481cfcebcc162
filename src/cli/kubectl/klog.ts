// klog's text header, as kubectl writes its warnings, unhandled errors and -v logs to stderr:
// `E1122 11:34:53.739521    4697 memcache.go:265] ` (level, MMDD, time in µs, pid right-aligned
// to 7, then file:line). `Klog` is klog's verbosity gate: `-v=N` lets every V(level ≤ N) line out.
import { goQuote } from '../../printers/go-quote.js';
import type { OutStream } from '../shared/io.js';

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Now in milliseconds with the fraction the high-resolution clock gives (klog prints µs). */
const preciseNow = (): number => performance.timeOrigin + performance.now();

export function klogHeader(level: 'E' | 'W' | 'I' | 'F', at: string, when: Date | number = preciseNow(), pid: number = process.pid): string {
  const ms = typeof when === 'number' ? when : when.getTime();
  const now = new Date(Math.floor(ms));
  const micros = pad(Math.floor((ms - Math.floor(ms / 1000) * 1000) * 1000), 6);
  const time = `${pad(now.getHours(), 2)}:${pad(now.getMinutes(), 2)}:${pad(now.getSeconds(), 2)}.${micros}`;
  return `${level}${pad(now.getMonth() + 1, 2)}${pad(now.getDate(), 2)} ${time} ${String(pid).padStart(7)} ${at}] `;
}

export function klog(out: OutStream, level: 'E' | 'W' | 'I' | 'F', at: string, message: string): void {
  out.write(`${klogHeader(level, at)}${message}\n`);
}

/** klog's writeStringValue: one line quoted; several lines as `<`, each line tab-indented, ` >`. */
export function kvValue(v: string): string {
  if (!v.includes('\n')) return goQuote(v);
  const lines = v.endsWith('\n') ? v.slice(0, -1).split('\n') : v.split('\n');
  return `<\n${lines.map((l) => `\t${l}\n`).join('')} >`;
}

/** One command's klog: `V(level).Info…` lines go to stderr when -v is at least that level. */
export class Klog {
  constructor(private readonly out: OutStream, readonly verbosity: number) {}

  /** klog.V(level).Enabled() */
  v(level: number): boolean {
    return this.verbosity >= level;
  }

  /** klog.V(level).Info…(message) from the Go source at `at` (file.go:line). */
  info(level: number, at: string, message: string): void {
    if (this.v(level)) klog(this.out, 'I', at, message);
  }

  /** logr's structured form: `"msg" key="value" …` (string values quoted as strconv.Quote does). */
  infoS(level: number, at: string, message: string, kv: Record<string, string>): void {
    if (!this.v(level)) return;
    const pairs = Object.entries(kv).map(([k, val]) => ` ${k}=${kvValue(val)}`).join('');
    klog(this.out, 'I', at, `${goQuote(message)}${pairs}`);
  }
}
