// Fixture "F1" of the crictl reference (README §11): three pods, three containers and four images
// with the IDs, states and ages the acceptance cases assume, in a memory runtime; and a node root
// with the runtime's socket at run/containerd/containerd.sock, etc/crictl.yaml and the log files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MemoryRuntime } from '../../src/kubelet/cri/memory-runtime.js';
import { memoryBackend } from '../../src/kubelet/cri/runtime-rpcs.js';
import { startCriServer } from '../../src/kubelet/cri/server.js';
import { MemoryImages, msToNs, type ImageEntry } from '../../src/kubelet/cri/state.js';
import { catalogFetch } from '../../src/kubelet/cri/catalog-fetch.js';
import { defaultCatalog } from '../../src/kubelet/runtime/catalog.js';
import { parseImageRef } from '../../src/kubelet/runtime/image-ref.js';
import { launch, type LaunchSpec } from '../../src/kubelet/runtime/process.js';
import type { RunningContainer } from '../../src/kubelet/exec/session.js';
import { kubeletExecSync, type RunningLookup } from '../../src/kubelet/cri/exec-sync.js';
import type { Timers } from '../../src/controllers/framework/queue.js';

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export const F1 = {
  pods: {
    nginx: '6d2ff84b7b8a3f64551fcd6f07823cb87971cfb91446425da18286b3ab1ef935',
    coredns: '9f8e7d6c5b4a33946ca64ff78d93ca61090a437cbb6b3d2ca0d488f5f9ccf305',
    oldJob: '3a1b2c3d4e5f643bb00d0ce7790a53b91256b370c887b24791a5539a6fbfb70c',
  },
  containers: {
    nginx: '1c5d5c3b2ab6cd0f631ca1ddba8db3bcfcb9e057cdc98d0379f1bee00e75a545',
    coredns: '4b2e0f7c9d1a39c0abe51c6e6655d81de2d044d4fb194931f058c0426c67c728',
    job: '4b7f00aa52e197c1c97df17c066924822b0af09a65251554962c61e23329aed0',
  },
  images: {
    nginx: 'sha256:a8758716bb6aa5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3',
    coredns: 'sha256:c69fa2e9cbf5f8a32e516d7415be524a7fcec482ad2918f2b6ef2a7f4cb8e2e2',
    busybox: 'sha256:27a71e19c95629d75f0d7c398df565d7ac04c6819b62d6d8f9560f5eb4672596',
    pause: 'sha256:873ed751027916210c0bf05396716df932f0729df69de0533933e5ad9871fd07',
  },
  uids: {
    nginx: '0e6e3c4a-5a8f-4d53-9c1e-6f2b7a1d9e01',
    coredns: '7b1f2d3c-8e4a-4b6c-9d0e-1f2a3b4c5d6e',
    oldJob: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
  },
  /** The nginx container's log, in file order (the logs-* cases). */
  nginxLog: [['stdout', 'l1'], ['stderr', 'e1'], ['stdout', 'l2'], ['stdout', 'l3']] as const,
  imageFs: { usedBytes: 405356544, inodesUsed: 2395, timestamp: '1733480000000000000' },
} as const;

export const F1_IMAGES: ImageEntry[] = [
  { id: F1.images.nginx, repoTags: ['docker.io/library/nginx:latest'], repoDigests: ['docker.io/library/nginx@sha256:0a399eb167518c1410de20ba5ea7c86f62f731366eb5b585d6250ec708924097'], size: 72095450, pinned: false },
  { id: F1.images.coredns, repoTags: ['registry.k8s.io/coredns/coredns:v1.11.3'], repoDigests: [], size: 18562039, pinned: false },
  { id: F1.images.busybox, repoTags: ['docker.io/library/busybox:1.36'], repoDigests: [], size: 2160406, pinned: false },
  { id: F1.images.pause, repoTags: ['registry.k8s.io/pause:3.10'], repoDigests: [], size: 320368, pinned: true },
];

const MIN = 60_000;
const HOUR = 60 * MIN;

const podLabels = (name: string, ns: string, uid: string) => ({ 'io.kubernetes.pod.name': name, 'io.kubernetes.pod.namespace': ns, 'io.kubernetes.pod.uid': uid });
const ctrLabels = (name: string, pod: string, ns: string) => ({ 'io.kubernetes.container.name': name, 'io.kubernetes.pod.name': pod, 'io.kubernetes.pod.namespace': ns });
const logDir = (ns: string, pod: string, uid: string) => `/var/log/pods/${ns}_${pod}_${uid}`;

/** A memory runtime on `now` (ms) holding F1's images (pause pinned); pulls come from the image catalog. */
export function f1Runtime(now: () => number): MemoryRuntime {
  return new MemoryRuntime({ now, images: new MemoryImages(F1_IMAGES.map((i) => ({ ...i })), catalogFetch(defaultCatalog())) });
}

/** Puts F1's pods and containers into rt, ages relative to now (ms). */
export function seedF1(rt: MemoryRuntime, now: number): void {
  const ns = (agoMs: number) => msToNs(now - agoMs);
  const { pods, containers, images, uids } = F1;
  rt.addSandbox({ id: pods.nginx, name: 'nginx', namespace: 'default', uid: uids.nginx, attempt: 0, createdAt: ns(5.5 * MIN), ip: '10.244.1.5', labels: podLabels('nginx', 'default', uids.nginx), annotations: {}, usage: { nanoCores: 0, memoryBytes: 330_000 } });
  rt.addSandbox({ id: pods.coredns, name: 'coredns-7c65d6cfc9-x2xkq', namespace: 'kube-system', uid: uids.coredns, attempt: 0, createdAt: ns(3 * HOUR + 10 * MIN), ip: '10.244.1.3', labels: podLabels('coredns-7c65d6cfc9-x2xkq', 'kube-system', uids.coredns), annotations: {}, usage: { nanoCores: 100_000, memoryBytes: 590_000 } });
  rt.addSandbox({ id: pods.oldJob, name: 'old-job-abcde', namespace: 'default', uid: uids.oldJob, attempt: 1, createdAt: ns(49 * HOUR), ip: '10.244.1.2', state: 'SANDBOX_NOTREADY', labels: podLabels('old-job-abcde', 'default', uids.oldJob), annotations: {} });
  rt.addContainer({
    id: containers.nginx, sandboxId: pods.nginx, name: 'nginx', attempt: 0, image: images.nginx, userImage: 'nginx', imageRef: images.nginx, state: 'CONTAINER_RUNNING',
    createdAt: ns(4.5 * MIN), startedAt: ns(4.5 * MIN - 400), pid: 4121, labels: ctrLabels('nginx', 'nginx', 'default'), logPath: `${logDir('default', 'nginx', uids.nginx)}/nginx/0.log`,
    command: ['/docker-entrypoint.sh'], args: ['nginx', '-g', 'daemon off;'], usage: { nanoCores: 0, memoryBytes: 2_680_000, diskBytes: 16384, inodes: 9 },
  });
  rt.addContainer({
    id: containers.coredns, sandboxId: pods.coredns, name: 'coredns', attempt: 2, image: images.coredns, userImage: 'registry.k8s.io/coredns/coredns:v1.11.3', imageRef: images.coredns, state: 'CONTAINER_RUNNING',
    createdAt: ns(3 * HOUR + 5 * MIN), startedAt: ns(3 * HOUR + 5 * MIN - 300), pid: 3876, labels: ctrLabels('coredns', 'coredns-7c65d6cfc9-x2xkq', 'kube-system'),
    logPath: `${logDir('kube-system', 'coredns-7c65d6cfc9-x2xkq', uids.coredns)}/coredns/2.log`, command: ['/coredns'], args: ['-conf', '/etc/coredns/Corefile'], usage: { nanoCores: 1_500_000, memoryBytes: 15_530_000, diskBytes: 12288, inodes: 17 },
  });
  rt.addContainer({
    id: containers.job, sandboxId: pods.oldJob, name: 'job', attempt: 0, image: images.busybox, userImage: 'busybox:1.36', imageRef: images.busybox, state: 'CONTAINER_EXITED',
    createdAt: ns(49 * HOUR), startedAt: ns(49 * HOUR - 500), finishedAt: ns(49 * HOUR - 3500), exitCode: 0, labels: ctrLabels('job', 'old-job-abcde', 'default'),
    logPath: `${logDir('default', 'old-job-abcde', uids.oldJob)}/job/0.log`, command: ['sh', '-c', 'echo done'],
  });
}

/** CRI log lines `<RFC 3339 ns> <stream> F <text>` for F1's log files, timestamps 1 s apart from start. */
function criLines(lines: readonly (readonly [string, string])[], startMs: number): string {
  return lines.map(([stream, text], i) => `${new Date(startMs + i * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ${stream} F ${text}\n`).join('');
}

/** Writes F1's container log files under dir (the node root) at the paths the containers report. */
export function writeF1Logs(dir: string, rt: MemoryRuntime, now: number): void {
  const logs: Record<string, readonly (readonly [string, string])[]> = {
    [F1.containers.nginx]: F1.nginxLog,
    [F1.containers.coredns]: [['stdout', '.:53'], ['stdout', 'CoreDNS-1.11.3']],
    [F1.containers.job]: [['stdout', 'done']],
  };
  for (const c of rt.containers.values()) {
    const file = join(dir, c.logPath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, criLines(logs[c.id] ?? [], now - 4 * MIN));
  }
}

/** The crictl.yaml of the cases' default state: both endpoints on containerd's socket. */
export const F1_CRICTL_YAML = 'runtime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: unix:///run/containerd/containerd.sock\ntimeout: 2\ndebug: false\n';

/** Starts F1's runtime at <dir>/run/containerd/containerd.sock, with <dir>/etc/crictl.yaml and the log files. */
export async function startF1Server(dir: string, now: () => number = Date.now): Promise<{ socketPath: string; runtime: MemoryRuntime; close(): Promise<void> }> {
  const rt = f1Runtime(now);
  const t = now();
  seedF1(rt, t);
  writeF1Logs(dir, rt, t);
  mkdirSync(join(dir, 'etc'), { recursive: true });
  writeFileSync(join(dir, 'etc/crictl.yaml'), F1_CRICTL_YAML);
  const socketPath = join(dir, 'run/containerd/containerd.sock');
  const running = f1Processes(rt, realTimers);
  const server = await startCriServer(socketPath, memoryBackend(rt, { imageFs: () => ({ ...F1.imageFs }), execSync: kubeletExecSync(running, realTimers) }));
  const close = async () => {
    await server.close();
    for (const c of rt.containers.values()) c.task?.signal('SIGKILL');
  };
  return { socketPath, runtime: rt, close };
}

/** F1's running containers as simulated processes (already up: no banner), so exec and stop act on them. */
function f1Processes(rt: MemoryRuntime, timers: Timers): RunningLookup {
  const catalog = defaultCatalog();
  const procs = new Map<string, RunningContainer>();
  for (const c of rt.containers.values()) {
    const ref = parseImageRef(rt.images.list().find((i) => i.id === c.imageRef)?.repoTags[0] ?? '');
    const res = 'error' in ref ? undefined : catalog.resolve(ref);
    if (c.state !== 'CONTAINER_RUNNING' || !res || !('image' in res)) continue;
    const spec: LaunchSpec = { argv: [...c.command, ...c.args], env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: c.labels['io.kubernetes.pod.name'] ?? '' }, workingDir: '/', image: res.image, podIP: rt.sandboxes.get(c.sandboxId)?.ip ?? '', hostname: c.labels['io.kubernetes.pod.name'] ?? '', resume: true };
    const proc = launch(spec, { out: () => {}, now: () => rt.o.now(), timers });
    if ('startError' in proc) continue;
    c.task = { signal: (sig) => proc.signal(sig), exited: proc.exited };
    void proc.exited.then((code) => rt.exited(c.id, code));
    procs.set(c.id, { launch: spec, process: proc });
  }
  return (id) => procs.get(id);
}
