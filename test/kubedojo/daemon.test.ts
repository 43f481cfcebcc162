// The daemon's process machinery with a stand-in cluster (test/kubedojo/fake-daemon.ts): spawn
// detached, wait for /readyz with the admin certificate, one daemon per cluster, SIGTERM stops it
// cleanly, kill -9 leaves a stale pid file the next daemon takes over, start-up failures show the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../src/daemon/create.js';
import { isDaemonAlive, readPid, runningDaemonPid } from '../../src/daemon/lock.js';
import { clusterPaths, type ClusterPaths } from '../../src/daemon/paths.js';
import { ensureDaemonFor } from '../../src/daemon/spawn-ensure.js';
import { NotReadyError, waitReady } from '../../src/daemon/spawn-ready.js';
import { spawnDaemon, stopDaemon } from '../../src/daemon/spawn.js';
import { buildChild } from '../support/build-child.js';
import { fakeSteps, makeFakePki } from './support.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

describe('daemon process (stand-in cluster)', () => {
  let pki = '';
  let home = '';
  let entry = '';
  beforeAll(async () => {
    pki = makeFakePki();
    home = mkdtempSync(join(tmpdir(), 'kubedojo-daemon-'));
    entry = await buildChild('test/kubedojo/fake-daemon.ts');
  });
  afterAll(async () => {
    for (const name of ['a', 'b', 'c', 'd']) await stopDaemon(clusterPaths(home, name), 5_000).catch(() => undefined);
    rmSync(pki, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
    rmSync(entry, { force: true });
  });

  async function cluster(name: string): Promise<ClusterPaths> {
    const paths = clusterPaths(home, name);
    await createCluster(paths, undefined, fakeSteps(pki));
    return paths;
  }
  const start = (paths: ClusterPaths, env: Record<string, string> = {}) => spawnDaemon(paths, { entry, env: { ...process.env, ...env } });

  it('starts detached, becomes ready, refuses a second daemon, stops cleanly on SIGTERM', async () => {
    const paths = await cluster('a');
    const spawned = start(paths);
    await waitReady(paths, { pid: spawned.pid, logOffset: spawned.logOffset, timeoutMs: 10_000 });
    expect(runningDaemonPid(paths.pidFile)).toBe(spawned.pid);

    const second = start(paths);
    await until(() => !isDaemonAlive(second.pid));
    expect(readFileSync(paths.log, 'utf8')).toMatch(new RegExp(`^E\\d{4} [\\d:.]+ +${second.pid} daemon.go:\\d+\\] cluster "a" is already served by the daemon with pid ${spawned.pid}; not starting a second one$`, 'm'));
    expect(readPid(paths.pidFile)).toBe(spawned.pid);

    expect(await stopDaemon(paths)).toEqual({ pid: spawned.pid, killed: false });
    expect(readFileSync(join(paths.dir, 'stopped-cleanly'), 'utf8')).toBe(`${spawned.pid}\n`);
    expect(existsSync(paths.pidFile)).toBe(false);
    expect(readFileSync(paths.log, 'utf8')).toMatch(/received SIGTERM, shutting down cluster "a"\n.*shutdown complete\n$/);
    expect(await stopDaemon(paths)).toEqual({ killed: false });
  });

  it('after kill -9 the stale pid file is recovered by the next daemon', async () => {
    const paths = await cluster('b');
    const first = start(paths);
    await waitReady(paths, { pid: first.pid, timeoutMs: 10_000 });
    process.kill(first.pid, 'SIGKILL');
    await until(() => !isDaemonAlive(first.pid));
    expect(readPid(paths.pidFile)).toBe(first.pid);
    expect(runningDaemonPid(paths.pidFile)).toBeUndefined();

    const next = start(paths);
    await waitReady(paths, { pid: next.pid, timeoutMs: 10_000 });
    expect(readPid(paths.pidFile)).toBe(next.pid);
    await stopDaemon(paths);
  });

  it('a daemon that fails to start is reported with the end of its log', async () => {
    const paths = await cluster('c');
    const spawned = start(paths, { FAKE_RUN: 'fail' });
    const err = await waitReady(paths, { pid: spawned.pid, logOffset: spawned.logOffset, timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotReadyError);
    expect((err as NotReadyError).message).toBe(`the cluster "c" stopped while starting (daemon pid ${spawned.pid}); the last lines of its log (${paths.log}):`);
    expect((err as NotReadyError).logTail.join('\n')).toContain('failed to start: the fake cluster was told to fail');
    expect(existsSync(paths.pidFile)).toBe(false);
  });

  it('a cluster that never gets ready fails after the timeout', async () => {
    const paths = await cluster('c');
    const spawned = start(paths, { FAKE_RUN: 'unready' });
    const err = await waitReady(paths, { pid: spawned.pid, logOffset: spawned.logOffset, timeoutMs: 1_500 }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^the cluster "c" was not ready within 2 s \(last answer of https:\/\/127\.0\.0\.1:\d+\/readyz: 500\); the last lines of its log/);
    expect((err as NotReadyError).logTail.join('\n')).toContain('fake cluster starting');
    await stopDaemon(paths);
  });

  it('ensureDaemonFor starts a stopped kubedojo cluster once, and ignores other contexts', async () => {
    const paths = await cluster('d');
    const env = { ...process.env, KUBEDOJO_HOME: home };
    let stderr = '';
    const opts = { env, entry, stderr: { write: (s: string) => { stderr += s; } }, timeoutMs: 10_000 };
    expect(await ensureDaemonFor('kind-kind', opts)).toBe('not-kubedojo');
    expect(await ensureDaemonFor('kubedojo-nope', opts)).toBe('not-kubedojo');
    expect(await ensureDaemonFor(undefined, opts)).toBe('not-kubedojo');
    expect(stderr).toBe('');
    expect(await ensureDaemonFor('kubedojo-d', opts)).toBe('started');
    expect(stderr).toBe('kubedojo: cluster "d" was not running; starting it (kubedojo logs --name d shows its log)\n');
    expect(await ensureDaemonFor('kubedojo-d', opts)).toBe('running');
    expect(await ensureDaemonFor({ context: 'kubedojo-d', kubedojoCluster: 'd' }, opts)).toBe('running');
    expect(stderr.split('\n')).toHaveLength(2);
    expect(runningDaemonPid(paths.pidFile)).toBeDefined();
    await stopDaemon(paths);
  });
});
