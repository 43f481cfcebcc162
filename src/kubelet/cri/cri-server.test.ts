import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CriError, dialCri, type CriClient } from '../../client/cri/client.js';
import { F1, startF1Server } from '../../../test/crictl/fixture-f1.js';
import type { MemoryRuntime } from './memory-runtime.js';

const NOW = Date.parse('2024-12-06T10:21:03Z');
let dir: string;
let srv: { socketPath: string; runtime: MemoryRuntime; close(): Promise<void> };
let c: CriClient;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cri-f1-'));
  srv = await startF1Server(dir, () => NOW);
  c = await dialCri('unix:///run/containerd/containerd.sock', 2000, { socketPath: srv.socketPath });
});

afterEach(async () => {
  c.close();
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as CriError);
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe('the F1 endpoint', () => {
  it('sits at run/containerd/containerd.sock in a 0700 folder, with crictl.yaml and the nginx log', async () => {
    expect(srv.socketPath).toBe(join(dir, 'run/containerd/containerd.sock'));
    expect(statSync(join(dir, 'run/containerd')).mode & 0o777).toBe(0o700);
    expect(await readFile(join(dir, 'etc/crictl.yaml'), 'utf8')).toContain('runtime-endpoint: unix:///run/containerd/containerd.sock');
    const st = (await c.containerStatus({ containerId: '1c5d' })).status!;
    const log = await readFile(join(dir, st.logPath), 'utf8');
    expect(log.split('\n').filter(Boolean).map((l) => l.split(' ').slice(1).join(' '))).toEqual(['stdout F l1', 'stderr F e1', 'stdout F l2', 'stdout F l3']);
  });

  it('reports containerd 2.0', async () => {
    expect(await c.version({})).toEqual({ version: '0.1.0', runtimeName: 'containerd', runtimeVersion: 'v2.0.0', runtimeApiVersion: 'v1' });
  });

  it.each([
    ['no filter', {}, [F1.containers.nginx, F1.containers.coredns, F1.containers.job]],
    ['pod prefix', { podSandboxId: '6d2f' }, [F1.containers.nginx]],
    ['state', { state: { state: 'CONTAINER_EXITED' } }, [F1.containers.job]],
    ['label', { labelSelector: { 'io.kubernetes.pod.namespace': 'kube-system' } }, [F1.containers.coredns]],
    ['id prefix', { id: '4b7' }, [F1.containers.job]],
    ['ambiguous id prefix matches nothing', { id: '4b' }, []],
    ['unknown pod matches nothing', { podSandboxId: 'ffff' }, []],
  ] as const)('lists containers: %s', async (_n, filter, want) => {
    expect(ids((await c.listContainers({ filter })).containers)).toEqual([...want].sort());
  });

  it.each([
    ['all', {}, 3],
    ['ready', { state: { state: 'SANDBOX_READY' } }, 2],
    ['id prefix', { id: '3a1b' }, 1],
  ] as const)('lists sandboxes: %s', async (_n, filter, n) => {
    expect((await c.listPodSandbox({ filter })).items).toHaveLength(n);
  });

  it('answers ContainerStatus as containerd: repo tag, repo digest, verbose info', async () => {
    const res = await c.containerStatus({ containerId: '1c5d', verbose: true });
    const st = res.status!;
    expect(st.id).toBe(F1.containers.nginx);
    expect(st.state).toBe('CONTAINER_RUNNING');
    expect(st.image?.image).toBe('docker.io/library/nginx:latest');
    expect(st.imageRef).toBe('docker.io/library/nginx@sha256:0a399eb167518c1410de20ba5ea7c86f62f731366eb5b585d6250ec708924097');
    expect(st.createdAt).toBe(String(BigInt(NOW - 270_000) * 1_000_000n));
    expect(st.finishedAt).toBe('0');
    expect(st.annotations).toEqual({});
    expect(JSON.parse(res.info.info!).pid).toBe(4121);
    const job = (await c.containerStatus({ containerId: '4b7f' })).status!;
    expect([job.state, job.exitCode, job.reason]).toEqual(['CONTAINER_EXITED', 0, 'Completed']);
  });

  it.each([
    ['unknown', 'deadbeef', 'NotFound', 'an error occurred when try to find container "deadbeef": not found'],
    ['ambiguous', '4b', 'Unknown', 'an error occurred when try to find container "4b": Multiple IDs found with provided prefix: 4b'],
  ])('ContainerStatus of an %s ID fails', async (_n, id, code, desc) => {
    const err = await fail(c.containerStatus({ containerId: id }));
    expect([err.code, err.desc]).toEqual([code, desc]);
  });

  it('answers PodSandboxStatus, with no ID in its not-found text', async () => {
    const st = (await c.podSandboxStatus({ podSandboxId: '6d2f', verbose: true })).status!;
    expect(st.network?.ip).toBe('10.244.1.5');
    expect(st.linux?.namespaces?.options?.network).toBe('POD');
    const err = await fail(c.podSandboxStatus({ podSandboxId: 'ffff0000' }));
    expect(err.message).toBe('rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found');
  });

  it('treats stop of unknown IDs as done', async () => {
    await expect(c.stopContainer({ containerId: 'ffff0000', timeout: '10' })).resolves.toEqual({});
    await expect(c.stopPodSandbox({ podSandboxId: 'ffff0000' })).resolves.toEqual({});
    await expect(c.removeContainer({ containerId: 'ffff0000' })).resolves.toEqual({});
  });

  it('stops, starts and removes containers', async () => {
    const err = await fail(c.startContainer({ containerId: '1c5d' }));
    expect(err.desc).toBe(`failed to set starting state for container "${F1.containers.nginx}": container is in CONTAINER_RUNNING state`);
    await c.stopContainer({ containerId: '1c5d', timeout: '10' });
    expect((await c.containerStatus({ containerId: '1c5d' })).status?.state).toBe('CONTAINER_EXITED');
    await c.removeContainer({ containerId: '4b2e' });
    expect(ids((await c.listContainers({})).containers)).toEqual([F1.containers.nginx, F1.containers.job].sort());
  });

  it('stops a sandbox (its containers die, its IP goes) and removes it with its containers', async () => {
    await c.stopPodSandbox({ podSandboxId: '9f8e' });
    expect((await c.podSandboxStatus({ podSandboxId: '9f8e' })).status).toMatchObject({ state: 'SANDBOX_NOTREADY', network: { ip: '' } });
    expect((await c.containerStatus({ containerId: '4b2e' })).status).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 137 });
    await c.removePodSandbox({ podSandboxId: '6d2f' });
    expect(ids((await c.listPodSandbox({})).items)).toEqual([F1.pods.coredns, F1.pods.oldJob].sort());
    expect(ids((await c.listContainers({})).containers)).toEqual([F1.containers.coredns, F1.containers.job].sort());
  });

  it.each([
    ['nginx', F1.images.nginx],
    ['docker.io/library/nginx:latest', F1.images.nginx],
    ['a875', F1.images.nginx],
    [F1.images.pause, F1.images.pause],
    ['nginx:1.99', undefined],
    ['busybox', undefined],
  ])('resolves image %s', async (ref, id) => {
    expect((await c.imageStatus({ image: { image: ref } })).image?.id).toBe(id);
  });

  it('removes images, in use or not', async () => {
    await c.removeImage({ image: { image: 'nginx' } });
    expect((await c.listImages({})).images.map((i) => i.id)).not.toContain(F1.images.nginx);
    await expect(c.removeImage({ image: { image: 'nope' } })).resolves.toEqual({});
  });

  it('pulls: a present image is up to date, a known one is added, an unknown one refused', async () => {
    expect((await c.pullImage({ image: { image: 'busybox:1.36' } })).imageRef).toBe(F1.images.busybox);
    const pulled = (await c.pullImage({ image: { image: 'busybox' } })).imageRef;
    expect((await c.imageStatus({ image: { image: 'docker.io/library/busybox:latest' } })).image?.id).toBe(pulled);
    const err = await fail(c.pullImage({ image: { image: 'nginxx' } }));
    expect(err.code).toBe('NotFound');
    expect(err.desc).toMatch(/^failed to pull and unpack image "docker\.io\/library\/nginxx:latest": failed to resolve reference "docker\.io\/library\/nginxx:latest": pull access denied, repository does not exist or may require authorization: /);
  });

  it('reports the image filesystem', async () => {
    const fs = await c.imageFsInfo({});
    expect(fs.containerFilesystems).toEqual([]);
    expect(fs.imageFilesystems[0]).toEqual({ timestamp: '1733480000000000000', fsId: { mountpoint: '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs' }, usedBytes: { value: '405356544' }, inodesUsed: { value: '2395' } });
  });

  it('runs ExecSync in F1\'s running containers, and refuses exited or unknown ones', async () => {
    const ok = await c.execSync({ containerId: '1c5d', cmd: ['echo', 'hi'] });
    expect([ok.stdout.toString(), ok.exitCode]).toEqual(['hi\n', 0]);
    const exited = await fail(c.execSync({ containerId: '4b7f', cmd: ['ls'] }));
    expect([exited.code, exited.desc]).toEqual(['Unknown', 'container is in CONTAINER_EXITED state']);
    const unknown = await fail(c.execSync({ containerId: 'ffff', cmd: ['ls'] }));
    expect([unknown.code, unknown.desc]).toEqual(['NotFound', 'failed to find container "ffff" in store: not found']);
  });

  it('answers Unimplemented for streaming exec', async () => {
    const err = await fail(c.exec({ containerId: '1c5d', cmd: ['ls'] }));
    expect([err.code, err.desc]).toEqual(['Unimplemented', 'method Exec not implemented']);
  });

  it('streams container events', async () => {
    const it = c.getContainerEvents({})[Symbol.asyncIterator]();
    await new Promise((r) => setTimeout(r, 50));
    await c.stopContainer({ containerId: '1c5d', timeout: '0' });
    const ev = await it.next();
    expect(ev.value).toMatchObject({ containerId: F1.containers.nginx, containerEventType: 'CONTAINER_STOPPED_EVENT' });
    await it.return?.();
  }, 5000);

  it('removes its socket on close', async () => {
    await srv.close();
    expect(existsSync(srv.socketPath)).toBe(false);
    srv = await startF1Server(dir, () => NOW);
  });
});
