// End to end: our crictl (bin/crictl, the bundle) against the runtime sockets of a running cluster's
// nodes (bin/kubedojo up): what it lists on node01 is exactly what the apiserver says runs there.
import { join } from 'node:path';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, run, useCluster, type TestCluster } from '../support/cluster.js';

const ROOT = resolve(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/crictl.cjs'));

function crictl(c: TestCluster, node: string | undefined, args: string[]) {
  const env = { ...c.env, ...(node ? { KUBEDOJO_NODE_ROOT: join(c.env.KUBEDOJO_HOME!, c.name, 'nodes', node) } : {}) };
  return run(process.execPath, [join(ROOT, 'bin/crictl'), ...args], env);
}

const ids = (text: string): string[] => text.split(/\s+/).filter((s) => s !== '').sort();

describe.skipIf(!hasRealKubectl || !built)('crictl against a running cluster', () => {
  const c = useCluster();

  it('ps on node01 lists exactly the containers of the pods bound to node01', async () => {
    await c.kubectl(['create', 'ns', 'cri']);
    await eventually(c, ['-n', 'cri', 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
    await c.kubectl(['-n', 'cri', 'run', 'web', '--image=nginx', '--overrides', '{"spec":{"nodeName":"node01"}}']);
    await eventually(c, ['-n', 'cri', 'get', 'pod', 'web', '--no-headers'], (out) => /1\/1\s+Running/.test(out), 60_000);
    const want = await c.kubectl(['get', 'pods', '-A', '--field-selector', 'spec.nodeName=node01', '-o',
      'jsonpath={range .items[*]}{range .status.containerStatuses[*]}{.containerID}{" "}{end}{end}']);
    const running = ids(want.stdout.replaceAll('containerd://', ''));
    expect(running.length).toBeGreaterThan(0);
    const ps = await crictl(c, 'node01', ['ps', '-q']);
    expect(ps.stderr).toBe('');
    expect(ids(ps.stdout)).toEqual(running);
  });

  it('pods, inspect and logs show the pod as the kubelet runs it', async () => {
    const uid = (await c.kubectl(['-n', 'cri', 'get', 'pod', 'web', '-o', 'jsonpath={.metadata.uid}'])).stdout;
    const ip = (await c.kubectl(['-n', 'cri', 'get', 'pod', 'web', '-o', 'jsonpath={.status.podIP}'])).stdout;
    const pods = await crictl(c, 'node01', ['pods', '--namespace', 'cri', '--name', 'web', '-q']);
    expect(pods.code).toBe(0);
    const podId = pods.stdout.trim();
    expect(podId).toMatch(/^[0-9a-f]{64}$/);
    const pod = JSON.parse((await crictl(c, 'node01', ['inspectp', podId])).stdout) as { status: { metadata: { uid: string }; network: { ip: string }; state: string } };
    expect(pod.status.metadata.uid).toBe(uid);
    expect(pod.status.network.ip).toBe(ip);
    expect(pod.status.state).toBe('SANDBOX_READY');
    const id = (await crictl(c, 'node01', ['ps', '-q', '--pod', podId])).stdout.trim();
    const logs = await crictl(c, 'node01', ['logs', id]);
    const kubectlLogs = await c.kubectl(['-n', 'cri', 'logs', 'web']);
    expect(logs.code).toBe(0);
    expect(logs.stdout + logs.stderr).toContain('start worker processes');
    expect(kubectlLogs.stdout).toContain('start worker processes');
  });

  it('the control-plane node (the default) does not list node01\'s containers', async () => {
    const onNode01 = ids((await crictl(c, 'node01', ['ps', '-q'])).stdout);
    const byDefault = await crictl(c, undefined, ['ps', '-q']);
    expect(byDefault.code).toBe(0);
    for (const id of onNode01) expect(ids(byDefault.stdout)).not.toContain(id);
  });

  it('stop: the kubelet restarts the container as a new attempt', async () => {
    const podId = (await crictl(c, 'node01', ['pods', '--namespace', 'cri', '--name', 'web', '-q'])).stdout.trim();
    const first = (await crictl(c, 'node01', ['ps', '-q', '--pod', podId])).stdout.trim();
    expect((await crictl(c, 'node01', ['stop', first])).stdout).toBe(`${first}\n`);
    await eventually(c, ['-n', 'cri', 'get', 'pod', 'web', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}'], (out) => out === '1', 60_000);
    const all = await crictl(c, 'node01', ['ps', '-a', '--pod', podId, '-o', 'json']);
    const listed = (JSON.parse(all.stdout) as { containers: { id: string; state: string; metadata: { attempt: number } }[] }).containers;
    expect(listed.find((x) => x.id === first)?.state).toBe('CONTAINER_EXITED');
    expect(listed.some((x) => x.id !== first && x.state === 'CONTAINER_RUNNING' && x.metadata.attempt === 1)).toBe(true);
  });
});
