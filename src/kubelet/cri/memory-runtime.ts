// An in-memory container runtime with containerd 2.0's CRI-plugin semantics: sandboxes,
// containers (with an optional task, the kubelet's simulated process) and images. The kubelet
// records what it runs here; crictl's stop/remove act here and the kubelet hears of it as events.
import { randomBytes } from 'node:crypto';
import { CriError } from '../../client/cri/errors.js';
import { findContainer } from './resolve.js';
import { msToNs, MemoryImages, type ContainerEntry, type ContainerEventKind, type ImageSource, type SandboxEntry, type Signal } from './state.js';

export interface RuntimeOptions {
  /** The clock, in milliseconds. */
  now(): number;
  /** New sandbox and container IDs (64 hex by default). */
  newId?(): string;
  images?: ImageSource;
  /** The first pid handed out. */
  firstPid?: number;
  /** Timers on the same clock as now (a stop's grace period); real ones by default. */
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(h: unknown): void };
}

/** What happened in the runtime: CRI container events, plus sandbox and image changes for the kubelet. */
export type RuntimeEvent =
  | { kind: ContainerEventKind; containerId: string; sandboxId: string }
  | { kind: 'SANDBOX_STOPPED' | 'SANDBOX_REMOVED'; sandboxId: string }
  | { kind: 'IMAGE_REMOVED'; imageId: string };

export type SandboxInput = Omit<SandboxEntry, 'id' | 'createdAt' | 'pid' | 'state' | 'additionalIps' | 'runtimeHandler' | 'hostNetwork'> &
  Partial<Pick<SandboxEntry, 'id' | 'createdAt' | 'pid' | 'state' | 'additionalIps' | 'runtimeHandler' | 'hostNetwork'>>;

type ContainerDefaults = 'id' | 'createdAt' | 'startedAt' | 'finishedAt' | 'exitCode' | 'reason' | 'message' | 'pid' | 'state' | 'mounts' | 'command' | 'args' | 'envs' | 'workingDir' | 'annotations' | 'userImage';
export type ContainerInput = Omit<ContainerEntry, ContainerDefaults> & Partial<Pick<ContainerEntry, ContainerDefaults>>;

export const newHexId = (): string => randomBytes(32).toString('hex');

export class MemoryRuntime {
  readonly sandboxes = new Map<string, SandboxEntry>();
  readonly containers = new Map<string, ContainerEntry>();
  readonly images: ImageSource;
  private readonly listeners = new Set<(ev: RuntimeEvent) => void>();
  private pid: number;

  constructor(readonly o: RuntimeOptions) {
    this.images = o.images ?? new MemoryImages();
    this.pid = o.firstPid ?? 1000;
  }

  nowNs(): bigint {
    return msToNs(this.o.now());
  }

  newId(): string {
    return this.o.newId?.() ?? newHexId();
  }

  nextPid(): number {
    this.pid += 1 + (this.pid % 7);
    return this.pid;
  }

  /** Follows runtime events; returns the unsubscribe function. */
  on(fn: (ev: RuntimeEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(ev: RuntimeEvent): void {
    for (const fn of [...this.listeners]) fn(ev);
  }

  /** Records a sandbox (READY, created now, with a fresh pid unless given). */
  addSandbox(s: SandboxInput): SandboxEntry {
    const entry: SandboxEntry = {
      id: this.newId(), createdAt: this.nowNs(), pid: this.nextPid(), state: 'SANDBOX_READY', additionalIps: [], runtimeHandler: '', hostNetwork: false, ...s,
    };
    this.sandboxes.set(entry.id, entry);
    return entry;
  }

  /** Records a container, CREATED unless a state is given. */
  addContainer(c: ContainerInput): ContainerEntry {
    const entry: ContainerEntry = {
      id: this.newId(), createdAt: this.nowNs(), startedAt: 0n, finishedAt: 0n, exitCode: 0, reason: '', message: '', pid: 0,
      state: 'CONTAINER_CREATED', mounts: [], command: [], args: [], envs: [], workingDir: '', annotations: {}, userImage: '', ...c,
    };
    this.containers.set(entry.id, entry);
    this.emit({ kind: 'CONTAINER_CREATED_EVENT', containerId: entry.id, sandboxId: entry.sandboxId });
    return entry;
  }

  /** A created container's process runs. */
  started(id: string, task?: ContainerEntry['task']): void {
    const c = this.containers.get(id);
    if (!c) return;
    Object.assign(c, { state: 'CONTAINER_RUNNING', startedAt: this.nowNs(), pid: c.pid || this.nextPid() });
    if (task) c.task = task;
    this.emit({ kind: 'CONTAINER_STARTED_EVENT', containerId: id, sandboxId: c.sandboxId });
  }

  /** A container's process ended (or never started: startedAt stays 0). */
  exited(id: string, exitCode: number, reason = '', message = ''): void {
    const c = this.containers.get(id);
    if (!c || c.state === 'CONTAINER_EXITED') return;
    Object.assign(c, { state: 'CONTAINER_EXITED', finishedAt: this.nowNs(), exitCode, reason, message });
    delete c.task;
    this.emit({ kind: 'CONTAINER_STOPPED_EVENT', containerId: id, sandboxId: c.sandboxId });
  }

  /** Drops a container record (the kubelet's garbage collection, or RemoveContainer). */
  deleteContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c) return;
    this.containers.delete(id);
    this.emit({ kind: 'CONTAINER_DELETED_EVENT', containerId: id, sandboxId: c.sandboxId });
  }

  /** Marks a sandbox NOTREADY (its containers must already be stopped). */
  sandboxStopped(id: string): void {
    const s = this.sandboxes.get(id);
    if (!s || s.state === 'SANDBOX_NOTREADY') return;
    s.state = 'SANDBOX_NOTREADY';
    this.emit({ kind: 'SANDBOX_STOPPED', sandboxId: id });
  }

  /** Drops a sandbox and its containers. */
  deleteSandbox(id: string): void {
    if (!this.sandboxes.has(id)) return;
    for (const c of [...this.containers.values()]) if (c.sandboxId === id) this.deleteContainer(c.id);
    this.sandboxes.delete(id);
    this.emit({ kind: 'SANDBOX_REMOVED', sandboxId: id });
  }

  /** The container an ID (or prefix) names; none for an unknown one (other lookup errors stand). */
  private known(id: string): ContainerEntry | undefined {
    try {
      return findContainer(this.containers.values(), id);
    } catch (err) {
      if (err instanceof CriError && err.code === 'NotFound') return undefined;
      throw err;
    }
  }

  /** StopContainer: SIGTERM, SIGKILL after timeoutS; unknown IDs and stopped containers are fine. */
  async stopContainer(id: string, timeoutS: number): Promise<void> {
    const c = this.known(id);
    if (!c) return;
    if (c.state !== 'CONTAINER_RUNNING' && c.state !== 'CONTAINER_UNKNOWN') return;
    await this.kill(c, timeoutS);
  }

  private async kill(c: ContainerEntry, timeoutS: number): Promise<void> {
    const task = c.task;
    if (!task) return this.exited(c.id, timeoutS > 0 ? 0 : 137);
    const sig: Signal = timeoutS > 0 ? 'SIGTERM' : 'SIGKILL';
    task.signal(sig);
    if (sig === 'SIGTERM') {
      let handle: unknown;
      const timer = new Promise<'timeout'>((res) => {
        handle = this.o.timers ? this.o.timers.setTimeout(() => res('timeout'), timeoutS * 1000) : setTimeout(() => res('timeout'), timeoutS * 1000).unref();
      });
      if ((await Promise.race([task.exited, timer])) === 'timeout') task.signal('SIGKILL');
      if (this.o.timers) this.o.timers.clearTimeout(handle);
      else clearTimeout(handle as NodeJS.Timeout);
    }
    const code = await task.exited;
    this.exited(c.id, code);
  }

  /** RemoveContainer: a running container is killed first; unknown IDs are fine. */
  async removeContainer(id: string): Promise<void> {
    const c = this.known(id);
    if (!c) return;
    if (c.state === 'CONTAINER_RUNNING' || c.state === 'CONTAINER_UNKNOWN') await this.kill(c, 0);
    this.deleteContainer(c.id);
  }

  /** StopPodSandbox: kills its containers, closes its network; unknown IDs are fine. */
  async stopPodSandbox(s: SandboxEntry): Promise<void> {
    const running = [...this.containers.values()].filter((c) => c.sandboxId === s.id && (c.state === 'CONTAINER_RUNNING' || c.state === 'CONTAINER_UNKNOWN'));
    // NOTREADY first, so a kubelet hearing of it does not restart the containers in this sandbox.
    this.sandboxStopped(s.id);
    await Promise.all(running.map((c) => this.kill(c, 0)));
  }

  /** RemovePodSandbox: stops it, then removes it and all its containers. */
  async removePodSandbox(s: SandboxEntry): Promise<void> {
    await this.stopPodSandbox(s);
    this.deleteSandbox(s.id);
  }

  /** StartContainer of a CREATED container (crictl start). */
  startContainer(id: string): void {
    const c = findContainer(this.containers.values(), id);
    if (c.state !== 'CONTAINER_CREATED') {
      throw new CriError('Unknown', `failed to set starting state for container "${c.id}": container is in ${c.state} state`);
    }
    this.started(c.id);
  }
}
