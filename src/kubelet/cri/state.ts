// What the simulated container runtime holds (containerd's sandbox, container and image stores):
// plain records, times in nanoseconds since the epoch.
import type { ContainerState, Mount, PodSandboxState } from '../../client/cri/types.js';

export type Signal = 'SIGTERM' | 'SIGKILL';

/** A container's running task, as the kubelet's simulated process provides it. */
export interface ContainerTask {
  signal(sig: Signal): void;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number>;
}

export interface SandboxEntry {
  id: string;
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  state: PodSandboxState;
  createdAt: bigint;
  ip: string;
  additionalIps: string[];
  hostNetwork: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  runtimeHandler: string;
  pid: number;
  /** The sandbox's own (pause) usage for stats, beside its containers'. */
  usage?: Usage;
  /** The DNS config the kubelet gave it (the pod's dnsPolicy and dnsConfig). */
  dns?: SandboxDns;
}

export interface SandboxDns {
  servers: string[];
  searches: string[];
  options: string[];
}

export interface Usage {
  nanoCores?: number;
  memoryBytes?: number;
  diskBytes?: number;
  inodes?: number;
}

export interface ContainerEntry {
  id: string;
  sandboxId: string;
  name: string;
  attempt: number;
  /** The image as the kubelet asked for it (the image ID `sha256:…`). */
  image: string;
  /** What the user wrote in the pod spec (`nginx`). */
  userImage: string;
  /** The image's ID. */
  imageRef: string;
  state: ContainerState;
  createdAt: bigint;
  startedAt: bigint;
  finishedAt: bigint;
  exitCode: number;
  reason: string;
  message: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  logPath: string;
  pid: number;
  mounts: Mount[];
  command: string[];
  args: string[];
  envs: { key: string; value: string }[];
  workingDir: string;
  task?: ContainerTask;
  /** Fixed usage figures for stats (otherwise picked from the ID). */
  usage?: Usage;
}

export interface ImageEntry {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: number;
  pinned: boolean;
  /** The OCI image config, for the verbose info. */
  config?: { env?: string[]; entrypoint?: string[]; cmd?: string[]; workingDir?: string };
}

/** Where the runtime's images live (a map of its own, or the kubelet's image store). */
export interface ImageSource {
  list(): ImageEntry[];
  remove(id: string): void;
  /** Pulls a normalised reference; rejects with a CriError as containerd words it. */
  pull?(ref: string): Promise<ImageEntry>;
}

/** Images kept in memory (the fixture runtime, unit tests). */
export class MemoryImages implements ImageSource {
  private readonly images = new Map<string, ImageEntry>();
  readonly pull?: (ref: string) => Promise<ImageEntry>;

  /** fetch: what a registry gives for a reference (the image pulled is then kept here). */
  constructor(images: ImageEntry[] = [], fetch?: (ref: string) => Promise<ImageEntry>) {
    for (const i of images) this.put(i);
    if (fetch) {
      this.pull = async (ref) => {
        const got = await fetch(ref);
        const cur = this.images.get(got.id);
        const merged = cur ? { ...cur, repoTags: [...new Set([...cur.repoTags, ...got.repoTags])], repoDigests: [...new Set([...cur.repoDigests, ...got.repoDigests])] } : got;
        this.put(merged);
        return merged;
      };
    }
  }

  list(): ImageEntry[] {
    return [...this.images.values()];
  }

  put(i: ImageEntry): void {
    this.images.set(i.id, i);
  }

  remove(id: string): void {
    this.images.delete(id);
  }
}

/** Milliseconds to nanoseconds. */
export const msToNs = (ms: number): bigint => BigInt(Math.round(ms * 1000)) * 1000n;

export type ContainerEventKind = 'CONTAINER_CREATED_EVENT' | 'CONTAINER_STARTED_EVENT' | 'CONTAINER_STOPPED_EVENT' | 'CONTAINER_DELETED_EVENT';
