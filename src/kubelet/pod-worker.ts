// One pod on this node (the kubelet's pod worker): a sandbox with an IP from the podCIDR, its
// containers run as syncContainers decides, status written through pods/status after each sync.
// A deleted pod's containers get SIGTERM, SIGKILL at the end of the grace period, then the pod
// object is deleted with grace 0 and a uid precondition.
import { isConflict, isNotFound, type Client } from '../client/types.js';
import { REFS } from '../client/refs.js';
import type { Timers } from '../controllers/framework/queue.js';
import type { Backoff } from './backoff.js';
import { recordFromStatus, type ContainerRecord } from './container-record.js';
import { fieldPathOf, newContainerId, startContainer } from './container-start.js';
import type { KubeletRecorder } from './events.js';
import type { PodIpam } from './ipam.js';
import { syncContainers } from './pod-containers.js';
import { containerSpecOf, podSpec, type ContainerSpec, type Pod } from './pod-spec.js';
import type { PodView } from './logs/handler.js';
import { podPhase } from './pod-status.js';
import { StatusWriter, type StaticHooks } from './status-writer.js';
import type { ImageStore } from './runtime/image-store.js';
import { PodVolumes } from './volumes/pod-volumes.js';
import type { MemoryRuntime } from './cri/memory-runtime.js';
import { forgetPod, recordSandbox } from './cri/kubelet-records.js';
import { networkFor } from './network/node-network.js';
import { PodProbes } from './probes/manager.js';
import { sandboxHandler } from './runtime-class.js';

export interface WorkerEnv {
  client: Client;
  node: string;
  hostIP: string;
  ipam: PodIpam;
  store: ImageStore;
  recorder: KubeletRecorder;
  timers: Timers;
  now: () => number;
  podLogs?: string;
  /** The node's root folder (hostPath volumes). */
  nodeRoot?: string;
  log: (msg: string) => void;
  crashBackoff: Backoff;
  pullBackoff: Backoff;
  /** The worker is done with its pod (deleted). */
  gone(uid: string): void;
  /** The node's runtime, where sandboxes and container runs are recorded (what crictl sees). */
  runtime?: MemoryRuntime;
}

/** How long the pod worker waits after a failed sync (the kubelet's backOffPeriod). */
const SYNC_ERROR_BACKOFF_MS = 10_000;

const terminalPhase = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

export class PodWorker {
  private readonly records = new Map<string, ContainerRecord>();
  private readonly volumes: PodVolumes;
  private sandbox: { id: string; ip: string } | undefined;
  /** The next sandbox's attempt number (a re-created sandbox counts up). */
  private sandboxAttempt = 0;
  /** The pod's IP, kept in its status after the sandbox is gone. */
  private podIP: string | undefined;
  private startTime: number | undefined;
  private syncing = false;
  private dirty = false;
  private wake: { at: number; handle: unknown } | undefined;
  private killing: Promise<void> | undefined;
  private finished = false;
  private readonly status: StatusWriter;
  private readonly probes: PodProbes;

  constructor(private pod: Pod, private readonly env: WorkerEnv, private readonly staticHooks?: StaticHooks) {
    this.volumes = new PodVolumes(env.nodeRoot, env.now);
    this.status = new StatusWriter(env.client, staticHooks);
    this.recover();
    this.probes = new PodProbes({
      pod: () => this.pod, records: this.records, podIP: () => this.sandbox?.ip ?? this.podIP ?? '', hostIP: env.hostIP,
      recorder: env.recorder, timers: env.timers, now: env.now, network: () => networkFor(env.client), changed: () => this.kick(),
    });
    this.probes.start();
  }

  get uid(): string {
    return this.pod.metadata.uid ?? '';
  }

  /** The pod, its status and which container runs are running, for the log endpoint. */
  view(): PodView {
    const running = (id: string) => [...this.records.values()].some((r) => r.running?.containerID === id && Boolean(r.process));
    return { pod: this.pod, status: this.status.computed ?? this.pod.status ?? {}, isRunning: running };
  }

  /** What the kubelet knows of one of the pod's containers (exec and attach look for its running process). */
  container(name: string): ContainerRecord | undefined {
    return this.records.get(name);
  }

  /** The running process of container run id (crictl exec), if it is this pod's. */
  runningById(id: string): { launch: NonNullable<ContainerRecord['launch']>; process: NonNullable<ContainerRecord['process']> } | undefined {
    const r = [...this.records.values()].find((x) => x.running?.containerID === id);
    return r?.process && r.launch ? { launch: r.launch, process: r.process } : undefined;
  }

  /** A newer version of the pod from the informer. */
  update(pod: Pod): void {
    const old = this.pod;
    this.pod = pod;
    if (JSON.stringify(old.spec) !== JSON.stringify(pod.spec) || old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp) this.kick();
  }

  kick(): void {
    if (this.finished) return;
    this.dirty = true;
    if (!this.syncing) void this.loop();
  }

  /** The pod is gone from the API (force delete): stop everything now. */
  removed(): void {
    this.finished = true;
    this.probes.stop();
    if (this.wake) this.env.timers.clearTimeout(this.wake.handle);
    for (const r of this.records.values()) r.process?.signal('SIGKILL');
    this.stopSandbox();
    if (this.env.runtime) forgetPod(this.env.runtime, this.uid);
  }

  /** The runtime stopped or removed a sandbox (crictl stopp/rmp): if it is this pod's, make a new one. */
  sandboxGone(id: string): void {
    if (this.finished || this.sandbox?.id !== id) return;
    this.env.recorder.event(this.pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
    this.env.ipam.release(this.uid);
    this.sandbox = undefined;
    this.kick();
  }

  private async loop(): Promise<void> {
    this.syncing = true;
    try {
      while (this.dirty && !this.finished) {
        this.dirty = false;
        try {
          await this.sync();
        } catch (err) {
          this.env.log(`kubelet ${this.env.node}: sync ${this.pod.metadata.namespace}/${this.pod.metadata.name}: ${(err as Error).message}`);
          this.wakeAt(this.env.now() + SYNC_ERROR_BACKOFF_MS);
        }
      }
    } finally {
      this.syncing = false;
    }
  }

  private wakeAt(at: number): void {
    if (this.finished || (this.wake && this.wake.at <= at && this.wake.at > this.env.now())) return;
    if (this.wake) this.env.timers.clearTimeout(this.wake.handle);
    const handle = this.env.timers.setTimeout(() => {
      this.wake = undefined;
      this.kick();
    }, Math.max(0, at - this.env.now()));
    this.wake = { at, handle };
  }

  private recover(): void {
    const st = this.pod.status ?? {};
    for (const s of st.initContainerStatuses ?? []) this.records.set(s.name, recordFromStatus(s, true));
    for (const s of st.containerStatuses ?? []) this.records.set(s.name, recordFromStatus(s, false));
    for (const s of st.ephemeralContainerStatuses ?? []) this.records.set(s.name, recordFromStatus(s, false, true));
    if (st.startTime) this.startTime = Date.parse(st.startTime);
    if (terminalPhase(this.pod) || !st.podIP) return;
    this.podIP = st.podIP;
    if (podSpec(this.pod).hostNetwork || this.env.ipam.claim(this.uid, st.podIP)) {
      this.newSandbox(st.podIP);
      void this.recoverHandler(this.sandbox!.id);
    }
  }

  /** A recovered sandbox's runtime handler: its RuntimeClass's, as when it was created. */
  private async recoverHandler(id: string): Promise<void> {
    if (!this.env.runtime || !podSpec(this.pod).runtimeClassName) return;
    const r = await sandboxHandler(this.env.client, this.pod, id).catch(() => undefined);
    const entry = this.env.runtime.sandboxes.get(id);
    if (entry && r && 'handler' in r) entry.runtimeHandler = r.handler;
  }

  /** A new sandbox with ip, recorded in the runtime. */
  private newSandbox(ip: string, id = newContainerId(), runtimeHandler = ''): void {
    this.sandbox = { id, ip };
    const hostNetwork = Boolean(podSpec(this.pod).hostNetwork);
    const resolv = networkFor(this.env.client)?.podNames(this.pod, ip).resolv;
    const dns = resolv ? { servers: resolv.nameservers, searches: resolv.search, options: resolv.options } : undefined;
    if (this.env.runtime) recordSandbox(this.env.runtime, this.pod, { id, ip, hostNetwork, attempt: this.sandboxAttempt, runtimeHandler, ...(dns ? { dns } : {}) });
    this.sandboxAttempt += 1;
  }

  private async sync(): Promise<void> {
    if (this.pod.metadata.deletionTimestamp) return this.syncTerminating();
    if (terminalPhase(this.pod)) {
      // Finished (or failed by someone else, as an eviction does): nothing runs or restarts.
      for (const r of this.records.values()) r.process?.signal('SIGKILL');
      if (!this.sandbox) return;
      this.stopSandbox();
      return this.writeStatus(false);
    }
    if (!this.sandbox && !(await this.createSandbox())) return this.writeStatus(false);
    const sandbox = this.sandbox!;
    this.adoptRunning(sandbox.ip);
    syncContainers({
      pod: this.pod, records: this.records, crashBackoff: this.env.crashBackoff, recorder: this.env.recorder, podIP: sandbox.ip, now: this.env.now(),
      begin: (c, r) => this.begin(c, r, sandbox.ip, false), wakeAt: (at) => this.wakeAt(at), probes: this.probes,
    });
    const phase = podPhase(this.pod, this.records, false);
    if (phase === 'Succeeded' || phase === 'Failed') this.stopSandbox();
    await this.writeStatus(false);
  }

  /**
   * A sandbox for the pod, with its RuntimeClass's handler; if there is none to be had, a
   * FailedCreatePodSandBox event and another try after the pod worker's back-off.
   */
  private async createSandbox(): Promise<boolean> {
    this.startTime ??= this.env.now();
    const id = newContainerId();
    const r = await sandboxHandler(this.env.client, this.pod, id);
    if ('error' in r) {
      this.env.recorder.event(this.pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${r.error}`);
      this.wakeAt(this.env.now() + SYNC_ERROR_BACKOFF_MS);
      return false;
    }
    const ip = podSpec(this.pod).hostNetwork ? this.env.hostIP : this.env.ipam.allocate(this.uid);
    this.newSandbox(ip, id, r.handler);
    this.podIP = ip;
    return true;
  }

  private stopSandbox(): void {
    if (!this.sandbox) return;
    const id = this.sandbox.id;
    this.env.ipam.release(this.uid);
    this.sandbox = undefined;
    this.env.runtime?.sandboxStopped(id);
  }

  /** Running containers found in the status at start get their process back. */
  private adoptRunning(ip: string): void {
    for (const r of this.records.values()) {
      const c = r.adopt ? containerSpecOf(this.pod, r.name) : undefined;
      r.adopt = false;
      if (c) this.begin(c, r, ip, true);
    }
  }

  private begin(c: ContainerSpec, r: ContainerRecord, ip: string, resume: boolean): void {
    r.starting = true;
    const e = this.env;
    void startContainer({
      client: e.client, node: e.node, hostIP: e.hostIP, podIP: ip, pod: this.pod, store: e.store, pullBackoff: e.pullBackoff, recorder: e.recorder,
      timers: e.timers, now: e.now, volumes: this.volumes, ...(e.podLogs ? { podLogs: e.podLogs } : {}), log: e.log,
      ...(e.runtime && this.sandbox ? { runtime: e.runtime, sandboxId: this.sandbox.id } : {}),
      wakeAt: (at) => this.wakeAt(at), exited: (rec, code) => this.exited(rec, code),
    }, c, r, resume).catch((err: Error) => {
      r.waiting = { reason: 'RunContainerError', message: err.message };
      this.wakeAt(e.now() + 10_000);
    }).finally(() => {
      r.starting = false;
      this.kick();
    });
  }

  private exited(r: ContainerRecord, code: number): void {
    const run = r.running;
    const reason = r.process?.exitReason ?? (code === 0 ? 'Completed' : 'Error');
    delete r.running;
    delete r.process;
    r.ready = false;
    if (run) r.terminated = { exitCode: code, reason, startedAt: run.startedAt, finishedAt: this.env.now(), containerID: run.containerID };
    // While the pod is being killed the sync waits for the grace period; report each stop now.
    if (this.killing) void this.writeStatus(false).catch(() => {});
    else this.kick();
  }

  private async syncTerminating(): Promise<void> {
    this.probes.stopLivenessAndStartup();
    this.killing ??= this.killAll();
    await this.writeStatus(false);
    await this.killing;
    for (const r of this.records.values()) {
      if (!r.running && !r.terminated && (r.created || !r.init)) {
        delete r.waiting;
        r.terminated = { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', startedAt: 0, finishedAt: 0, containerID: '' };
      }
    }
    this.stopSandbox();
    await this.writeStatus(true);
    await this.deletePod();
  }

  /** SIGTERM to every running container, SIGKILL to those still running after the grace period. */
  private async killAll(): Promise<void> {
    const grace = this.pod.metadata.deletionGracePeriodSeconds ?? podSpec(this.pod).terminationGracePeriodSeconds ?? 30;
    const running = [...this.records.values()].filter((r) => r.process);
    for (const r of running) {
      const c = containerSpecOf(this.pod, r.name);
      if (c) this.env.recorder.container(this.pod, fieldPathOf(c, r.init, r.ephemeral), 'Normal', 'Killing', `Stopping container ${r.name}`);
      r.process?.signal('SIGTERM');
    }
    const timer = this.env.timers.setTimeout(() => running.forEach((r) => r.process?.signal('SIGKILL')), grace * 1000);
    await Promise.all(running.map((r) => r.process?.exited));
    this.env.timers.clearTimeout(timer);
    await new Promise((res) => setImmediate(res));
  }

  private async deletePod(): Promise<void> {
    this.finished = true;
    this.probes.stop();
    if (this.env.runtime) forgetPod(this.env.runtime, this.uid);
    if (this.staticHooks) return this.env.gone(this.uid);
    try {
      await this.env.client.delete(REFS.pods, this.pod.metadata.namespace ?? '', this.pod.metadata.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: this.uid } });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
    this.env.gone(this.uid);
  }

  private async writeStatus(terminal: boolean): Promise<void> {
    const input = { records: this.records, sandboxReady: Boolean(this.sandbox), hostIP: this.env.hostIP, terminal, now: this.env.now(), ...(this.podIP ? { podIP: this.podIP } : {}), ...(this.startTime !== undefined ? { startTime: this.startTime } : {}) };
    const kept = await this.status.write(this.pod, input);
    if (this.staticHooks) this.pod = kept;
  }
}
