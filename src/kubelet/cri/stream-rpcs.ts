// Exec, Attach and PortForward as containerd 2.0's CRI plugin answers them: the container (or
// sandbox) looked up and checked, then the streaming server's URL for the request. Lookup
// failures keep containerd's wording (Attach names no ID); a prefix matching nothing is NotFound.
import { CriError } from '../../client/cri/errors.js';
import type { CriBackend } from './backend.js';
import type { MemoryRuntime } from './memory-runtime.js';
import { byPrefix, lookupError } from './resolve.js';
import type { StreamingServer } from './streaming/server.js';
import type { ContainerEntry } from './state.js';

type StreamRpcs = Required<Pick<CriBackend, 'exec' | 'attach' | 'portForward'>>;

/** The running container id names, or the error prefixed with what (containerd's message). */
function runningContainer(rt: MemoryRuntime, id: string, what: string): ContainerEntry {
  const r = byPrefix(rt.containers.values(), id);
  if (!('found' in r)) throw lookupError(what, r.error);
  if (r.found.state !== 'CONTAINER_RUNNING') throw new CriError('Unknown', `container is in ${r.found.state} state`);
  return r.found;
}

export function streamRpcs(rt: MemoryRuntime, server: StreamingServer): StreamRpcs {
  return {
    exec: async (req) => {
      runningContainer(rt, req.containerId, `failed to find container ${JSON.stringify(req.containerId)} in store`);
      return server.getExec(req);
    },
    attach: async (req) => {
      runningContainer(rt, req.containerId, 'failed to find container in store');
      return server.getAttach(req);
    },
    portForward: async (req) => {
      const r = byPrefix(rt.sandboxes.values(), req.podSandboxId);
      if (!('found' in r)) throw lookupError(`failed to find sandbox ${JSON.stringify(req.podSandboxId)}`, r.error);
      if (r.found.state !== 'SANDBOX_READY') throw new CriError('Unknown', 'sandbox container is not running');
      return server.getPortForward(req);
    },
  };
}
