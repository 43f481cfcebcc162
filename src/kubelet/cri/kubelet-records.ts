// How the kubelet writes what it runs into the node's runtime (the state crictl reads): a sandbox
// per pod (the kubelet's labels), a container per run (ID = the status' containerID, attempt =
// restart count, logPath = the in-node CRI log path); older exited runs are collected as the
// kubelet's container GC does, keeping the previous one.
import type { LaunchSpec, SimProcess } from '../runtime/process.js';
import type { ContainerSpec, Pod } from '../pod-spec.js';
import type { MemoryRuntime } from './memory-runtime.js';
import { msToNs, type ContainerEntry, type ContainerTask, type SandboxDns } from './state.js';
import { runtimeUsage } from '../usage/run-usage.js';

/** Where the runtime's log files are on the node, as a path inside the node. */
export const NODE_POD_LOGS = '/var/log/pods';

const meta = (pod: Pod) => ({ name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', uid: pod.metadata.uid ?? '' });

/** Records a new READY sandbox for pod. */
export function recordSandbox(rt: MemoryRuntime, pod: Pod, s: { id: string; ip: string; hostNetwork: boolean; attempt: number; runtimeHandler?: string; dns?: SandboxDns }): void {
  const m = meta(pod);
  const labels = { ...(pod.metadata.labels ?? {}), 'io.kubernetes.pod.name': m.name, 'io.kubernetes.pod.namespace': m.namespace, 'io.kubernetes.pod.uid': m.uid };
  const annotations = { ...(pod.metadata.annotations ?? {}), 'kubernetes.io/config.seen': new Date(rt.o.now()).toISOString(), 'kubernetes.io/config.source': 'api' };
  rt.addSandbox({ id: s.id, name: m.name, namespace: m.namespace, uid: m.uid, attempt: s.attempt, ip: s.ip, hostNetwork: s.hostNetwork, runtimeHandler: s.runtimeHandler ?? '', labels, annotations, ...(s.dns ? { dns: s.dns } : {}) });
}

export interface RunRecord {
  id: string;
  sandboxId: string;
  pod: Pod;
  spec: ContainerSpec;
  attempt: number;
  imageID: string;
  launch: LaunchSpec;
  /** An adopted run (after a daemon restart) keeps its start time. */
  startedAtMs?: number;
}

/** The in-node log path of a container run. */
export function nodeLogPath(pod: Pod, container: string, attempt: number): string {
  const m = meta(pod);
  return `${NODE_POD_LOGS}/${m.namespace}_${m.name}_${m.uid}/${container}/${attempt}.log`;
}

/** Records a container run as CREATED, dropping exited runs of the same container older than the last one. */
export function recordContainer(rt: MemoryRuntime, r: RunRecord): void {
  if (rt.containers.has(r.id)) return;
  const m = meta(r.pod);
  collectOldRuns(rt, m.uid, r.spec.name);
  const created = r.startedAtMs !== undefined ? msToNs(r.startedAtMs) : rt.nowNs();
  const envs = Object.entries(r.launch.env).map(([key, value]) => ({ key, value }));
  rt.addContainer({
    id: r.id, sandboxId: r.sandboxId, name: r.spec.name, attempt: r.attempt, image: r.imageID, userImage: r.spec.image ?? '', imageRef: r.imageID, createdAt: created,
    labels: { 'io.kubernetes.container.name': r.spec.name, 'io.kubernetes.pod.name': m.name, 'io.kubernetes.pod.namespace': m.namespace, 'io.kubernetes.pod.uid': m.uid },
    annotations: { 'io.kubernetes.container.restartCount': String(r.attempt), 'io.kubernetes.container.terminationMessagePath': '/dev/termination-log', 'io.kubernetes.container.terminationMessagePolicy': 'File', 'io.kubernetes.pod.terminationGracePeriod': '30' },
    logPath: nodeLogPath(r.pod, r.spec.name, r.attempt), command: r.launch.argv.slice(0, 1), args: r.launch.argv.slice(1), envs, workingDir: r.launch.workingDir,
    usage: runtimeUsage(r.pod, r.spec, r.launch),
  });
}

/** Keeps at most one exited run per (pod, container), as kubelet GC leaves the previous one for `logs -p`. */
function collectOldRuns(rt: MemoryRuntime, uid: string, name: string): void {
  const dead = [...rt.containers.values()]
    .filter((c) => c.state === 'CONTAINER_EXITED' && c.name === name && c.labels['io.kubernetes.pod.uid'] === uid)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  for (const c of dead.slice(1)) rt.deleteContainer(c.id);
}

/** The runtime's handle on a simulated process. */
export function taskOf(proc: SimProcess): ContainerTask {
  return { signal: (sig) => proc.signal(sig), exited: proc.exited };
}

/** Records the run as started (with its task) and its exit when the process ends. */
export function recordStart(rt: MemoryRuntime, id: string, proc: SimProcess, startedAtMs?: number): void {
  rt.started(id, taskOf(proc));
  const c: ContainerEntry | undefined = rt.containers.get(id);
  if (c && startedAtMs !== undefined) c.startedAt = msToNs(startedAtMs);
}

/** Removes a pod's sandboxes (and so its containers): the kubelet's GC of a deleted pod. */
export function forgetPod(rt: MemoryRuntime, uid: string): void {
  for (const s of [...rt.sandboxes.values()]) if (s.uid === uid) rt.deleteSandbox(s.id);
}
