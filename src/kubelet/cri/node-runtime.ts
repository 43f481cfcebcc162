// A node's container runtime as the kubelet runs it: one MemoryRuntime over the node's image
// store, served to crictl at <root>/run/containerd/containerd.sock while the kubelet runs.
import { join } from 'node:path';
import type { ImageStore } from '../runtime/image-store.js';
import { MemoryRuntime, type RuntimeOptions } from './memory-runtime.js';

type MemoryRuntimeTimers = NonNullable<RuntimeOptions['timers']>;
import { memoryBackend } from './runtime-rpcs.js';
import { startCriServer } from './server.js';
import { startStreamingServer } from './streaming/server.js';
import { kubeletStreamingRuntime, type KubeletStreamingDeps } from './streaming/kubelet-runtime.js';
import type { Timers } from '../../controllers/framework/queue.js';
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
  /** What exec, attach and port-forward reach through the streaming server (none without it). */
  streaming?: Pick<KubeletStreamingDeps, 'pods' | 'network' | 'fabric'>;
}

/** The host path of a node's containerd socket. */
export const nodeSocketPath = (root: string): string => join(root, CONTAINERD_SOCKET);

export function startNodeRuntime(o: NodeRuntimeOptions): NodeRuntime {
  const runtime = new MemoryRuntime({ now: o.now, images: new StoreImages(o.store), firstPid: 1200, ...(o.timers ? { timers: o.timers } : {}) });
  let served: Served | undefined;
  let closed = false;
  const ready = o.root
    ? serve(o, o.root, runtime).then(async (s) => {
      served = s;
      if (closed) await s.close();
    })
    : Promise.resolve();
  return {
    runtime, store: o.store, ready,
    async close() {
      closed = true;
      await ready;
      await served?.close();
      served = undefined;
    },
  };
}

interface Served {
  close(): Promise<void>;
}

const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

/** The streaming server (when the kubelet gave what it streams to), then the socket. */
async function serve(o: NodeRuntimeOptions, root: string, runtime: MemoryRuntime): Promise<Served> {
  const timers = o.timers ?? realTimers;
  const streaming = o.streaming
    ? await startStreamingServer({ runtime: kubeletStreamingRuntime({ ...o.streaming, runtime, timers, now: o.now }), now: o.now, timers }).catch((err: Error) => {
      o.log(`containerd: cannot start the streaming server: ${err.message}`);
      return undefined;
    })
    : undefined;
  const backend = memoryBackend(runtime, { ...(o.running && o.timers ? { execSync: kubeletExecSync(o.running, o.timers) } : {}), ...(streaming ? { streaming } : {}) });
  const cri = await startCriServer(nodeSocketPath(root), backend).catch((err: Error) => {
    o.log(`containerd: cannot serve ${CONTAINERD_SOCKET}: ${err.message}`);
    return undefined;
  });
  return {
    async close() {
      await cri?.close();
      await streaming?.close();
    },
  };
}
