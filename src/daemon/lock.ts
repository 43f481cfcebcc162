// The daemon's lock: its pid file, created exclusively (link(2) fails on an existing file) so only one daemon runs per cluster. A pid
// file whose process is gone (kill -9, a crash, a reboot) is stale and is taken over; one whose
// pid now belongs to another program (the pid was reused) is stale too.
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

/** The argument every daemon process carries, so a reused pid is not taken for a daemon. */
export const DAEMON_MARKER = '__daemon';

export class LockHeldError extends Error {
  constructor(readonly file: string, readonly pid: number) {
    super(`another kubedojo daemon (pid ${pid}) holds "${file}"`);
  }
}

export interface PidLock {
  pid: number;
  release(): void;
}

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/** The pid recorded in the file, or undefined when there is none (or it is not a number). */
export function readPid(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (errno(err) === 'ENOENT') return undefined;
    throw err;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** On Linux, /proc tells zombies and other programs apart; elsewhere a signal 0 must do. */
function procSaysDaemon(pid: number): boolean | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) Z /.test(stat)) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(DAEMON_MARKER);
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a live kubedojo daemon (this process counts: it may hold its own lock). */
export function isDaemonAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (errno(err) !== 'EPERM') return false;
  }
  return procSaysDaemon(pid) ?? true;
}

/** Creates the file with its content in one step (a temp file, then link: O_EXCL semantics). */
function createExclusive(file: string, pid: number): boolean {
  const temp = `${file}.new-${process.pid}`;
  writeFileSync(temp, `${pid}\n`, { mode: 0o644 });
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    if (errno(err) === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Moves a stale pid file aside, then checks it really was the stale one: if a new daemon created
 * its file meanwhile, that file is put back (link fails rather than overwrite) and nothing is lost.
 */
function removeStale(file: string, stalePid: number | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if (errno(err) === 'ENOENT') return;
    throw err;
  }
  const moved = readPid(aside);
  if (moved !== stalePid && moved !== undefined && isDaemonAlive(moved)) {
    try { linkSync(aside, file); } catch { /* another daemon's file is already back in place */ }
  }
  unlinkSync(aside);
}

/** Takes the lock for `pid` or throws LockHeldError naming the daemon that holds it. */
export function acquirePidLock(file: string, pid: number = process.pid): PidLock {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(file, pid)) return { pid, release: () => releasePidLock(file, pid) };
    const holder = readPid(file);
    if (holder !== undefined && holder !== pid && isDaemonAlive(holder)) throw new LockHeldError(file, holder);
    removeStale(file, holder);
  }
  throw new Error(`could not take the lock "${file}": it keeps changing; try again`);
}

/** Removes the pid file if it still names `pid` (never another daemon's file). */
export function releasePidLock(file: string, pid: number): void {
  if (readPid(file) !== pid) return;
  try {
    unlinkSync(file);
  } catch (err) {
    if (errno(err) !== 'ENOENT') throw err;
  }
}

/** The pid of the live daemon named in the file; a stale file is left for the next daemon. */
export function runningDaemonPid(file: string): number | undefined {
  const pid = readPid(file);
  return pid !== undefined && isDaemonAlive(pid) ? pid : undefined;
}
