// A static pod whose component the host runs itself (kube-scheduler, kube-controller-manager,
// etcd, kube-apiserver in the daemon): every second its container state is read from the host
// (running, starting, or crashed and backing off), recorded in the node's runtime as container
// runs (what crictl lists), and reported as the pod's status.
import type { Timers } from '../../controllers/framework/queue.js';
import { goDuration } from '../../client/go-duration.js';
import { newRecord, type ContainerRecord, type Terminated } from '../container-record.js';
import { newContainerId } from '../container-start.js';
import { recordContainer, recordSandbox, forgetPod } from '../cri/kubelet-records.js';
import type { MemoryRuntime } from '../cri/memory-runtime.js';
import { buildStatus } from '../pod-status.js';
import { formatPod, podSpec, type ContainerSpec, type PodStatus } from '../pod-spec.js';
import { parseImageRef } from '../runtime/image-ref.js';
import type { ImageStore } from '../runtime/image-store.js';
import type { StaticPod } from './manifest.js';
import type { PodView } from '../logs/handler.js';
import { ComponentLogFiles } from './component-logs.js';
import type { ComponentExit, ComponentRun, StaticPodHost } from './types.js';

export interface ComponentPodOptions {
  host: StaticPodHost;
  hostIP: string;
  now: () => number;
  timers: Timers;
  store: ImageStore;
  runtime?: MemoryRuntime;
  /** <node>/var/log/pods: where the runs' output is copied as CRI logs. */
  podLogs?: string;
  report(status: PodStatus): Promise<void>;
  log(msg: string): void;
}

/** The container runs of one container: run ID per attempt. */
type Runs = Map<number, string>;

export class ComponentPod {
  private readonly records = new Map<string, ContainerRecord>();
  private readonly runs = new Map<string, Runs>();
  private readonly sandboxId = newContainerId();
  private readonly startTime: number;
  private readonly logs: ComponentLogFiles | undefined;
  private handle: unknown;
  private stopped = false;

  constructor(private readonly sp: StaticPod, private readonly o: ComponentPodOptions) {
    this.startTime = o.now();
    this.logs = o.podLogs ? new ComponentLogFiles(o.podLogs, sp.pod) : undefined;
    if (o.runtime) recordSandbox(o.runtime, sp.pod, { id: this.sandboxId, ip: o.hostIP, hostNetwork: true, attempt: 0 });
    this.poll();
  }

  stop(): void {
    this.stopped = true;
    this.o.timers.clearTimeout(this.handle);
    if (this.o.runtime) forgetPod(this.o.runtime, this.sp.pod.metadata.uid ?? '');
  }

  /** The status as it is now (also what a new mirror pod gets). */
  status(): PodStatus {
    const n = this.o.now();
    return buildStatus({ pod: this.sp.pod, records: this.records, sandboxReady: true, hostIP: this.o.hostIP, podIP: this.o.hostIP, startTime: this.startTime, terminal: false, now: n });
  }

  /** The pod as the kubelet's log endpoint sees it: a run is running while it is the current one. */
  view(): PodView {
    const status = this.status();
    const running = new Set((status.containerStatuses ?? []).filter((c) => c.state?.running).map((c) => (c.containerID ?? '').replace(/^[a-z]+:\/\//, '')));
    return { pod: this.sp.pod, status, isRunning: (id) => running.has(id) };
  }

  private poll(): void {
    if (this.stopped) return;
    const run = this.o.host.status(this.sp.name);
    if (run) for (const c of podSpec(this.sp.pod).containers ?? []) {
      this.apply(c, run);
      this.copyLogs(c.name);
    }
    const status = this.status();
    this.sp.pod.status = status;
    this.o.report(status).catch((err: Error) => this.o.log(`kubelet: status of static pod ${this.sp.pod.metadata.name}: ${err.message}`));
    this.handle = this.o.timers.setTimeout(() => this.poll(), 1000);
  }

  /** The record of container c (and its runs in the runtime) as run says. */
  private apply(c: ContainerSpec, run: ComponentRun): void {
    const r = this.records.get(c.name) ?? newRecord(c.name, false);
    this.records.set(c.name, r);
    const ids = this.runs.get(c.name) ?? new Map<number, string>();
    this.runs.set(c.name, ids);
    const image = this.imageOf(c);
    Object.assign(r, { restartCount: Math.max(0, run.attempts - 1), created: run.attempts > 0, image: c.image ?? '', imageID: image?.imageID ?? '' });
    delete r.running;
    delete r.waiting;
    delete r.terminated;
    r.ready = run.state === 'running';
    const last = run.lastExit ? this.exitOf(c, ids, run.state === 'running' ? run.attempts - 1 : run.attempts, run.lastExit) : undefined;
    if (last) r.lastTerminated = last;
    else delete r.lastTerminated;
    if (run.state === 'running') r.running = { startedAt: run.startedAt, containerID: this.runId(c, ids, run.attempts, run.startedAt) };
    else if (run.state === 'crashed') r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(run.backoffMs)} restarting failed container=${c.name} pod=${formatPod(this.sp.pod)}` };
    else r.waiting = { reason: 'ContainerCreating' };
  }

  /** Copies what each recorded run of container `name` wrote into its log file. */
  private copyLogs(name: string): void {
    if (!this.logs || !this.o.host.output) return;
    for (const attempt of this.runs.get(name)?.keys() ?? []) this.logs.sync(name, attempt, this.o.host.output(this.sp.name, attempt));
  }

  /** A finished run (attempt), recorded as exited. */
  private exitOf(c: ContainerSpec, ids: Runs, attempt: number, e: ComponentExit): Terminated {
    const id = this.runId(c, ids, attempt, e.startedAt);
    const cur = this.o.runtime?.containers.get(id);
    if (cur && cur.state !== 'CONTAINER_EXITED') this.o.runtime?.exited(id, e.exitCode, e.exitCode === 0 ? 'Completed' : 'Error');
    return { exitCode: e.exitCode, reason: e.exitCode === 0 ? 'Completed' : 'Error', startedAt: e.startedAt, finishedAt: e.finishedAt, containerID: id };
  }

  /** The container ID of attempt (1-based), recorded in the runtime as started when first seen. */
  private runId(c: ContainerSpec, ids: Runs, attempt: number, startedAt: number): string {
    const known = ids.get(attempt);
    if (known) return known;
    const id = newContainerId();
    ids.set(attempt, id);
    const rt = this.o.runtime;
    const image = this.imageOf(c)?.image;
    if (rt && image) {
      const launch = { argv: [...(c.command ?? []), ...(c.args ?? [])], env: {}, workingDir: c.workingDir ?? image.workingDir ?? '/', image, podIP: this.o.hostIP, hostname: '' };
      recordContainer(rt, { id, sandboxId: this.sandboxId, pod: this.sp.pod, spec: c, attempt: Math.max(0, attempt - 1), imageID: image.imageId, launch, startedAtMs: startedAt });
      let done: (code: number) => void = () => {};
      const exited = new Promise<number>((res) => { done = res; });
      rt.started(id, { signal: (sig) => done(sig === 'SIGKILL' ? 137 : 0), exited });
    }
    return id;
  }

  private imageOf(c: ContainerSpec) {
    const ref = parseImageRef(c.image ?? '');
    if ('error' in ref) return undefined;
    const image = this.o.store.imageFor(ref);
    return image ? { image, imageID: `${ref.repository}@${image.digest}` } : undefined;
  }
}
