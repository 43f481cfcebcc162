// What the kubelet knows of one container of a pod: its current run, the one before, how often it
// restarted. Rebuilt from the pod's status after a daemon restart, so completed init containers
// stay completed and running ones are taken back.
import type { PodNames } from './network/pod-names.js';
import type { LaunchSpec, SimProcess } from './runtime/process.js';
import type { CriLogWriter } from './runtime/cri-log.js';
import type { ContainerStatus, StateTerminated } from './pod-spec.js';

export interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

export interface ContainerRecord {
  name: string;
  init: boolean;
  /** An ephemeral container (kubectl debug): started once, never restarted. */
  ephemeral?: boolean;
  /** No run yet, or waiting to (re)start: reason and message as the status shows them. */
  waiting?: { reason: string; message?: string };
  running?: { startedAt: number; containerID: string };
  terminated?: Terminated;
  lastTerminated?: Terminated;
  restartCount: number;
  /** Whether a run was ever created (the next one then counts as a restart). */
  created: boolean;
  image?: string;
  imageID?: string;
  ready: boolean;
  /** Whether the running container counts as started (its startup probe succeeded); unset: when running. */
  started?: boolean;
  /** A failed liveness or startup probe is stopping the run: start it again once it stopped (restart),
   * checking the crash back-off against the end of the run before it (since), as upstream does. */
  probeKill?: { restart: boolean; since?: number };
  /** A failed start (image pull, config) is not tried again before this time. */
  retryAt?: number;
  /** A start (pull, create) is under way. */
  starting?: boolean;
  process?: SimProcess;
  /** What the running process was started with (exec runs beside it with the same). */
  launch?: LaunchSpec;
  /** The pod's names (resolv.conf, /etc/hosts) its network tools and exec sessions resolve with. */
  names?: PodNames;
  log?: CriLogWriter;
  /** A running container found in the status at start, whose process must be started again. */
  adopt?: boolean;
}

export function newRecord(name: string, init: boolean, ephemeral = false): ContainerRecord {
  return { name, init, restartCount: 0, created: false, ready: false, ...(ephemeral ? { ephemeral } : {}) };
}

const ms = (t: string | null | undefined): number => (t ? Date.parse(t) : 0);
/** The runtime's own ID, without the `containerd://` the status shows. */
const bareId = (id: string | undefined): string => (id ?? '').replace(/^[a-z]+:\/\//, '');

function fromTerminated(t: StateTerminated): Terminated {
  return { exitCode: t.exitCode, reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'), ...(t.message ? { message: t.message } : {}), startedAt: ms(t.startedAt), finishedAt: ms(t.finishedAt), containerID: bareId(t.containerID) };
}

/** A record rebuilt from the container's status in the API. */
export function recordFromStatus(s: ContainerStatus, init: boolean, ephemeral = false): ContainerRecord {
  const r = newRecord(s.name, init, ephemeral);
  r.restartCount = s.restartCount ?? 0;
  r.created = Boolean(s.containerID) || r.restartCount > 0;
  if (s.image) r.image = s.image;
  if (s.imageID) r.imageID = s.imageID;
  if (s.lastState?.terminated) r.lastTerminated = fromTerminated(s.lastState.terminated);
  const st = s.state ?? {};
  if (st.running && s.containerID) {
    delete r.waiting;
    r.running = { startedAt: ms(st.running.startedAt), containerID: bareId(s.containerID) };
    r.adopt = true;
  } else if (st.terminated) {
    delete r.waiting;
    r.terminated = fromTerminated({ ...st.terminated, containerID: st.terminated.containerID ?? s.containerID ?? '' });
  } else if (st.waiting && r.lastTerminated) {
    delete r.waiting;
    r.terminated = r.lastTerminated;
    delete r.lastTerminated;
    r.restartCount = Math.max(0, r.restartCount);
  }
  return r;
}
