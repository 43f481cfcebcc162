// computePodActions for one sync: which init container runs next, which containers start or
// restart (restartPolicy, crash loop back-off), and which are ready.
import { goDuration, type Backoff } from './backoff.js';
import type { ContainerRecord, Terminated } from './container-record.js';
import { newRecord } from './container-record.js';
import type { KubeletRecorder } from './events.js';
import { fieldPathOf } from './container-start.js';
import { formatPod, isSidecar, podSpec, type ContainerSpec, type Pod, type Probe } from './pod-spec.js';

export interface ActionContext {
  pod: Pod;
  records: Map<string, ContainerRecord>;
  crashBackoff: Backoff;
  recorder: KubeletRecorder;
  podIP: string;
  now: number;
  /** Starts (or restarts) c. */
  begin(c: ContainerSpec, r: ContainerRecord): void;
  wakeAt(ms: number): void;
}

export function shouldRestart(policy: string, exitCode: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

function record(ctx: ActionContext, c: ContainerSpec, init: boolean): ContainerRecord {
  let r = ctx.records.get(c.name);
  if (!r) {
    r = newRecord(c.name, init);
    ctx.records.set(c.name, r);
  }
  return r;
}

const lastRun = (r: ContainerRecord): Terminated | undefined => r.terminated ?? (r.created ? r.lastTerminated : undefined);

/** Whether r's last failed start says to wait (ImagePullBackOff, CreateContainerConfigError). */
function holding(ctx: ActionContext, r: ContainerRecord): boolean {
  if (r.retryAt === undefined || ctx.now >= r.retryAt) return false;
  if (Number.isFinite(r.retryAt)) ctx.wakeAt(r.retryAt);
  return true;
}

/** Restarts r now, or leaves it waiting in CrashLoopBackOff until its back-off ends. */
function restart(ctx: ActionContext, c: ContainerSpec, r: ContainerRecord, last: Terminated): void {
  const key = `${ctx.pod.metadata.uid}/${c.name}`;
  if (ctx.crashBackoff.isInBackOffSince(key, last.finishedAt)) {
    if (r.terminated) r.lastTerminated = r.terminated;
    delete r.terminated;
    const wait = ctx.crashBackoff.get(key);
    r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(wait)} restarting failed container=${c.name} pod=${formatPod(ctx.pod)}` };
    ctx.recorder.container(ctx.pod, fieldPathOf(c, r.init), 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(ctx.pod)}`);
    ctx.wakeAt(last.finishedAt + wait);
    return;
  }
  ctx.crashBackoff.next(key, last.finishedAt);
  ctx.begin(c, r);
}

/** Runs the next init container; true once all have completed (sidecars: started). */
function syncInit(ctx: ActionContext, policy: string): boolean {
  for (const c of podSpec(ctx.pod).initContainers ?? []) {
    const r = record(ctx, c, true);
    r.ready = isSidecar(c) && Boolean(r.running);
    if (r.running || r.starting) {
      if (isSidecar(c) && r.running) continue;
      return false;
    }
    const last = lastRun(r);
    if (!isSidecar(c) && last?.exitCode === 0 && r.terminated) continue;
    if (holding(ctx, r)) return false;
    if (!r.created || !last) ctx.begin(c, r);
    else if (isSidecar(c) || (policy !== 'Never' && last.exitCode !== 0)) restart(ctx, c, r, last);
    return false;
  }
  return true;
}

/** One pass over the pod's containers. */
export function syncContainers(ctx: ActionContext): void {
  const policy = podSpec(ctx.pod).restartPolicy ?? 'Always';
  if (!syncInit(ctx, policy)) return;
  for (const c of podSpec(ctx.pod).containers ?? []) {
    const r = record(ctx, c, false);
    if (r.running || r.starting) {
      r.ready = Boolean(r.running) && probeReady(ctx, c, r);
      continue;
    }
    r.ready = false;
    const last = lastRun(r);
    if (holding(ctx, r)) continue;
    if (!r.created || !last) ctx.begin(c, r);
    else if (shouldRestart(policy, last.exitCode)) restart(ctx, c, r, last);
  }
}

function probePort(c: ContainerSpec, p: Probe): number | undefined {
  const port = p.httpGet?.port ?? p.tcpSocket?.port;
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  return c.ports?.find((x) => x.name === port)?.containerPort ?? (Number(port) || undefined);
}

/** A readiness probe: due after initialDelaySeconds, succeeds when the process listens on its port. */
function probeReady(ctx: ActionContext, c: ContainerSpec, r: ContainerRecord): boolean {
  const p = c.readinessProbe;
  if (!p || !r.running) return true;
  const due = r.running.startedAt + (p.initialDelaySeconds ?? 0) * 1000;
  if (ctx.now < due) {
    ctx.wakeAt(due);
    return false;
  }
  const port = probePort(c, p);
  if (port === undefined || r.process?.ports.includes(port)) return true;
  const dial = `dial tcp ${ctx.podIP}:${port}: connect: connection refused`;
  const why = p.httpGet ? `Get "http://${ctx.podIP}:${port}${p.httpGet.path ?? '/'}": ${dial}` : dial;
  ctx.recorder.container(ctx.pod, fieldPathOf(c, false), 'Warning', 'Unhealthy', `Readiness probe failed: ${why}`);
  ctx.wakeAt(ctx.now + (p.periodSeconds ?? 10) * 1000);
  return false;
}
