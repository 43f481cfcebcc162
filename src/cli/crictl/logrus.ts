// logrus's TextFormatter as crictl's stderr shows it: `LEVL[0000] msg` (padded to 44, one trailing
// space) on a terminal, `time="…" level=… msg=…` otherwise; and Go's std `log` line.
import type { OutStream } from '../shared/io.js';
import { goQuote } from '../../printers/go-quote.js';

export { goQuote };

export type Level = 'debug' | 'info' | 'warning' | 'error' | 'fatal';

const COLORS: Record<Level, number> = { debug: 37, info: 36, warning: 33, error: 31, fatal: 31 };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Go's RFC 3339 in local time: `2024-12-06T10:21:03Z` or `…+01:00`. */
export function rfc3339Local(d: Date): string {
  const date = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  const off = -d.getTimezoneOffset();
  const zone = off === 0 ? 'Z' : `${off > 0 ? '+' : '-'}${pad2(Math.floor(Math.abs(off) / 60))}:${pad2(Math.abs(off) % 60)}`;
  return `${date}T${time}${zone}`;
}

function needsQuoting(text: string): boolean {
  return /[^a-zA-Z0-9\-._/@^+]/.test(text);
}

export class Logger {
  private readonly start = Date.now();
  debugEnabled = false;

  constructor(
    private readonly out: OutStream,
    private readonly tty: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  line(level: Level, msg: string): void {
    if (level === 'debug' && !this.debugEnabled) return;
    const text = msg.replace(/\n+$/, '');
    if (this.tty) {
      const secs = Math.floor((Date.now() - this.start) / 1000);
      const tag = level.toUpperCase().slice(0, 4);
      this.out.write(`\x1b[${COLORS[level]}m${tag}\x1b[0m[${String(secs).padStart(4, '0')}] ${text.padEnd(44)} \n`);
      return;
    }
    const shown = needsQuoting(text) ? goQuote(text) : text;
    this.out.write(`time="${rfc3339Local(this.now())}" level=${level} msg=${shown}\n`);
  }

  debug(msg: string): void {
    this.line('debug', msg);
  }
  info(msg: string): void {
    this.line('info', msg);
  }
  warn(msg: string): void {
    this.line('warning', msg);
  }
  error(msg: string): void {
    this.line('error', msg);
  }
  fatal(msg: string): void {
    this.line('fatal', msg);
  }

  /** Go's std log.Printf/Fatalf line: `2024/12/06 10:21:03 msg`. */
  stdlog(msg: string): void {
    const d = this.now();
    const stamp = `${d.getFullYear()}/${pad2(d.getMonth() + 1)}/${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
    this.out.write(`${stamp} ${msg}${msg.endsWith('\n') ? '' : '\n'}`);
  }
}
