import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeSteps, makeFakePki, memIo } from '../../../test/kubedojo/support.js';
import { createCluster } from '../../daemon/create.js';
import { readClusterConfig } from '../../daemon/create-config.js';
import { clusterPaths } from '../../daemon/paths.js';
import { main } from './main.js';

describe('kubedojo list, status, down, logs and usage errors (temporary home)', () => {
  let home = '';
  let pki = '';
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'kubedojo-cli-'));
    pki = makeFakePki();
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(pki, { recursive: true, force: true });
  });
  const run = async (...argv: string[]) => {
    const io = memIo({ KUBEDOJO_HOME: home, KUBECONFIG: join(home, 'kubeconfig') });
    const code = await main(argv, io);
    return { code, stdout: io.out(), stderr: io.err() };
  };

  it('list says so when there is no cluster', async () => {
    expect(await run('list')).toEqual({ code: 0, stdout: '', stderr: 'No kubedojo clusters found.\n' });
  });

  it('list prints one cluster name per line', async () => {
    await createCluster(clusterPaths(home, 'kubedojo'), undefined, fakeSteps(pki));
    await createCluster(clusterPaths(home, 'beta'), undefined, fakeSteps(pki));
    expect(await run('list')).toEqual({ code: 0, stdout: 'beta\nkubedojo\n', stderr: '' });
  });

  it('status of a stopped cluster: its apiserver, nodes, exit 3', async () => {
    const paths = clusterPaths(home, 'kubedojo');
    const c = readClusterConfig(paths);
    const etcd = `https://127.0.0.1:${c.etcdClientPort} (peer ${c.etcdPeerPort})`;
    expect(await run('status')).toEqual({
      code: 3,
      stdout: [
        'Cluster:    kubedojo',
        'Status:     stopped',
        `API server: https://127.0.0.1:${c.apiserverPort}`,
        `etcd:       ${etcd}`,
        'Version:    v1.32.4',
        'Context:    kubedojo-kubedojo',
        `Kubeconfig: ${paths.adminConf}`,
        `Log:        ${paths.log}`,
        'Nodes:',
        'NAME           ROLE            INTERNAL-IP    POD-CIDR',
        'controlplane   control-plane   192.168.49.2   10.244.0.0/24',
        'node01         worker          192.168.49.3   10.244.1.0/24',
        'node02         worker          192.168.49.4   10.244.2.0/24',
        '',
      ].join('\n'),
      stderr: 'Start it with: kubedojo up --name kubedojo\n',
    });
  });

  it('status of a running cluster names its daemon', async () => {
    const paths = clusterPaths(home, 'beta');
    writeFileSync(paths.pidFile, `${process.pid}\n`);
    try {
      const { code, stdout } = await run('status', '--name', 'beta');
      expect(code).toBe(0);
      expect(stdout).toContain(`Status:     running (pid ${process.pid})\n`);
    } finally {
      rmSync(paths.pidFile);
    }
  });

  it('status of an unknown cluster fails with what to do', async () => {
    expect(await run('status', '-n', 'nope')).toEqual({
      code: 1,
      stdout: '',
      stderr: `ERROR: cluster "nope" not found (no ${join(home, 'nope', 'cluster.yaml')}); create it with: kubedojo up --name nope\n`,
    });
  });

  it('down of a cluster that is not running (or does not exist) is a note, exit 0', async () => {
    expect(await run('down')).toEqual({ code: 0, stdout: '', stderr: 'Cluster "kubedojo" is not running.\n' });
    expect(await run('down', '--name', 'nope')).toEqual({ code: 0, stdout: '', stderr: 'Cluster "nope" does not exist; nothing to stop.\n' });
  });

  it('logs prints the daemon log', async () => {
    expect(await run('logs')).toEqual({ code: 0, stdout: '', stderr: `Cluster "kubedojo" has no log yet (${join(home, 'kubedojo', 'daemon.log')}); its daemon writes one when it starts.\n` });
    writeFileSync(join(home, 'kubedojo', 'daemon.log'), 'I1122 11:34:53.739521   12345 daemon.go:84] hello\n');
    expect(await run('logs')).toEqual({ code: 0, stdout: 'I1122 11:34:53.739521   12345 daemon.go:84] hello\n', stderr: '' });
  });

  it.each([
    [['frobnicate'], "error: unknown command 'frobnicate'\n"],
    [['up', '--bogus'], "error: unknown option '--bogus'\n"],
    [['status', '--name'], "error: option '-n, --name <name>' argument missing\n"],
    [['status', '--name', 'Bad_Name'], 'ERROR: invalid cluster name "Bad_Name": use lowercase letters, digits and \'-\' (at most 63, starting and ending with a letter or digit)\n'],
  ])('%j is a usage error, exit 1', async (argv, stderr) => {
    expect(await run(...argv)).toEqual({ code: 1, stdout: '', stderr });
  });

  it('--help lists the commands but not the daemon, exit 0', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: kubedojo \[options\] \[command\]/);
    for (const cmd of ['up', 'down', 'status', 'reset', 'list', 'logs']) expect(stdout).toContain(`  ${cmd} `);
    expect(stdout).not.toContain('__daemon');
  });
});
