// The probes of one pod (the prober manager's part for it): a worker per probe of each
// container and sidecar, started when the pod worker starts; what the pod's status shows of
// them (UpdatePodStatus: started once the startup probe succeeded, ready once started and the
// readiness probe succeeded — a readiness probe without a result yet is run at once); and which
// running container must be killed for a failed liveness or startup probe.
import type { Timers } from '../../controllers/framework/queue.js';
import type { ContainerRecord } from '../container-record.js';
import type { KubeletRecorder } from '../events.js';
import type { NodeNetwork } from '../network/node-network.js';
import { isSidecar, podSpec, type ContainerSpec, type Pod } from '../pod-spec.js';
import { podPhase } from '../pod-status.js';
import { killForProbe } from './kill.js';
import type { ProbeTarget } from './target.js';
import { PROBE_FIELD, type KillReason, type ProbeKind, type ProbeResult } from './types.js';
import { ProbeWorker, type WorkerHost } from './worker.js';

/** What a pod's sync asks of its probes. */
export interface ContainerProbes {
  /** Whether the running container r counts as started, and as ready. */
  status(c: ContainerSpec, r: ContainerRecord): { started: boolean; ready: boolean };
  /** Why the running container r must be killed, if a probe says so. */
  failed(c: ContainerSpec, r: ContainerRecord): KillReason | undefined;
  /** Stops r for reason; restart: the restart path starts it again. */
  kill(c: ContainerSpec, r: ContainerRecord, reason: KillReason, restart: boolean): void;
}

export interface PodProbesEnv {
  pod(): Pod;
  records: Map<string, ContainerRecord>;
  podIP(): string;
  hostIP: string;
  recorder: KubeletRecorder;
  timers: Timers;
  now: () => number;
  /** The node's pod network. */
  network(): NodeNetwork | undefined;
  /** A probe result changed. */
  changed(): void;
}

const KINDS: ProbeKind[] = ['Startup', 'Readiness', 'Liveness'];

export class PodProbes implements ContainerProbes {
  private readonly workers = new Map<string, ProbeWorker>();
  private readonly host: WorkerHost;

  constructor(private readonly env: PodProbesEnv) {
    this.host = {
      pod: env.pod, phase: () => podPhase(env.pod(), env.records, false), record: (name) => env.records.get(name),
      started: (name, r) => this.started(name, r), target: (c, r) => this.target(c, r),
      recorder: env.recorder, timers: env.timers, now: env.now, changed: env.changed,
      ended: (w) => {
        if (this.workers.get(key(w.container.name, w.kind)) === w) this.workers.delete(key(w.container.name, w.kind));
      },
    };
  }

  /** AddPod: a worker for every probe of the containers and sidecars. */
  start(): void {
    const spec = podSpec(this.env.pod());
    const probed = [...(spec.containers ?? []).map((c) => ({ c, init: false })), ...(spec.initContainers ?? []).filter(isSidecar).map((c) => ({ c, init: true }))];
    for (const { c, init } of probed) {
      for (const kind of KINDS) {
        const p = c[PROBE_FIELD[kind]];
        if (!p || this.workers.has(key(c.name, kind))) continue;
        const w = new ProbeWorker(kind, c, p, init, this.host);
        this.workers.set(key(c.name, kind), w);
        w.start();
      }
    }
  }

  stop(): void {
    for (const w of [...this.workers.values()]) w.stop();
  }

  /** StopLivenessAndStartup: the pod is terminating. */
  stopLivenessAndStartup(): void {
    for (const w of [...this.workers.values()]) if (!w.init && w.kind !== 'Readiness') w.stop();
  }

  status(c: ContainerSpec, r: ContainerRecord): { started: boolean; ready: boolean } {
    const started = this.started(c.name, r);
    if (!started || !r.running) return { started, ready: false };
    const w = this.workers.get(key(c.name, 'Readiness'));
    if (!w) return { started, ready: true };
    if (w.resultFor(r.running.containerID) === 'success') return { started, ready: true };
    w.trigger();
    return { started, ready: false };
  }

  failed(c: ContainerSpec, r: ContainerRecord): KillReason | undefined {
    const id = r.running?.containerID ?? '';
    if (this.result(c.name, 'Liveness', id) === 'failure') return 'LivenessProbe';
    if (this.result(c.name, 'Startup', id) === 'failure') return 'StartupProbe';
    return undefined;
  }

  kill(c: ContainerSpec, r: ContainerRecord, reason: KillReason, restart: boolean): void {
    killForProbe({ pod: this.env.pod(), recorder: this.env.recorder, timers: this.env.timers }, c, r, reason, restart);
  }

  private result(name: string, kind: ProbeKind, id: string): ProbeResult | undefined {
    return this.workers.get(key(name, kind))?.resultFor(id);
  }

  /** isContainerStarted. */
  private started(name: string, r: ContainerRecord): boolean {
    if (!r.running) return false;
    const w = this.workers.get(key(name, 'Startup'));
    return !w || w.resultFor(r.running.containerID) === 'success';
  }

  private target(c: ContainerSpec, r: ContainerRecord): ProbeTarget {
    const e = this.env;
    const running = r.running && r.process && r.launch ? { launch: r.launch, process: r.process } : undefined;
    const network = e.network();
    return { pod: e.pod(), container: c, running, records: e.records, podIP: e.podIP(), hostIP: e.hostIP, timers: e.timers, now: e.now, ...(network ? { network } : {}) };
  }
}

const key = (name: string, kind: ProbeKind): string => `${name}/${kind}`;
