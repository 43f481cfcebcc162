// The process collector's series (process_*) and etcd's os_fd_* gauges, read from /proc as Go's
// procfs reads them (CPU time and start time in USER_HZ ticks of 1/100 s). `etcdctl check
// datascale` compares process_resident_memory_bytes before and after its writes. Off Linux (no
// /proc) only the resident memory is reported.
import { readFileSync, readdirSync } from 'node:fs';
import { single, type Family } from './metrics-text.js';

const USER_HZ = 100;
/** What Go reports for an unlimited address space: float64(^uint64(0)). */
const UNLIMITED = 2 ** 64;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The fields of /proc/self/stat after the command name; [0] is field 3 (state). */
function statFields(): string[] | undefined {
  const stat = read('/proc/self/stat');
  if (stat === undefined) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ');
}

function bootTime(): number {
  const m = /^btime (\d+)$/m.exec(read('/proc/stat') ?? '');
  return m === null ? 0 : Number(m[1]);
}

/** The soft limit of a /proc/self/limits row (`Max open files  1024  4096  files`). */
function softLimit(row: string): number | undefined {
  const line = (read('/proc/self/limits') ?? '').split('\n').find((l) => l.startsWith(row));
  const soft = line?.slice(row.length).trim().split(/\s+/)[0];
  if (soft === undefined) return undefined;
  return soft === 'unlimited' ? UNLIMITED : Number(soft);
}

function openFds(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return undefined;
  }
}

function fromStat(f: string[]): Family[] {
  const ticks = Number(f[11]) + Number(f[12]);
  return [
    single('process_cpu_seconds_total', 'counter', 'Total user and system CPU time spent in seconds.', ticks / USER_HZ),
    single('process_start_time_seconds', 'gauge', 'Start time of the process since unix epoch in seconds.', Number(f[19]) / USER_HZ + bootTime()),
    single('process_virtual_memory_bytes', 'gauge', 'Virtual memory size in bytes.', Number(f[20])),
  ];
}

function fromLimits(): Family[] {
  const out: Family[] = [];
  const fds = softLimit('Max open files');
  if (fds !== undefined) {
    out.push(single('process_max_fds', 'gauge', 'Maximum number of open file descriptors.', fds));
    out.push(single('os_fd_limit', 'gauge', 'The file descriptor limit.', fds));
  }
  const vm = softLimit('Max address space');
  if (vm !== undefined) out.push(single('process_virtual_memory_max_bytes', 'gauge', 'Maximum amount of virtual memory available in bytes.', vm));
  return out;
}

export function processFamilies(): Family[] {
  const out = [single('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', process.memoryUsage.rss())];
  const f = statFields();
  if (f !== undefined && f.length > 21) out.push(...fromStat(f));
  out.push(...fromLimits());
  const used = openFds();
  if (used !== undefined) {
    out.push(single('process_open_fds', 'gauge', 'Number of open file descriptors.', used));
    out.push(single('os_fd_used', 'gauge', 'The number of used file descriptors.', used));
  }
  return out;
}
