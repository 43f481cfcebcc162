// The kubelet's resource metrics endpoint (/metrics/resource) over the node's runtime: for a time,
// every container run that was running then (start time, cumulative CPU, working set) and the
// node (its own daemons plus every container and pod sandbox). Cumulative CPU counts the runs the
// runtime still holds, so two samples of one scrape differ by what ran between them.
import type { MetricsPoint, NodeBatch, PodPoints } from '../../api/metrics/types.js';
import type { MemoryRuntime } from '../cri/memory-runtime.js';
import type { ContainerEntry } from '../cri/state.js';
import { msToNs } from '../cri/state.js';
import type { Profile } from './profiles.js';
import { NODE_SYSTEM } from './profiles.js';
import { hashSpread } from './model.js';

/** CPU a process spends starting (exec, loading its binary), ns. */
export const STARTUP_CPU_NS = 15_000_000n;
/** The pause container's working set, per ready sandbox. */
const PAUSE_BYTES = 327_680n;

export interface NodeMetricsOptions {
  node: string;
  /** When the node booted (ms): its cumulative CPU counts from then. */
  bootTime: number;
  /** The node's own daemons (default NODE_SYSTEM, varied per node). */
  system?: Profile;
}

const nsOf = (ms: number): bigint => msToNs(ms);

/** Whether run c was running at t (ns). */
function runningAt(c: ContainerEntry, t: bigint): boolean {
  if (c.startedAt === 0n || c.startedAt > t) return false;
  return c.state === 'CONTAINER_RUNNING' || c.finishedAt > t;
}

/** CPU the run used from its start until t (ns), its start included. */
function cpuUsed(c: ContainerEntry, t: bigint): bigint {
  if (c.startedAt === 0n || c.startedAt > t) return 0n;
  const end = c.state === 'CONTAINER_RUNNING' || c.finishedAt > t ? t : c.finishedAt;
  return STARTUP_CPU_NS + (BigInt(c.usage?.nanoCores ?? 0) * (end - c.startedAt)) / 1_000_000_000n;
}

function point(c: ContainerEntry, t: bigint, at: number): MetricsPoint {
  return { startTime: Number(c.startedAt / 1_000_000n), timestamp: at, cumulativeCpu: cpuUsed(c, t), memory: BigInt(c.usage?.memoryBytes ?? 1_048_576) };
}

function systemOf(o: NodeMetricsOptions): { nanoCores: bigint; bytes: bigint } {
  const s = o.system ?? NODE_SYSTEM;
  const f = hashSpread(`node/${o.node}`);
  return { nanoCores: BigInt(Math.round(s.milliCpu * (0.8 + 0.4 * f) * 1e6)), bytes: BigInt(Math.round((s.memoryMi * (0.94 + 0.12 * f) * 1048576) / 4096) * 4096) };
}

/** The node's sample and its pods' at time at (ms). */
export function nodeResourceMetrics(rt: MemoryRuntime, at: number, o: NodeMetricsOptions): NodeBatch {
  const t = nsOf(at);
  const sys = systemOf(o);
  const boot = nsOf(o.bootTime);
  let cpu = t > boot ? (sys.nanoCores * (t - boot)) / 1_000_000_000n : 0n;
  let memory = sys.bytes;
  const pods = new Map<string, PodPoints>();
  for (const c of rt.containers.values()) {
    cpu += cpuUsed(c, t);
    if (!runningAt(c, t)) continue;
    memory += BigInt(c.usage?.memoryBytes ?? 1_048_576);
    const l = c.labels;
    const [namespace, name] = [l['io.kubernetes.pod.namespace'] ?? '', l['io.kubernetes.pod.name'] ?? ''];
    const key = `${namespace}/${name}/${l['io.kubernetes.pod.uid'] ?? ''}`;
    const pod = pods.get(key) ?? { namespace, name, containers: new Map() };
    pods.set(key, pod);
    pod.containers.set(c.name, point(c, t, at));
  }
  for (const s of rt.sandboxes.values()) if (s.state === 'SANDBOX_READY' && s.createdAt <= t) memory += PAUSE_BYTES;
  return { node: o.node, point: { startTime: o.bootTime, timestamp: at, cumulativeCpu: cpu, memory }, pods: [...pods.values()] };
}
