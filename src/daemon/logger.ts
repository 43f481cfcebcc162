// The daemon's log: klog's line format (`I1122 11:34:53.739521   12345 daemon.go:57] msg`), as
// the components of a kubeadm cluster write theirs, so `kubedojo logs` reads like a kubelet log.

export type Severity = 'I' | 'W' | 'E' | 'F';

export interface DaemonLogger {
  info(source: string, msg: string): void;
  warning(source: string, msg: string): void;
  error(source: string, msg: string): void;
}

export interface LoggerOptions {
  /** Milliseconds since the epoch (fractions give the microseconds). */
  clock?: () => number;
  pid?: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** klog's header: severity, mmdd, local hh:mm:ss.uuuuuu, the thread id right-aligned in 7. */
export function klogLine(severity: Severity, at: number, pid: number, source: string, msg: string): string {
  const d = new Date(Math.floor(at));
  const micros = Math.floor(at * 1000) % 1_000_000;
  const date = `${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`;
  const time = `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}.${pad(micros, 6)}`;
  const body = msg.endsWith('\n') ? msg : `${msg}\n`;
  return `${severity}${date} ${time} ${String(pid).padStart(7)} ${source}] ${body}`;
}

export function createDaemonLogger(write: (line: string) => void, opts: LoggerOptions = {}): DaemonLogger {
  const clock = opts.clock ?? (() => performance.timeOrigin + performance.now());
  const pid = opts.pid ?? process.pid;
  const emit = (severity: Severity) => (source: string, msg: string): void => {
    write(klogLine(severity, clock(), pid, source, msg));
  };
  return { info: emit('I'), warning: emit('W'), error: emit('E') };
}
