// computePodActions for one sync: which init container runs next, which containers start or
// restart (restartPolicy, crash loop back-off), which are started and ready (their probes), and
// which are killed for a failed liveness or startup probe and started again.
import type { Backoff } from './backoff.js';
import { goDuration } from '../client/go-duration.js';
import type { ContainerRecord, Terminated } from './container-record.js';
import { newRecord } from './container-record.js';
import type { KubeletRecorder } from './events.js';
import { fieldPathOf } from './container-start.js';
import { formatPod, isSidecar, podSpec, type ContainerSpec, type Pod } from './pod-spec.js';
import type { ContainerProbes } from './probes/manager.js';

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
  /** The pod's probes; without them every running container is started and ready. */
  probes?: ContainerProbes;
}

export function shouldRestart(policy: string, exitCode: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

function record(ctx: ActionContext, c: ContainerSpec, init: boolean, ephemeral = false): ContainerRecord {
  let r = ctx.records.get(c.name);
  if (!r) {
    r = newRecord(c.name, init, ephemeral);
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

/**
 * Restarts r now, or leaves it waiting in CrashLoopBackOff until its back-off ends. The back-off
 * is checked against since: the end of the last run, or of the run before it for a run killed by
 * a probe (upstream starts it again in the sync that killed it, with the status read before).
 */
function restart(ctx: ActionContext, c: ContainerSpec, r: ContainerRecord, last: Terminated, since = last.finishedAt): void {
  const key = `${ctx.pod.metadata.uid}/${c.name}`;
  if (ctx.crashBackoff.isInBackOffSince(key, since)) {
    if (r.terminated) r.lastTerminated = r.terminated;
    delete r.terminated;
    const wait = ctx.crashBackoff.get(key);
    r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(wait)} restarting failed container=${c.name} pod=${formatPod(ctx.pod)}` };
    ctx.recorder.container(ctx.pod, fieldPathOf(c, r.init), 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(ctx.pod)}`);
    ctx.wakeAt(last.finishedAt + wait);
    return;
  }
  ctx.crashBackoff.next(key, since);
  ctx.begin(c, r);
}

/** A run a probe killed has stopped: started again (without a back-off check after a first run), or left stopped. */
function afterProbeKill(ctx: ActionContext, c: ContainerSpec, r: ContainerRecord, last: Terminated): void {
  const kill = r.probeKill;
  delete r.probeKill;
  if (!kill?.restart) return;
  if (kill.since === undefined) ctx.begin(c, r);
  else restart(ctx, c, r, last, kill.since);
}

/** A running (or starting) container: started and ready as its probes say, killed when one failed; whether it started. */
function syncRunning(ctx: ActionContext, c: ContainerSpec, r: ContainerRecord, restartAfterKill: boolean): boolean {
  if (!r.running) {
    r.ready = false;
    return false;
  }
  if (!ctx.probes) {
    r.ready = true;
    return true;
  }
  const s = ctx.probes.status(c, r);
  r.started = s.started;
  r.ready = s.ready;
  const reason = r.probeKill ? undefined : ctx.probes.failed(c, r);
  if (reason) ctx.probes.kill(c, r, reason, restartAfterKill);
  return s.started;
}

/** A stopped container: started again as restartPolicy (or a probe's kill) says. */
function syncStopped(ctx: ActionContext, c: ContainerSpec, r: ContainerRecord, again: (last: Terminated) => boolean): void {
  r.ready = false;
  delete r.started;
  const last = lastRun(r);
  if (holding(ctx, r)) return;
  if (r.probeKill && last) afterProbeKill(ctx, c, r, last);
  else if (!r.created || !last) ctx.begin(c, r);
  else if (again(last)) restart(ctx, c, r, last);
}

/** Runs the next init container; true once all have completed (sidecars: started). */
function syncInit(ctx: ActionContext, policy: string): boolean {
  for (const c of podSpec(ctx.pod).initContainers ?? []) {
    const r = record(ctx, c, true);
    if (r.running || r.starting) {
      if (!isSidecar(c)) {
        r.ready = false;
        return false;
      }
      if (syncRunning(ctx, c, r, true)) continue;
      return false;
    }
    const last = lastRun(r);
    if (!isSidecar(c) && last?.exitCode === 0 && r.terminated) {
      r.ready = true;
      continue;
    }
    syncStopped(ctx, c, r, (l) => isSidecar(c) || (policy !== 'Never' && l.exitCode !== 0));
    return false;
  }
  return true;
}

/** Ephemeral containers start once, whatever the pod's initialization, and are never restarted or probed. */
function syncEphemeral(ctx: ActionContext): void {
  for (const c of podSpec(ctx.pod).ephemeralContainers ?? []) {
    const r = record(ctx, c, false, true);
    r.ready = false;
    if (r.running || r.starting || r.created || holding(ctx, r)) continue;
    ctx.begin(c, r);
  }
}

/** One pass over the pod's containers. */
export function syncContainers(ctx: ActionContext): void {
  const policy = podSpec(ctx.pod).restartPolicy ?? 'Always';
  syncEphemeral(ctx);
  if (!syncInit(ctx, policy)) return;
  for (const c of podSpec(ctx.pod).containers ?? []) {
    const r = record(ctx, c, false);
    if (r.running || r.starting) syncRunning(ctx, c, r, policy !== 'Never');
    else syncStopped(ctx, c, r, (last) => shouldRestart(policy, last.exitCode));
  }
}
