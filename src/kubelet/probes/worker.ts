// One probe of one container (prober's worker): it probes at once, then on a ticker of
// periodSeconds (a manual trigger probes now and restarts the ticker), and keeps the result for
// the container's current run. A new run starts from the kind's initial result (readiness
// failure, liveness success, startup unknown); nothing is probed before initialDelaySeconds,
// liveness and readiness wait for the startup probe, the startup probe stops once it
// succeeded; failureThreshold failures (successThreshold successes) in a row set the result. A
// failed liveness or a decided startup probe holds until the next run. The worker ends with the
// pod (Succeeded/Failed), with a container that stopped for good (restartPolicy Never), and for
// liveness and startup when the pod is being deleted (their last result: success).
import type { Timers } from '../../controllers/framework/queue.js';
import type { ContainerRecord } from '../container-record.js';
import type { KubeletRecorder } from '../events.js';
import { podSpec, type ContainerSpec, type Pod, type Probe } from '../pod-spec.js';
import { probe } from './prober.js';
import type { ProbeTarget } from './target.js';
import { timings, type ProbeKind, type ProbeResult, type Timings } from './types.js';

/** What a worker reads of its pod and reports to it. */
export interface WorkerHost {
  pod(): Pod;
  phase(): string;
  record(name: string): ContainerRecord | undefined;
  started(name: string, r: ContainerRecord): boolean;
  target(c: ContainerSpec, r: ContainerRecord): ProbeTarget;
  recorder: KubeletRecorder;
  timers: Timers;
  now: () => number;
  /** A result changed: the pod is synced again. */
  changed(): void;
  /** The worker ended. */
  ended(w: ProbeWorker): void;
}

const INITIAL: Record<ProbeKind, ProbeResult> = { Readiness: 'failure', Liveness: 'success', Startup: 'unknown' };

export class ProbeWorker {
  private readonly t: Timings;
  private containerID = '';
  private current: ProbeResult | undefined;
  /** Go's zero results.Result is Success. */
  private lastResult: ProbeResult = 'success';
  private resultRun = 0;
  private onHold = false;
  private anchor = 0;
  private handle: unknown;
  private busy = false;
  private triggered = false;
  private stopped = false;

  constructor(readonly kind: ProbeKind, readonly container: ContainerSpec, private readonly spec: Probe, readonly init: boolean, private readonly host: WorkerHost) {
    this.t = timings(spec);
  }

  /** The result for the container run id, if the worker has one. */
  resultFor(id: string): ProbeResult | undefined {
    return id && id === this.containerID ? this.current : undefined;
  }

  start(): void {
    this.anchor = this.host.now();
    void this.tick();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.host.timers.clearTimeout(this.handle);
    this.host.ended(this);
  }

  /** Probe now and restart the ticker (a status update found no readiness result yet). */
  trigger(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.triggered = true;
      return;
    }
    this.host.timers.clearTimeout(this.handle);
    this.anchor = this.host.now();
    queueMicrotask(() => void this.tick());
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.busy = true;
    const keep = await this.doProbe().catch(() => true);
    this.busy = false;
    if (!keep) return this.stop();
    if (this.stopped) return;
    if (this.triggered) {
      this.triggered = false;
      this.anchor = this.host.now();
      return this.tick();
    }
    const period = this.t.periodSeconds * 1000;
    const now = this.host.now();
    const next = this.anchor + period * (Math.floor((now - this.anchor) / period) + 1);
    this.handle = this.host.timers.setTimeout(() => void this.tick(), next - now);
  }

  private set(result: ProbeResult): void {
    if (this.current === result) return;
    this.current = result;
    this.host.changed();
  }

  /** doProbe: whether the worker goes on. */
  private async doProbe(): Promise<boolean> {
    const phase = this.host.phase();
    if (phase === 'Succeeded' || phase === 'Failed') return false;
    const r = this.host.record(this.container.name);
    const id = r?.running?.containerID ?? r?.terminated?.containerID ?? '';
    if (!r || !id) return true;
    if (id !== this.containerID) {
      this.containerID = id;
      this.current = undefined;
      this.set(INITIAL[this.kind]);
      this.onHold = false;
    }
    // On hold, or taken back after a daemon restart and its process not started again yet.
    if (this.onHold || (r.running && !r.process)) return true;
    if (!r.running) {
      this.set('failure');
      return !r.terminated || podSpec(this.host.pod()).restartPolicy !== 'Never';
    }
    if (this.host.pod().metadata.deletionTimestamp && this.kind !== 'Readiness') {
      this.set('success');
      return false;
    }
    if (Math.trunc((this.host.now() - r.running.startedAt) / 1000) < this.t.initialDelaySeconds) return true;
    if (this.host.started(this.container.name, r) === (this.kind === 'Startup')) return true;
    const result = await probe(this.kind, this.spec, this.host.target(this.container, r), this.host.recorder, this.init);
    if (result === 'error' || this.stopped) return true;
    return this.count(result);
  }

  /** The thresholds: a result is set after enough of the same in a row. */
  private count(result: 'success' | 'failure'): boolean {
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const below = result === 'failure' ? this.resultRun < this.t.failureThreshold : this.resultRun < this.t.successThreshold;
    if (below) return true;
    this.set(result);
    if ((this.kind === 'Liveness' && result === 'failure') || this.kind === 'Startup') {
      this.onHold = true;
      this.resultRun = 0;
    }
    return true;
  }
}
