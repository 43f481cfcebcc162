import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquirePidLock, isDaemonAlive, LockHeldError, readPid, releasePidLock, runningDaemonPid } from './lock.js';

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('pid lock', () => {
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubedojo-lock-'));
    file = join(dir, 'daemon.pid');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the pid file with the pid, and removes it on release', () => {
    const lock = acquirePidLock(file);
    expect(readFileSync(file, 'utf8')).toBe(`${process.pid}\n`);
    expect(runningDaemonPid(file)).toBe(process.pid);
    lock.release();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a second daemon while the first one lives', () => {
    const lock = acquirePidLock(file);
    const other = process.pid + 100_000;
    expect(() => acquirePidLock(file, other)).toThrow(LockHeldError);
    expect(() => acquirePidLock(file, other)).toThrow(`another kubedojo daemon (pid ${process.pid}) holds "${file}"`);
    expect(readPid(file)).toBe(process.pid);
    lock.release();
  });

  it('takes over a pid file whose process is gone (kill -9, crash)', () => {
    const dead = deadPid();
    writeFileSync(file, `${dead}\n`);
    expect(isDaemonAlive(dead)).toBe(false);
    expect(runningDaemonPid(file)).toBeUndefined();
    const lock = acquirePidLock(file);
    expect(readPid(file)).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['daemon.pid']);
    lock.release();
  });

  it('takes over a pid file with garbage in it', () => {
    writeFileSync(file, 'not a pid\n');
    acquirePidLock(file).release();
    expect(existsSync(file)).toBe(false);
  });

  it.runIf(existsSync('/proc/self/cmdline'))('takes over a pid reused by a program that is not a daemon', async () => {
    const sleeper = spawn('sleep', ['30']);
    try {
      await new Promise((r) => sleeper.once('spawn', r));
      writeFileSync(file, `${sleeper.pid}\n`);
      expect(isDaemonAlive(sleeper.pid!)).toBe(false);
      acquirePidLock(file).release();
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('counts a live process carrying the daemon marker as a daemon', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', '__daemon']);
    try {
      await new Promise((r) => child.once('spawn', r));
      writeFileSync(file, `${child.pid}\n`);
      expect(() => acquirePidLock(file)).toThrow(LockHeldError);
      expect(runningDaemonPid(file)).toBe(child.pid);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    expect(runningDaemonPid(file)).toBeUndefined();
  });

  it('release leaves another daemon\'s pid file alone', () => {
    writeFileSync(file, '4242\n');
    releasePidLock(file, process.pid);
    expect(readPid(file)).toBe(4242);
  });
});
