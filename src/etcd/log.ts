// etcd 3.4's default (capnslog) log lines: `2026-11-22 13:38:35.096068 I | etcdmain: …`, local time.
export type Level = 'I' | 'N' | 'W' | 'E' | 'C';

export interface Logger {
  log(level: Level, pkg: string, message: string): void;
  raft(message: string): void;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Microseconds within the current second, from the high-resolution clock. */
const microsNow = (): number => Math.floor((performance.timeOrigin + performance.now()) * 1000) % 1_000_000;

export function capnslogTime(d: Date, micros = microsNow()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(micros, 6)}`;
}

export function createLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  return {
    log: (level, pkg, message) => write(`${capnslogTime(now())} ${level} | ${pkg}: ${message}\n`),
    raft: (message) => {
      const d = now();
      write(`raft${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} INFO: ${message}\n`);
    },
  };
}
