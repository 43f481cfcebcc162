// A node's container runtime as the kubelet runs it: one MemoryRuntime over the node's image
// store, served to crictl at <root>/run/containerd/containerd.sock while the kubelet runs.
import { join } from 'node:path';
import type { ImageStore } from '../runtime/image-store.js';
import { MemoryRuntime, type RuntimeOptions } from './memory-runtime.js';

type MemoryRuntimeTimers = NonNullable<RuntimeOptions['timers']>;
import { memoryBackend } from './runtime-rpcs.js';
import { startCriServer, type CriServer } from './server.js';
import { StoreImages } from './store-images.js';
import { kubeletExecSync, type RunningLookup } from './exec-sync.js';

/** containerd's socket, inside a node. */
export const CONTAINERD_SOCKET = '/run/containerd/containerd.sock';

export interface NodeRuntime {
  runtime: MemoryRuntime;
  store: ImageStore;
  /** Resolves once the socket is listening (immediately without a root). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface NodeRuntimeOptions {
  now(): number;
  log(msg: string): void;
  store: ImageStore;
  /** The node's root folder; without it no socket is served. */
  root?: string;
  timers?: MemoryRuntimeTimers;
  /** The running process behind a container ID, for ExecSync. */
  running?: RunningLookup;
}

/** The host path of a node's containerd socket. */
export const nodeSocketPath = (root: string): string => join(root, CONTAINERD_SOCKET);

export function startNodeRuntime(o: NodeRuntimeOptions): NodeRuntime {
  const runtime = new MemoryRuntime({ now: o.now, images: new StoreImages(o.store), firstPid: 1200, ...(o.timers ? { timers: o.timers } : {}) });
  let server: CriServer | undefined;
  let closed = false;
  const ready = o.root
    ? startCriServer(nodeSocketPath(o.root), memoryBackend(runtime, o.running && o.timers ? { execSync: kubeletExecSync(o.running, o.timers) } : {})).then(
        async (s) => {
          server = s;
          if (closed) await s.close();
        },
        (err: Error) => o.log(`containerd: cannot serve ${CONTAINERD_SOCKET}: ${err.message}`),
      )
    : Promise.resolve();
  return {
    runtime, store: o.store, ready,
    async close() {
      closed = true;
      await ready;
      await server?.close();
      server = undefined;
    },
  };
}
