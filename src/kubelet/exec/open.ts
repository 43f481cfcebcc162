// The kubelet server's exec and attach endpoints (/exec|/attach/<ns>/<pod>/<container>): the
// stream options checked as remotecommand.NewOptions does (a tty has no separate stderr; at
// least one stream), the pod as this kubelet runs it, the container's running process
// (findContainer); each refusal is the kubelet's HTTP answer with upstream's text.
import type { StreamRefusal, StreamRequest, StreamSession } from '../../api/http/remotecommand.js';
import type { Timers } from '../../controllers/framework/queue.js';
import type { ContainerRecord } from '../container-record.js';
import type { KubeletPods } from '../logs/handler.js';
import { attachSession } from './attach.js';
import { execSession } from './session.js';
import type { NodeNetwork } from '../network/node-network.js';

export interface ExecPods extends KubeletPods {
  container(namespace: string, name: string, container: string): ContainerRecord | undefined;
}

export interface ExecEnv {
  pods: ExecPods | undefined;
  timers: Timers;
  /** The node's network (the container's network tools). */
  network?: NodeNetwork;
}

interface Found {
  record: ContainerRecord & Required<Pick<ContainerRecord, 'process' | 'launch' | 'log'>>;
  spec: { name: string; tty?: boolean };
}

/** The options and the running container, or the kubelet's answer why not. */
function find(env: ExecEnv, req: StreamRequest, notFound: (container: string) => string): StreamRefusal | Found {
  if (!req.stdin && !req.stdout && !(req.stderr && !req.tty)) return { code: 400, message: 'you must specify at least 1 of stdin, stdout, stderr' };
  const view = env.pods?.byName(req.namespace, req.name);
  if (!view) return { code: 404, message: 'pod does not exist' };
  const specs = (view.pod.spec?.containers ?? []) as { name: string; tty?: boolean }[];
  const name = req.container || specs[0]?.name || '';
  const record = env.pods?.container(req.namespace, req.name, name);
  if (!record?.running || !record.process || !record.launch || !record.log) return { code: 500, message: notFound(name) };
  const spec = [...specs, ...((view.pod.spec?.initContainers ?? []) as { name: string; tty?: boolean }[])].find((c) => c.name === name) ?? { name };
  return { record: record as Found['record'], spec };
}

const options = (req: StreamRequest): StreamRequest => ({ ...req, stderr: req.stderr && !req.tty });

export async function openExec(env: ExecEnv, req: StreamRequest): Promise<StreamRefusal | StreamSession> {
  const f = find(env, req, (c) => `container not found ("${c}")`);
  return 'code' in f ? f : execSession({ launch: f.record.launch, process: f.record.process, ...(f.record.names ? { names: f.record.names } : {}) }, options(req), env.timers, env.network);
}

export async function openAttach(env: ExecEnv, req: StreamRequest): Promise<StreamRefusal | StreamSession> {
  const f = find(env, req, (c) => `container ${c} not found in pod ${req.name}_${req.namespace}`);
  if ('code' in f) return f;
  const tty = Boolean(f.spec.tty);
  return attachSession({ process: f.record.process, log: f.record.log, tty }, { ...options(req), tty }, env.timers);
}
