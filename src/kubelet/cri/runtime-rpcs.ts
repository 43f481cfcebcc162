// The RuntimeService over a MemoryRuntime, answering as containerd 2.0's CRI plugin does.
import type * as T from '../../client/cri/types.js';
import { CriError } from '../../client/cri/errors.js';
import type { CriBackend } from './backend.js';
import { filterContainers, filterSandboxes, filterStatsContainers } from './filters.js';
import { imageRpcs, type ImageFsFigures } from './image-rpcs.js';
import { containerInfo, runtimeInfo, sandboxInfo } from './info.js';
import { criContainer, criContainerStatus, criSandbox, criSandboxStatus } from './messages.js';
import type { MemoryRuntime } from './memory-runtime.js';
import { byPrefix, findContainer, findImage, findSandbox } from './resolve.js';
import { createRpcs } from './create-rpcs.js';
import { containerStats, sandboxStats } from './stats.js';
import { streamRpcs } from './stream-rpcs.js';
import type { StreamingServer } from './streaming/server.js';
import type { ContainerEntry } from './state.js';
import { RUNTIME_HANDLERS, RUNTIME_VERSION } from './containerd.js';

export interface BackendOptions {
  /** Runs a command in a running container (ExecSync); without it ExecSync is Unimplemented. */
  execSync?(c: ContainerEntry, cmd: string[], timeoutS: number): Promise<{ stdout: Buffer; stderr: Buffer; exitCode: number }>;
  imageFs?(): ImageFsFigures;
  /** The streaming server Exec, Attach and PortForward hand out URLs of; without it they are Unimplemented. */
  streaming?: StreamingServer;
}


const features = { recursiveReadOnlyMounts: true, userNamespaces: true };

function status(req: T.StatusRequest): T.StatusResponse {
  const cond = (type: string): T.RuntimeCondition => ({ type, status: true, reason: '', message: '' });
  return {
    status: { conditions: [cond('RuntimeReady'), cond('NetworkReady'), cond('ContainerdHasNoDeprecationWarnings')] },
    info: req.verbose ? runtimeInfo() : {}, runtimeHandlers: RUNTIME_HANDLERS.map((name) => ({ name, features })), features: { supplementalGroupsPolicy: true },
  };
}

/** The CRI backend of a MemoryRuntime. */
export function memoryBackend(rt: MemoryRuntime, o: BackendOptions = {}): CriBackend {
  const sandboxes = () => [...rt.sandboxes.values()];
  const containers = () => [...rt.containers.values()];
  return {
    version: async () => ({ ...RUNTIME_VERSION }),
    status: async (req) => status(req),
    runtimeConfig: async () => ({ linux: { cgroupDriver: 'SYSTEMD' } }),
    updateRuntimeConfig: async () => ({}),
    listPodSandbox: async (req) => ({ items: filterSandboxes(sandboxes(), req.filter).map(criSandbox) }),
    podSandboxStatus: async (req) => {
      const s = findSandbox(sandboxes(), req.podSandboxId);
      return { status: criSandboxStatus(s), info: req.verbose ? sandboxInfo(s) : {}, containersStatuses: [], timestamp: '0' };
    },
    stopPodSandbox: async (req) => {
      const r = byPrefix(sandboxes(), req.podSandboxId);
      if ('found' in r) await rt.stopPodSandbox(r.found);
      else if (r.error !== 'not found') throw new CriError('Unknown', `an error occurred when try to find sandbox "${req.podSandboxId}": ${r.error}`);
      return {};
    },
    removePodSandbox: async (req) => {
      const r = byPrefix(sandboxes(), req.podSandboxId);
      if ('found' in r) await rt.removePodSandbox(r.found);
      else if (r.error !== 'not found') throw new CriError('Unknown', `an error occurred when try to find sandbox "${req.podSandboxId}": ${r.error}`);
      return {};
    },
    listContainers: async (req) => ({ containers: filterContainers(containers(), sandboxes(), req.filter).map(criContainer) }),
    containerStatus: async (req) => {
      const c = findContainer(containers(), req.containerId);
      const image = findImage(rt.images.list(), c.imageRef);
      return { status: criContainerStatus(c, image), info: req.verbose ? containerInfo(c, rt.sandboxes.get(c.sandboxId)) : {} };
    },
    startContainer: async (req) => {
      rt.startContainer(req.containerId);
      return {};
    },
    stopContainer: async (req) => {
      await rt.stopContainer(req.containerId, Number(req.timeout));
      return {};
    },
    removeContainer: async (req) => {
      await rt.removeContainer(req.containerId);
      return {};
    },
    updateContainerResources: async (req) => {
      findContainer(containers(), req.containerId);
      return {};
    },
    reopenContainerLog: async (req) => {
      const c = findContainer(containers(), req.containerId);
      if (c.state !== 'CONTAINER_RUNNING') throw new CriError('Unknown', 'container is not running');
      return {};
    },
    ...(o.execSync ? { execSync: execSyncRpc(rt, o.execSync) } : {}),
    ...(o.streaming ? streamRpcs(rt, o.streaming) : {}),
    ...statsRpcs(rt),
    ...createRpcs(rt),
    ...imageRpcs(rt, o.imageFs),
    containerEvents: (send) => rt.on((ev) => {
      if (!('containerId' in ev)) return;
      const c = rt.containers.get(ev.containerId);
      const s = rt.sandboxes.get(ev.sandboxId);
      send({ containerId: ev.containerId, containerEventType: ev.kind, createdAt: String(rt.nowNs()), podSandboxStatus: s ? criSandboxStatus(s) : null, containersStatuses: c ? [criContainerStatus(c, findImage(rt.images.list(), c.imageRef))] : [] });
    }),
  };
}

function execSyncRpc(rt: MemoryRuntime, run: NonNullable<BackendOptions['execSync']>): NonNullable<CriBackend['execSync']> {
  return async (req) => {
    const r = byPrefix(rt.containers.values(), req.containerId);
    if (!('found' in r)) throw new CriError(r.error === 'not found' ? 'NotFound' : 'Unknown', `failed to find container "${req.containerId}" in store: ${r.error}`);
    if (r.found.state !== 'CONTAINER_RUNNING') throw new CriError('Unknown', `container is in ${r.found.state} state`);
    const res = await run(r.found, req.cmd, Number(req.timeout));
    return { stdout: res.stdout, stderr: res.stderr, exitCode: res.exitCode };
  };
}

type StatsRpcs = Pick<CriBackend, 'containerStats' | 'listContainerStats' | 'podSandboxStats' | 'listPodSandboxStats'>;

function statsRpcs(rt: MemoryRuntime): StatsRpcs {
  const containers = () => [...rt.containers.values()];
  const sandboxes = () => [...rt.sandboxes.values()];
  const ofSandbox = (id: string) => containers().filter((c) => c.sandboxId === id && c.state === 'CONTAINER_RUNNING');
  return {
    containerStats: async (req) => ({ stats: containerStats(findContainer(containers(), req.containerId), rt.nowNs()) }),
    listContainerStats: async (req) => ({ stats: filterStatsContainers(containers(), sandboxes(), req.filter).map((c) => containerStats(c, rt.nowNs())) }),
    podSandboxStats: async (req) => {
      const s = findSandbox(sandboxes(), req.podSandboxId);
      return { stats: sandboxStats(s, ofSandbox(s.id), rt.nowNs()) };
    },
    listPodSandboxStats: async (req) => {
      const ready = sandboxes().filter((s) => s.state === 'SANDBOX_READY');
      const f = req.filter ? { id: req.filter.id, state: null, labelSelector: req.filter.labelSelector } : null;
      return { stats: filterSandboxes(ready, f).map((s) => sandboxStats(s, ofSandbox(s.id), rt.nowNs())) };
    },
  };
}
