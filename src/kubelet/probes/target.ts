// What one probe run reaches. The kubelet probes from the node: the pod's IP (or the probe's
// host) and a port, where a container of the pod listens, or through the pod network to another
// address; exec runs beside the container's process. A port by name is the container's port of
// that name (probe.ResolveContainerPort).
import type { Timers } from '../../controllers/framework/queue.js';
import type { ContainerRecord } from '../container-record.js';
import type { RunningContainer } from '../exec/session.js';
import type { Listener } from '../network/fabric.js';
import type { NodeNetwork } from '../network/node-network.js';
import { podSpec, type ContainerSpec, type Pod } from '../pod-spec.js';
import { ProbeError } from './types.js';

export interface ProbeTarget {
  pod: Pod;
  container: ContainerSpec;
  /** The probed container's running process (exec probes), if it runs. */
  running: RunningContainer | undefined;
  /** The pod's containers, whose processes listen on the pod's IP. */
  records: Map<string, ContainerRecord>;
  podIP: string;
  hostIP: string;
  timers: Timers;
  now: () => number;
  /** The node's pod network (a probe's other host; exec's network tools). */
  network?: NodeNetwork;
}

/** Where a connection to host:port ends. */
export type Reach = { kind: 'open'; listener: Listener } | { kind: 'refused' } | { kind: 'timeout' };

/** ResolveContainerPort: a number, a named container port, or a number written as a string. */
export function resolvePort(port: number | string, c: ContainerSpec): number {
  let n: number;
  if (typeof port === 'number') n = port;
  else {
    const named = c.ports?.find((p) => p.name === port);
    if (named) n = named.containerPort;
    else if (/^[+-]?\d+$/.test(port)) n = Number(port);
    else throw new ProbeError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  }
  if (n > 0 && n < 65536) return n;
  throw new ProbeError(`invalid port number: ${n}`);
}

const LOCAL = ['127.0.0.1', 'localhost'];

/** Whether host is the pod's own address (its IP; on the host network, the node's too). */
function isOwn(t: ProbeTarget, host: string): boolean {
  if (host === t.podIP) return true;
  return Boolean(podSpec(t.pod).hostNetwork) && (LOCAL.includes(host) || host === t.hostIP);
}

/** The pod's running container listening on port. */
function ownListener(t: ProbeTarget, port: number): Listener | undefined {
  for (const r of t.records.values()) {
    if (!r.running || !r.process?.ports.includes(port) || !r.launch) continue;
    const log = r.log;
    return { image: r.launch.image, stdout: (text) => log?.write('stdout', text) };
  }
  return undefined;
}

/** Opens a connection from the node to host:port. */
export async function reach(t: ProbeTarget, host: string, port: number): Promise<Reach> {
  if (isOwn(t, host)) {
    const listener = ownListener(t, port);
    return listener ? { kind: 'open', listener } : { kind: 'refused' };
  }
  if (!t.network) return { kind: 'timeout' };
  const c = await t.network.connect({ namespace: t.pod.metadata.namespace ?? '', podIP: t.hostIP }, host, port);
  return c.kind === 'open' ? { kind: 'open', listener: c.listener } : c;
}

/** Waits s seconds on the kubelet's clock (a connection that times out). */
export function waitSeconds(timers: Timers, s: number): Promise<void> {
  return new Promise((res) => timers.setTimeout(() => res(), s * 1000));
}
