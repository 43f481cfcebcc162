// The pod status the kubelet writes through pods/status: phase from its containers' states
// (kubelet's getPhase), the five conditions with upstream's reasons, container statuses.
import type { ContainerRecord, Terminated } from './container-record.js';
import type { Condition, ContainerState, ContainerStatus, ContainerSpec, Pod, PodStatus } from './pod-spec.js';
import { isSidecar, podSpec } from './pod-spec.js';

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export interface StatusInput {
  pod: Pod;
  records: Map<string, ContainerRecord>;
  sandboxReady: boolean;
  podIP?: string;
  hostIP: string;
  startTime?: number;
  /** The pod is being deleted and every container has stopped. */
  terminal: boolean;
  now: number;
}

function terminatedState(t: Terminated): ContainerState {
  return { terminated: { exitCode: t.exitCode, reason: t.reason, ...(t.message ? { message: t.message } : {}), startedAt: rfc3339(t.startedAt), finishedAt: rfc3339(t.finishedAt), ...(t.containerID ? { containerID: `containerd://${t.containerID}` } : {}) } };
}

function containerStatus(spec: ContainerSpec, r: ContainerRecord | undefined, pending: string): ContainerStatus {
  const state: ContainerState = r?.running ? { running: { startedAt: rfc3339(r.running.startedAt) } }
    : r?.terminated ? terminatedState(r.terminated)
      : { waiting: { reason: r?.waiting?.reason ?? pending, ...(r?.waiting?.message ? { message: r.waiting.message } : {}) } };
  const id = r?.running?.containerID ?? r?.terminated?.containerID;
  const s: ContainerStatus = {
    name: spec.name, state, lastState: r?.lastTerminated ? terminatedState(r.lastTerminated) : {},
    ready: r?.ready ?? false, restartCount: r?.restartCount ?? 0, image: r?.image ?? spec.image ?? '', imageID: r?.imageID ?? '',
    ...(id ? { containerID: `containerd://${id}` } : {}), started: Boolean(r?.running) && (r?.started ?? true),
  };
  if (spec.volumeMounts?.length) {
    s.volumeMounts = spec.volumeMounts.map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
  }
  return s;
}

const succeeded = (r?: ContainerRecord) => r?.terminated?.exitCode === 0 && !r.running;

/** Whether every non-sidecar init container completed and every sidecar started. */
export function initialized(pod: Pod, records: Map<string, ContainerRecord>): boolean {
  return (podSpec(pod).initContainers ?? []).every((c) => (isSidecar(c) ? Boolean(records.get(c.name)?.running) : succeeded(records.get(c.name))));
}

/** kubelet's getPhase. */
export function podPhase(pod: Pod, records: Map<string, ContainerRecord>, terminal: boolean): string {
  const spec = podSpec(pod);
  const policy = spec.restartPolicy ?? 'Always';
  for (const c of spec.initContainers ?? []) {
    const r = records.get(c.name);
    if (isSidecar(c) || succeeded(r)) continue;
    const failed = r?.terminated && r.terminated.exitCode !== 0 && !r.running;
    if (failed && (policy === 'Never' || terminal)) return 'Failed';
    if (!initialized(pod, records)) return terminal ? 'Failed' : 'Pending';
  }
  let running = 0, waiting = 0, stopped = 0, ok = 0;
  for (const c of spec.containers ?? []) {
    const r = records.get(c.name);
    if (r?.running) running++;
    else if (r?.terminated) {
      stopped++;
      if (r.terminated.exitCode === 0) ok++;
    } else if (r?.lastTerminated) stopped++;
    else waiting++;
  }
  if (waiting > 0 && !terminal) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always' && !terminal) return 'Running';
    if (stopped === ok && waiting === 0) return 'Succeeded';
    if (policy === 'Never' || terminal) return 'Failed';
    return 'Running';
  }
  return terminal ? 'Failed' : 'Pending';
}

function conditions(i: StatusInput, phase: string): Condition[] {
  const spec = podSpec(i.pod);
  const done = phase === 'Succeeded' || phase === 'Failed';
  const unready = (spec.containers ?? []).filter((c) => !i.records.get(c.name)?.ready).map((c) => c.name);
  const incomplete = (spec.initContainers ?? []).filter((c) => !(isSidecar(c) ? i.records.get(c.name)?.running : succeeded(i.records.get(c.name)))).map((c) => c.name);
  const init = initialized(i.pod, i.records);
  const ready: Omit<Condition, 'type'> = done ? { status: 'False', reason: 'PodCompleted' }
    : unready.length ? { status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` }
      : { status: 'True' };
  const initCond: Omit<Condition, 'type'> = init ? (phase === 'Succeeded' ? { status: 'True', reason: 'PodCompleted' } : { status: 'True' })
    : { status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]` };
  const old = i.pod.status?.conditions ?? [];
  const scheduled = old.find((c) => c.type === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True' };
  const want: Condition[] = [
    { type: 'PodReadyToStartContainers', status: i.sandboxReady ? 'True' : 'False' },
    { type: 'Initialized', ...initCond },
    { type: 'Ready', ...ready },
    { type: 'ContainersReady', ...ready },
  ];
  return [...want.map((c) => withTransition(c, old, i.now)), scheduled, ...old.filter((c) => !['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].includes(c.type))];
}

function withTransition(c: Condition, old: Condition[], now: number): Condition {
  const prev = old.find((o) => o.type === c.type);
  const at = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now);
  return { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: at, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
}

export function buildStatus(i: StatusInput): PodStatus {
  const spec = podSpec(i.pod);
  const phase = podPhase(i.pod, i.records, i.terminal);
  const s: PodStatus = { ...(i.pod.status ?? {}), phase, conditions: conditions(i, phase), hostIP: i.hostIP, hostIPs: [{ ip: i.hostIP }] };
  if (i.podIP) Object.assign(s, { podIP: i.podIP, podIPs: [{ ip: i.podIP }] });
  if (i.startTime !== undefined) s.startTime = rfc3339(i.startTime);
  // Containers not yet created wait as ContainerCreating, or PodInitializing in a pod with init containers.
  const pending = spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
  s.containerStatuses = (spec.containers ?? []).map((c) => containerStatus(c, i.records.get(c.name), pending));
  if (spec.initContainers?.length) s.initContainerStatuses = spec.initContainers.map((c) => containerStatus(c, i.records.get(c.name), pending));
  else delete s.initContainerStatuses;
  if (spec.ephemeralContainers?.length) s.ephemeralContainerStatuses = spec.ephemeralContainers.map((c) => containerStatus(c, i.records.get(c.name), 'ContainerCreating'));
  return s;
}
