// klog's text header, as kubectl writes its warnings and unhandled errors to stderr:
// `E1122 11:34:53.739521    4697 memcache.go:265] ` (level, MMDD, time in µs, pid right-aligned
// to 7, then file:line).
import type { OutStream } from '../shared/io.js';

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function klogHeader(level: 'E' | 'W' | 'I' | 'F', at: string, now: Date = new Date(), pid: number = process.pid): string {
  const micros = pad(now.getMilliseconds() * 1000, 6);
  const time = `${pad(now.getHours(), 2)}:${pad(now.getMinutes(), 2)}:${pad(now.getSeconds(), 2)}.${micros}`;
  return `${level}${pad(now.getMonth() + 1, 2)}${pad(now.getDate(), 2)} ${time} ${String(pid).padStart(7)} ${at}] `;
}

export function klog(out: OutStream, level: 'E' | 'W' | 'I' | 'F', at: string, message: string): void {
  out.write(`${klogHeader(level, at)}${message}\n`);
}
