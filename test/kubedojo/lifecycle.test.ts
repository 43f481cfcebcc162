// End to end: bin/kubedojo (the bundle in dist/, built by `npm run build`) with the real
// runCluster, driven as a user would, checked with the real kubectl. Each run uses a temporary
// $KUBEDOJO_HOME and $KUBECONFIG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readClusterConfig } from '../../src/daemon/create-config.js';
import { isDaemonAlive, readPid } from '../../src/daemon/lock.js';
import { clusterPaths } from '../../src/daemon/paths.js';
import { stopDaemon } from '../../src/daemon/spawn.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** The launcher under test; KUBEDOJO_TEST_BIN points at another build's bin/kubedojo. */
const BIN = process.env.KUBEDOJO_TEST_BIN ?? join(ROOT, 'bin', 'kubedojo');
/** Why these cases cannot run here: runCluster not written yet (it throws "runCluster: being written"), or no bundle. */
function unavailable(): string | undefined {
  if (readFileSync(join(ROOT, 'src/daemon/run.ts'), 'utf8').includes('being written')) return 'src/daemon/run.ts: runCluster is still being written';
  if (!existsSync(join(dirname(BIN), '..', 'dist', 'kubedojo.cjs'))) return 'dist/kubedojo.cjs is not built (npm run build)';
  return undefined;
}
const skipReason = unavailable();
const haveKubectl = existsSync('/usr/bin/kubectl');

interface Result { code: number; stdout: string; stderr: string }

function exec(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((done) => {
    execFile(file, args, { env, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

describe.skipIf(skipReason !== undefined)(`kubedojo lifecycle against the real cluster${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let home = '';
  let env: NodeJS.ProcessEnv = {};
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'kubedojo-lifecycle-'));
    env = { ...process.env, KUBEDOJO_HOME: home, KUBECONFIG: join(home, 'kube', 'config') };
  });
  afterAll(async () => {
    for (const name of ['kubedojo', 'second']) await stopDaemon(clusterPaths(home, name), 10_000).catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  });
  const kd = (...args: string[]) => exec(BIN, args, env);
  const kubectl = (...args: string[]) => exec('kubectl', args, env);
  const paths = (name = 'kubedojo') => clusterPaths(home, name);

  it('up creates and starts the default cluster and sets the context', async () => {
    const up = await kd('up');
    expect(up.stderr).toContain('Creating cluster "kubedojo" ...\n');
    expect(up.stderr).toContain('Set kubectl context to "kubedojo-kubedojo"\n');
    expect(up.stdout).toContain('kubectl cluster-info --context kubedojo-kubedojo\n');
    expect(up.code, up.stderr).toBe(0);
    expect(readClusterConfig(paths()).nodes.map((n) => n.name)).toEqual(['controlplane', 'node01', 'node02']);
  });

  it.skipIf(!haveKubectl)('the real kubectl talks to it through the current context', async () => {
    expect(await kubectl('get', '--raw', '/readyz')).toMatchObject({ code: 0, stdout: 'ok' });
  });

  it('a second up finds the running daemon; status reports it', async () => {
    const pid = readPid(paths().pidFile);
    const up = await kd('up');
    expect(up).toMatchObject({ code: 0 });
    expect(up.stderr).toContain(`Cluster "kubedojo" is already running (pid ${pid}).\n`);
    const status = await kd('status');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`Status:     running (pid ${pid})\n`);
  });

  it('a second cluster runs beside the first on other ports', async () => {
    const up = await kd('up', '--name', 'second');
    expect(up.code, up.stderr).toBe(0);
    const [a, b] = [readClusterConfig(paths()), readClusterConfig(paths('second'))];
    expect(b.apiserverPort).not.toBe(a.apiserverPort);
    expect([b.etcdClientPort, b.etcdPeerPort]).not.toContain(a.etcdClientPort);
    expect((await kd('list')).stdout).toBe('kubedojo\nsecond\n');
    expect(await kd('down', '--name', 'second')).toMatchObject({ code: 0 });
    expect(await kd('up')).toMatchObject({ code: 0 });
  });

  it.skipIf(!haveKubectl)('kill -9 loses nothing: the next up recovers the pid file and the data', async () => {
    const manifest = join(home, 'drill.yaml');
    writeFileSync(manifest, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: drill\n');
    expect(await kubectl('create', '-f', manifest)).toMatchObject({ code: 0, stdout: 'namespace/drill created\n' });
    const pid = readPid(paths().pidFile)!;
    process.kill(pid, 'SIGKILL');
    while (isDaemonAlive(pid)) await new Promise((r) => setTimeout(r, 50));
    expect((await kd('status')).code).toBe(3);
    const up = await kd('up');
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toContain('Starting cluster "kubedojo" ...\n');
    expect(await kubectl('get', 'namespace', 'drill', '-o', 'name')).toMatchObject({ code: 0, stdout: 'namespace/drill\n' });
  });

  it('down stops it cleanly; status then says stopped', async () => {
    const pid = readPid(paths().pidFile)!;
    expect(await kd('down')).toEqual({ code: 0, stdout: '', stderr: `Stopping cluster "kubedojo" ...\nStopped cluster "kubedojo" (pid ${pid}).\n` });
    expect(existsSync(paths().pidFile)).toBe(false);
    expect(readFileSync(paths().log, 'utf8')).toContain('shutdown complete\n');
    expect(await kd('down')).toEqual({ code: 0, stdout: '', stderr: 'Cluster "kubedojo" is not running.\n' });
    expect((await kd('status')).code).toBe(3);
  });

  it.skipIf(!haveKubectl)('reset wipes the cluster and brings it back', async () => {
    const reset = await kd('reset');
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stderr).toContain('Deleting cluster "kubedojo" ...\nCreating cluster "kubedojo" ...\n');
    expect((await kubectl('get', 'namespace', 'drill')).code).not.toBe(0);
    expect(await kd('down')).toMatchObject({ code: 0 });
  });
});
