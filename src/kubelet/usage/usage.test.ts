// The usage model: what each image's process uses at rest, what stress asks for (the kubernetes.io
// memory task's figures), limits (CPU throttled, memory over the limit = OOM), and the resource
// metrics the kubelet reports from its runtime.
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../runtime/catalog.js';
import { parseImageRef } from '../runtime/image-ref.js';
import { containerUsage, hashSpread } from './model.js';
import { stressBytes, stressLoad } from './stress.js';
import { MemoryRuntime } from '../cri/memory-runtime.js';
import { nodeResourceMetrics, STARTUP_CPU_NS } from './resource-metrics.js';

const image = (ref: string) => {
  const r = parseImageRef(ref);
  if ('error' in r) throw new Error(r.error);
  const hit = defaultCatalog().resolve(r);
  if (!('image' in hit)) throw new Error(hit.desc);
  return hit.image;
};
const MI = 1024 * 1024;
/** The image's own figures, without the per-container spread. */
const mid = { spread: () => 0.5 };
const milli = (nanoCores: number) => Math.ceil(nanoCores / 1e6);

describe('containerUsage', () => {
  it.each([
    ['nginx serving', 'nginx', ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], 1, 3],
    ['busybox sleeping', 'busybox', ['sh', '-c', 'sleep 3600'], 0, 0],
    ['busybox in a busy loop', 'busybox', ['sh', '-c', 'while true; do echo hi > /dev/null; done'], 1000, 0],
    ['nginx image running a shell', 'nginx', ['sh', '-c', 'sleep 1d'], 0, 0],
    ['redis', 'redis', ['docker-entrypoint.sh', 'redis-server'], 2, 3],
    ['mysql 8', 'mysql:8.0', ['docker-entrypoint.sh', 'mysqld'], 6, 388],
    ['kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.32.4', ['kube-apiserver', '--advertise-address=172.30.1.2'], 42, 262],
    ['metrics-server', 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', ['/metrics-server', '--kubelet-insecure-tls'], 4, 18],
  ])('%s', (_name, ref, argv, cpuMilli, memMi) => {
    const u = containerUsage({ image: image(ref), argv, seed: 'default/p/c' }, mid);
    expect([milli(u.nanoCores), Math.floor(u.memoryBytes / MI)]).toEqual([cpuMilli, memMi]);
    expect(u.oomKilled).toBe(false);
    expect(u.memoryBytes % 4096).toBe(0);
  });

  it('varies a container around its image by a stable per-container factor', () => {
    const of = (seed: string) => containerUsage({ image: image('nginx'), argv: ['nginx'], seed });
    expect(of('default/web-1/nginx')).toEqual(of('default/web-1/nginx'));
    const mem = ['a', 'b', 'c', 'd', 'e'].map((s) => of(`default/${s}/nginx`).memoryBytes / MI);
    expect(Math.min(...mem)).toBeGreaterThanOrEqual(3.6 * 0.89 - 0.01);
    expect(Math.max(...mem)).toBeLessThanOrEqual(3.6 * 1.11 + 0.01);
    expect(new Set(mem).size).toBeGreaterThan(1);
    expect(hashSpread('x')).toBeGreaterThanOrEqual(0);
  });

  it('throttles CPU at the CPU limit', () => {
    const u = containerUsage({ image: image('busybox'), argv: ['sh', '-c', 'while :; do :; done'], limits: { cpu: '200m' }, seed: 's' });
    expect(u.nanoCores).toBe(200_000_000);
  });

  it.each([
    // kubernetes.io "Assign Memory Resources": 150M under a 200Mi limit runs (metrics-server: 162900Ki).
    [['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], '200Mi', false, 162900 * 1024],
    // ... and 250M over a 100Mi limit is OOMKilled.
    [['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], '100Mi', true, 100 * MI],
  ])('stress %j with a %s limit: OOMKilled %s', (args, limit, oom, bytes) => {
    const u = containerUsage({ image: image('polinux/stress'), argv: ['stress', ...args], limits: { memory: limit }, seed: 's' });
    expect(u.oomKilled).toBe(oom);
    expect(u.memoryBytes).toBe(bytes);
  });
});

describe('stress', () => {
  it.each([['250M', 250 * MI], ['1g', 1024 * MI], ['512k', 512 * 1024], ['100', 100], ['x', 0]])('--vm-bytes %s = %i', (t, n) => expect(stressBytes(t)).toBe(n));

  it('spins a core per --cpu worker, and per vm worker without --vm-hang', () => {
    expect(stressLoad(['--cpu', '2']).milliCpu).toBe(2000);
    expect(stressLoad(['-c', '1', '--vm=1']).milliCpu).toBe(2000);
    expect(stressLoad(['--vm', '1', '--vm-hang', '0']).milliCpu).toBe(0);
    expect(stressLoad(['--vm', '2']).memoryBytes).toBe(9300 * 1024 + 2 * 256 * MI);
  });
});

describe('nodeResourceMetrics', () => {
  it('reports running containers with their usage and the node with its own daemons on top', () => {
    let now = 1_000_000;
    const rt = new MemoryRuntime({ now: () => now });
    const sb = rt.addSandbox({ name: 'web', namespace: 'default', uid: 'u1', attempt: 0, ip: '10.244.1.5', labels: {}, annotations: {} });
    const labels = { 'io.kubernetes.pod.name': 'web', 'io.kubernetes.pod.namespace': 'default', 'io.kubernetes.pod.uid': 'u1', 'io.kubernetes.container.name': 'nginx' };
    const c = rt.addContainer({ sandboxId: sb.id, name: 'nginx', attempt: 0, image: 'sha256:x', imageRef: 'sha256:x', labels, logPath: '', usage: { nanoCores: 2_000_000, memoryBytes: 4 * MI } });
    rt.started(c.id);
    now += 30_000;
    const at = now;
    const b = nodeResourceMetrics(rt, at, { node: 'node01', bootTime: 0, system: { milliCpu: 0, memoryMi: 0 } });
    expect(b.pods).toEqual([{ namespace: 'default', name: 'web', containers: new Map([['nginx', { startTime: 1_000_000, timestamp: at, cumulativeCpu: STARTUP_CPU_NS + 60_000_000n, memory: BigInt(4 * MI) }]]) }]);
    expect(b.point.cumulativeCpu).toBe(STARTUP_CPU_NS + 60_000_000n);
    expect(b.point.memory).toBe(BigInt(4 * MI) + 327_680n);
    expect(nodeResourceMetrics(rt, 999_000, { node: 'node01', bootTime: 0 }).pods).toEqual([]);
  });
});
