import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dialCri, type CriClient } from '../../client/cri/client.js';
import { REFS } from '../../client/refs.js';
import { boot, podOf, shutdown } from '../test-cluster.js';
import { settle, tick } from '../testing.js';

let client: CriClient | undefined;
afterEach(async () => {
  client?.close();
  client = undefined;
  await shutdown();
});

const NGINX_ID = 'sha256:';

async function bootNginx(restartPolicy = 'Always') {
  const t = await boot(podOf('web', { restartPolicy, containers: [{ name: 'nginx', image: 'nginx' }] }));
  await tick(t.clock, 3000);
  const sock = join(t.root, 'run/containerd/containerd.sock');
  client = await dialCri('unix:///run/containerd/containerd.sock', 2000, { socketPath: sock });
  return { t, c: client, sock };
}

/** Runs a call while the fake clock moves (a stop waits for the process to end). */
async function during<T>(t: Awaited<ReturnType<typeof boot>>, p: Promise<T>, ms = 2000): Promise<T> {
  await tick(t.clock, ms);
  return p;
}

describe('a kubelet serves its runtime over CRI', () => {
  it('shows the pod sandbox and the container run the pod status names', async () => {
    const { t, c, sock } = await bootNginx();
    expect(existsSync(sock)).toBe(true);
    const pod = t.pod('web')!;
    const s = t.status('web')!;
    const id = s.containerID!.replace('containerd://', '');
    const { items } = await c.listPodSandbox({});
    const sb = items.find((i) => i.metadata?.name === 'web')!;
    expect(sb).toMatchObject({ state: 'SANDBOX_READY', metadata: { namespace: 'default', uid: pod.metadata.uid, attempt: 0 } });
    expect(sb.id).toMatch(/^[0-9a-f]{64}$/);
    expect(sb.labels).toMatchObject({ 'io.kubernetes.pod.name': 'web', 'io.kubernetes.pod.namespace': 'default', 'io.kubernetes.pod.uid': pod.metadata.uid });
    expect((await c.podSandboxStatus({ podSandboxId: sb.id.slice(0, 6) })).status?.network?.ip).toBe(pod.status?.podIP);
    const { containers } = await c.listContainers({});
    expect(containers.map((x) => x.id)).toEqual([id]);
    expect(containers[0]).toMatchObject({ podSandboxId: sb.id, state: 'CONTAINER_RUNNING', metadata: { name: 'nginx', attempt: 0 } });
    expect(containers[0]!.image?.image.startsWith(NGINX_ID)).toBe(true);
    const st = (await c.containerStatus({ containerId: id.slice(0, 8), verbose: true })).status!;
    expect(st.logPath).toBe(`/var/log/pods/default_web_${pod.metadata.uid}/nginx/0.log`);
    expect(readFileSync(join(t.root, st.logPath), 'utf8')).toContain('stdout F');
    expect(st.image?.image).toBe('docker.io/library/nginx:latest');
  });

  it('lists the node image store, pause pinned, and rmi removes an image', async () => {
    const { c } = await bootNginx();
    const images = (await c.listImages({})).images;
    expect(images.find((i) => i.repoTags.includes('registry.k8s.io/pause:3.10'))?.pinned).toBe(true);
    const nginx = images.find((i) => i.repoTags.includes('docker.io/library/nginx:latest'))!;
    expect(nginx).toMatchObject({ pinned: false, repoDigests: [expect.stringMatching(/^docker\.io\/library\/nginx@sha256:/)] });
    await c.removeImage({ image: { image: 'nginx' } });
    expect((await c.imageStatus({ image: { image: 'nginx' } })).image).toBeNull();
  });

  it('crictl stop: the kubelet restarts the container with attempt + 1 and keeps the exited run', async () => {
    const { t, c } = await bootNginx();
    const first = t.status('web')!.containerID!.replace('containerd://', '');
    await during(t, c.stopContainer({ containerId: first.slice(0, 5), timeout: '10' }), 15_000);
    await tick(t.clock, 15_000);
    const s = t.status('web')!;
    expect(s.restartCount).toBe(1);
    expect(s.state?.running).toBeDefined();
    const second = s.containerID!.replace('containerd://', '');
    const list = (await c.listContainers({})).containers;
    expect(list.map((x) => [x.id, x.state, x.metadata?.attempt]).sort()).toEqual([[first, 'CONTAINER_EXITED', 0], [second, 'CONTAINER_RUNNING', 1]].sort());
  });

  it('crictl stopp / rmp: the kubelet re-creates the sandbox (attempt 1) and its containers', async () => {
    const { t, c } = await bootNginx();
    const old = (await c.listPodSandbox({})).items[0]!;
    await during(t, c.removePodSandbox({ podSandboxId: old.id }), 15_000);
    await tick(t.clock, 15_000);
    const items = (await c.listPodSandbox({})).items;
    expect(items.map((i) => [i.state, i.metadata?.attempt])).toEqual([['SANDBOX_READY', 1]]);
    const s = t.status('web')!;
    expect(s.state?.running).toBeDefined();
    expect(s.restartCount).toBe(1);
    const running = (await c.listContainers({ filter: { state: { state: 'CONTAINER_RUNNING' } } })).containers;
    expect(running.map((x) => x.podSandboxId)).toEqual([items[0]!.id]);
    expect(t.events().some((e) => e.reason === 'SandboxChanged')).toBe(true);
  });

  it('ExecSync runs in the container (crictl exec -s)', async () => {
    const { t, c } = await bootNginx();
    const id = t.status('web')!.containerID!.replace('containerd://', '');
    const ok = await during(t, c.execSync({ containerId: id.slice(0, 6), cmd: ['echo', 'hi'], timeout: '0' }), 1000);
    expect([ok.stdout.toString(), ok.exitCode]).toEqual(['hi\n', 0]);
    const bad = await during(t, c.execSync({ containerId: id, cmd: ['ls', '/nope'], timeout: '0' }), 1000);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr.toString()).toContain('/nope');
    const err = (await c.execSync({ containerId: 'ffff', cmd: ['ls'] }).catch((e: unknown) => e)) as { message: string };
    expect(err.message).toBe('rpc error: code = NotFound desc = failed to find container "ffff" in store: not found');
  });

  it('forgets a deleted pod and closes the socket on stop', async () => {
    const { t, c, sock } = await bootNginx();
    const pod = t.pod('web')!;
    const mine = async () => (await c.listPodSandbox({})).items.filter((i) => i.metadata?.uid === pod.metadata.uid);
    expect(await mine()).toHaveLength(1);
    await t.fake.delete(REFS.pods, 'default', 'web', { gracePeriodSeconds: 0 });
    await tick(t.clock, 3000);
    await settle();
    expect(await mine()).toEqual([]);
    expect((await c.listContainers({})).containers).toEqual([]);
    await shutdown();
    expect(existsSync(sock)).toBe(false);
  });
});
