// kubedojo up/down/reset/logs through main(), with the stand-in cluster daemon
// (test/kubedojo/fake-daemon.ts): what the user reads, the kubeconfig context it leaves, and
// that the real kubectl reaches the cluster through that context.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main } from '../../src/cli/kubedojo/main.js';
import { readClusterConfig } from '../../src/daemon/create-config.js';
import { isDaemonAlive, readPid } from '../../src/daemon/lock.js';
import { clusterPaths } from '../../src/daemon/paths.js';
import { stopDaemon } from '../../src/daemon/spawn.js';
import { buildChild } from '../support/build-child.js';
import { fakeSteps, makeFakePki, memIo } from './support.js';

const haveClient = existsSync('src/client/kubeconfig.ts');
const haveKubectl = existsSync('/usr/bin/kubectl');

describe.skipIf(!haveClient)('kubedojo up, down, reset (stand-in cluster)', () => {
  let pki = '';
  let home = '';
  let entry = '';
  let kubeconfig = '';
  beforeAll(async () => {
    pki = makeFakePki();
    home = mkdtempSync(join(tmpdir(), 'kubedojo-cli-up-'));
    kubeconfig = join(home, 'kube', 'config');
    entry = await buildChild('test/kubedojo/fake-daemon.ts');
  });
  afterAll(async () => {
    await stopDaemon(clusterPaths(home, 'e'), 5_000).catch(() => undefined);
    for (const dir of [pki, home]) rmSync(dir, { recursive: true, force: true });
    rmSync(entry, { force: true });
  });
  const run = async (...argv: string[]) => {
    const io = memIo({ KUBEDOJO_HOME: home, KUBECONFIG: kubeconfig, HOME: home });
    const code = await main(argv, io, { daemon: { entry }, createSteps: fakeSteps(pki), readyTimeoutMs: 10_000 });
    return { code, stdout: io.out(), stderr: io.err() };
  };
  const paths = () => clusterPaths(home, 'e');
  const usage = () => [
    'You can now use your cluster with:',
    '',
    'kubectl cluster-info --context kubedojo-e',
    '',
    `The context "kubedojo-e" is in ${kubeconfig}; the cluster's admin kubeconfig is ${paths().adminConf}.`,
    '',
  ].join('\n');

  it('up creates the cluster, waits for it and makes its context current', async () => {
    expect(await run('up', '--name', 'e')).toEqual({
      code: 0,
      stdout: usage(),
      stderr: [
        'Creating cluster "e" ...',
        ' • Writing configuration and certificates ...',
        ' ✓ Writing configuration and certificates',
        ' • Starting the control plane ...',
        ' ✓ Starting the control plane',
        'Set kubectl context to "kubedojo-e"',
        '',
      ].join('\n'),
    });
    const doc = parse(readFileSync(kubeconfig, 'utf8')) as { 'current-context': string };
    expect(doc['current-context']).toBe('kubedojo-e');
  });

  it.skipIf(!haveKubectl)('the real kubectl reaches the cluster through the new context', () => {
    const out = execFileSync('kubectl', ['get', '--raw', '/readyz'], { env: { ...process.env, KUBECONFIG: kubeconfig } }).toString();
    expect(out).toBe('ok');
  });

  it('a second up finds the running daemon', async () => {
    const pid = readPid(paths().pidFile);
    const { code, stderr, stdout } = await run('up', '--name', 'e', '--config', 'other.yaml');
    expect(code).toBe(0);
    expect(stderr).toBe([
      'Note: --config applies only when a cluster is created; "e" exists. To recreate it from "other.yaml", run: kubedojo reset --name e --config other.yaml',
      `Cluster "e" is already running (pid ${pid}).`,
      'Set kubectl context to "kubedojo-e"',
      '',
    ].join('\n'));
    expect(stdout).toBe(usage());
  });

  it('down stops the daemon; up starts it again on the same ports', async () => {
    const pid = readPid(paths().pidFile)!;
    const ports = readClusterConfig(paths()).apiserverPort;
    expect(await run('down', '-n', 'e')).toEqual({ code: 0, stdout: '', stderr: `Stopping cluster "e" ...\nStopped cluster "e" (pid ${pid}).\n` });
    expect(isDaemonAlive(pid)).toBe(false);
    expect(existsSync(paths().pidFile)).toBe(false);
    const { code, stderr } = await run('up', '-n', 'e');
    expect(code).toBe(0);
    expect(stderr).toBe('Starting cluster "e" ...\n • Starting the control plane ...\n ✓ Starting the control plane\nSet kubectl context to "kubedojo-e"\n');
    expect(readClusterConfig(paths()).apiserverPort).toBe(ports);
  });

  it('after kill -9, up recovers the stale pid file', async () => {
    const pid = readPid(paths().pidFile)!;
    process.kill(pid, 'SIGKILL');
    while (isDaemonAlive(pid)) await new Promise((r) => setTimeout(r, 20));
    const { code, stderr } = await run('up', '-n', 'e');
    expect(code).toBe(0);
    expect(stderr).toContain('Starting cluster "e" ...\n');
    expect(readPid(paths().pidFile)).not.toBe(pid);
  });

  it('reset stops, deletes and recreates the cluster from its layout', async () => {
    const pid = readPid(paths().pidFile)!;
    const { code, stderr } = await run('reset', '-n', 'e');
    expect(code).toBe(0);
    expect(stderr).toMatch(new RegExp(`^Stopping cluster "e" \\.\\.\\.\nStopped cluster "e" \\(pid ${pid}\\)\\.\nDeleting cluster "e" \\.\\.\\.\nCreating cluster "e" \\.\\.\\.\n`));
    expect(existsSync(join(paths().dir, 'stopped-cleanly'))).toBe(false);
    expect(readClusterConfig(paths()).nodes.map((n) => n.name)).toEqual(['controlplane', 'node01', 'node02']);
  });

  it('logs prints the klog lines of the daemon', async () => {
    const { code, stdout } = await run('logs', '-n', 'e');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ daemon\.go:\d+\] kubedojo daemon \(pid \d+\) starting cluster "e"$/m);
  });

  it('a cluster that fails to start: the message and the end of its log, exit 1', async () => {
    const io = memIo({ KUBEDOJO_HOME: home, KUBECONFIG: kubeconfig, HOME: home, FAKE_RUN: 'fail' });
    const code = await main(['up', '-n', 'f'], io, { daemon: { entry }, createSteps: fakeSteps(pki), readyTimeoutMs: 10_000 });
    expect(code).toBe(1);
    expect(io.err()).toMatch(/ ✗ Starting the control plane\nERROR: the cluster "f" stopped while starting \(daemon pid \d+\); the last lines of its log \(.*daemon\.log\):\n {2}I.*\n {2}I.* fake cluster starting on port \d+\n {2}E.*\] cluster "f" failed to start: the fake cluster was told to fail\n$/);
  });
});
