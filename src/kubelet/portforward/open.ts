// The kubelet's port-forward endpoint (/portForward/<ns>/<pod>) with containerd 1.7 behind it:
// the pod as this kubelet runs it (404 `pod does not exist`), its ready sandbox (the runtime's
// pod; none: 500 `pod not found ("<name>_<ns>")`), then each forwarded connection dials
// localhost:<port> inside the sandbox's network namespace: the container process listening on
// that port answers (a web server image speaks HTTP, any other takes the bytes and says
// nothing); nothing listening is containerd's connection-refused error.
import type { Duplex } from 'node:stream';
import type { PortForwardRequest, PortForwardTarget } from '../../api/http/portforward-streams.js';
import type { StreamRefusal } from '../../api/http/remotecommand.js';
import type { MemoryRuntime } from '../cri/memory-runtime.js';
import type { SandboxEntry } from '../cri/state.js';
import type { KubeletPods } from '../logs/handler.js';
import type { Listener, PodFabric } from '../network/fabric.js';
import type { NetPod } from '../network/types.js';
import { serveHttp } from './http-conn.js';

export interface PortForwardEnv {
  pods: KubeletPods | undefined;
  runtime: MemoryRuntime;
  fabric: PodFabric;
  now: () => number;
}

/** The newest ready sandbox of the pod (what the kubelet's GetPortForward hands to the runtime). */
function readySandbox(runtime: MemoryRuntime, namespace: string, name: string): SandboxEntry | undefined {
  return [...runtime.sandboxes.values()]
    .filter((s) => s.namespace === namespace && s.name === name && s.state === 'SANDBOX_READY')
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
}

/** The network namespace path containerd names (as crictl inspectp shows it); `host` for hostNetwork. */
export const netnsPath = (s: SandboxEntry): string => (s.hostNetwork ? 'host' : `/var/run/netns/cni-${s.id.slice(0, 8)}`);

/** containerd's portForward error when nothing listens on the port. */
export function refusedMessage(s: SandboxEntry, port: number): string {
  const dial = (v: string, addr: string) => `dial ${v} ${addr}:${port}: connect: connection refused`;
  return `failed to execute portforward in network namespace "${netnsPath(s)}": failed to connect to localhost:${port} inside namespace "${s.id}", IPv4: ${dial('tcp4', '127.0.0.1')} IPv6 ${dial('tcp6', '[::1]')} `;
}

export async function openPortForward(env: PortForwardEnv, req: PortForwardRequest): Promise<StreamRefusal | PortForwardTarget> {
  const view = env.pods?.byName(req.namespace, req.name);
  if (!view) return { code: 404, message: 'pod does not exist' };
  const sandbox = readySandbox(env.runtime, req.namespace, req.name);
  if (!sandbox) return { code: 500, message: `pod not found ("${req.name}_${req.namespace}")` };
  const pod = view.pod as unknown as NetPod;
  return {
    pod: sandbox.id,
    uid: '',
    forward: async (port, stream) => {
      const listener = env.fabric.listener(pod, port);
      if (!listener) throw new Error(refusedMessage(sandbox, port));
      await connect(listener, stream, env.now);
    },
  };
}

/** One connection to the listening process, until either side closes it. */
function connect(listener: Listener, stream: Duplex, now: () => number): Promise<void> {
  const app = listener.image.behaviour.http;
  if (app) return serveHttp(listener, app, stream, now);
  return new Promise((resolve) => {
    const done = () => {
      if (!stream.destroyed && !stream.writableEnded) stream.end();
      resolve();
    };
    stream.resume();
    stream.once('end', done);
    stream.once('close', done);
  });
}
