// Stopping a container whose liveness or startup probe failed (computePodActions, then
// killContainer): the `Killing` event — `Container <name> failed liveness probe, will be
// restarted` (no `, will be restarted` under restartPolicy Never; `Init container <name> failed
// …` for a sidecar) — then SIGTERM, and SIGKILL once the grace period is over: the probe's own
// terminationGracePeriodSeconds, else the pod's, at least 2 s. How the process takes SIGTERM is
// its image's behaviour (a shell as PID 1 ignores it and is killed: 137; nginx exits 0). The run
// is started again through the restart path once it has stopped.
import type { Timers } from '../../controllers/framework/queue.js';
import type { ContainerRecord } from '../container-record.js';
import { fieldPathOf } from '../container-start.js';
import type { KubeletRecorder } from '../events.js';
import { podSpec, type ContainerSpec, type Pod } from '../pod-spec.js';
import type { KillReason } from './types.js';

const MINIMUM_GRACE_PERIOD_SECONDS = 2;
const DEFAULT_GRACE_PERIOD_SECONDS = 30;

/** setTerminationGracePeriod for a probe's kill, in seconds. */
export function killGracePeriod(pod: Pod, c: ContainerSpec, reason: KillReason): number {
  const deleting = pod.metadata.deletionGracePeriodSeconds;
  if (deleting !== undefined) return Math.max(deleting, MINIMUM_GRACE_PERIOD_SECONDS);
  const probe = reason === 'LivenessProbe' ? c.livenessProbe : c.startupProbe;
  const grace = probe?.terminationGracePeriodSeconds ?? podSpec(pod).terminationGracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS;
  return Math.max(grace, MINIMUM_GRACE_PERIOD_SECONDS);
}

/** The Killing event's message. */
export function killMessage(name: string, reason: KillReason, init: boolean, restart: boolean): string {
  const which = reason === 'LivenessProbe' ? 'liveness' : 'startup';
  if (init) return `Init container ${name} failed ${which} probe`;
  return `Container ${name} failed ${which} probe${restart ? ', will be restarted' : ''}`;
}

export interface KillContext {
  pod: Pod;
  recorder: KubeletRecorder;
  timers: Timers;
}

/** Stops r's running process; `restart` says whether the restart path starts it again. */
export function killForProbe(k: KillContext, c: ContainerSpec, r: ContainerRecord, reason: KillReason, restart: boolean): void {
  const proc = r.process;
  if (!proc || r.probeKill) return;
  r.probeKill = { restart, ...(r.lastTerminated ? { since: r.lastTerminated.finishedAt } : {}) };
  k.recorder.container(k.pod, fieldPathOf(c, r.init), 'Normal', 'Killing', killMessage(c.name, reason, r.init, restart));
  proc.signal('SIGTERM');
  const handle = k.timers.setTimeout(() => proc.signal('SIGKILL'), killGracePeriod(k.pod, c, reason) * 1000);
  void proc.exited.then(() => k.timers.clearTimeout(handle));
}
