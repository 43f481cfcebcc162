// The streaming server's runtime on a kubelet's node: an exec runs beside the container's
// simulated process (kubelet/exec's session, with the node's network tools), an attach follows
// that process, a port-forward reaches the process listening in the sandbox through the pod
// network. Failures are containerd's: execInContainer's and attachContainer's lookups, and
// portForward's netns and dial errors, naming the ID as the request gave it.
import type { Duplex } from 'node:stream';
import type { PortForwardTarget } from '../../../api/http/portforward-streams.js';
import type { StreamRequest, StreamSession } from '../../../api/http/remotecommand.js';
import type { Timers } from '../../../controllers/framework/queue.js';
import { attachSession } from '../../exec/attach.js';
import type { ExecPods } from '../../exec/open.js';
import { execSession, type RunningContainer } from '../../exec/session.js';
import type { PodFabric } from '../../network/fabric.js';
import type { NodeNetwork } from '../../network/node-network.js';
import { openPortForward, refusedMessage } from '../../portforward/open.js';
import type { MemoryRuntime } from '../memory-runtime.js';
import { byPrefix } from '../resolve.js';
import type { ContainerEntry, SandboxEntry } from '../state.js';
import { failed, type StreamingRuntime } from './runtime.js';

export interface StreamingPods extends ExecPods {
  runningById(id: string): RunningContainer | undefined;
}

export interface KubeletStreamingDeps {
  runtime: MemoryRuntime;
  /** The kubelet's pods, once it runs them. */
  pods(): StreamingPods | undefined;
  timers: Timers;
  now(): number;
  network?(): NodeNetwork | undefined;
  fabric?(): PodFabric | undefined;
}

const POD_NAMESPACE = 'io.kubernetes.pod.namespace';
const POD_NAME = 'io.kubernetes.pod.name';

/** The running container an ID names, or containerd's reason why not. */
function runningEntry(rt: MemoryRuntime, id: string): ContainerEntry | string {
  const r = byPrefix(rt.containers.values(), id);
  if (!('found' in r)) return `failed to find container ${JSON.stringify(id)} in store: ${r.error}`;
  if (r.found.state !== 'CONTAINER_RUNNING') return `container is in ${r.found.state} state`;
  return r.found;
}

const noTask = (id: string) => `failed to load task: no running task found: task ${id} not found: not found`;

function exec(d: KubeletStreamingDeps, id: string, req: StreamRequest): StreamSession {
  const EXEC = 'error executing command in container: failed to exec in container: ';
  const c = runningEntry(d.runtime, id);
  if (typeof c === 'string') return failed(EXEC + c);
  const running = d.pods()?.runningById(c.id);
  if (!running) return failed(EXEC + noTask(c.id));
  const net = d.network?.();
  return execSession(running, { ...req, namespace: c.labels[POD_NAMESPACE] ?? '', name: c.labels[POD_NAME] ?? '', container: c.name }, d.timers, net);
}

function attach(d: KubeletStreamingDeps, id: string, req: StreamRequest): StreamSession {
  const ATTACH = 'error attaching to container: ';
  const c = runningEntry(d.runtime, id);
  if (typeof c === 'string') return failed(ATTACH + c);
  const [ns, pod] = [c.labels[POD_NAMESPACE] ?? '', c.labels[POD_NAME] ?? ''];
  const record = d.pods()?.container(ns, pod, c.name);
  if (!record?.process || !record.log || record.running?.containerID !== c.id) return failed(ATTACH + noTask(c.id));
  const spec = (d.pods()?.byName(ns, pod)?.pod.spec?.containers ?? []) as { name: string; tty?: boolean }[];
  const tty = Boolean(spec.find((s) => s.name === c.name)?.tty);
  return attachSession({ process: record.process, log: record.log, tty }, req, d.timers);
}

/** containerd's dial inside the sandbox; its errors name the sandbox as the request did. */
async function forward(d: KubeletStreamingDeps, given: string, port: number, stream: Duplex): Promise<void> {
  const r = byPrefix(d.runtime.sandboxes.values(), given);
  if (!('found' in r)) throw new Error(`failed to find sandbox ${JSON.stringify(given)} in store: ${r.error}`);
  const s: SandboxEntry = r.found;
  if (!s.hostNetwork && s.state !== 'SANDBOX_READY') throw new Error(`network namespace for sandbox ${JSON.stringify(given)} is closed`);
  const fabric = d.fabric?.();
  const target = fabric ? await openPortForward({ pods: d.pods(), runtime: d.runtime, fabric, now: d.now }, { namespace: s.namespace, name: s.name }) : undefined;
  try {
    if (!target || 'code' in target || target.pod !== s.id) throw new Error(refusedMessage(s, port));
    await target.forward(port, stream);
  } catch (err) {
    throw new Error((err as Error).message.replace(`inside namespace "${s.id}"`, `inside namespace ${JSON.stringify(given)}`));
  }
}

export function kubeletStreamingRuntime(d: KubeletStreamingDeps): StreamingRuntime {
  return {
    exec: (id, req) => ({ run: (io) => exec(d, id, req).run(io) }),
    attach: (id, req) => ({ run: (io) => attach(d, id, req).run(io) }),
    portForward: (id): PortForwardTarget => ({ pod: id, uid: '', forward: (port, stream) => forward(d, id, port, stream) }),
  };
}
