// metrics-server v0.7's storage over its last two scrapes (pkg/storage): a node's usage is the
// CPU used between its two samples over the window between them, and its last working set; a
// container needs a sample in both scrapes without a restart between, except a fresh container
// (started 10s to one resolution before the last scrape), whose start counts as its first sample.
// A pod has metrics only when every container it reported has.
import type { MetricsPoint, NodeBatch } from './types.js';

/** --metric-resolution in the metrics-server manifest. */
export const RESOLUTION_MS = 15_000;
/** freshContainerMinMetricsResolution. */
const FRESH_MIN_MS = 10_000;

export interface Usage {
  nanoCores: bigint;
  memoryBytes: bigint;
}

export interface TimeInfo {
  timestamp: number;
  windowMs: number;
}

export interface NodeValue extends TimeInfo {
  usage: Usage;
}

export interface PodValue extends TimeInfo {
  containers: { name: string; usage: Usage }[];
}

/** The scrape times so far, oldest first, at most the last two: the first at `first`, then every resolution. */
export function scrapeTimes(first: number, now: number, resolution = RESOLUTION_MS): number[] {
  if (now < first) return [];
  const k = Math.floor((now - first) / resolution);
  const last = first + k * resolution;
  return k === 0 ? [last] : [last - resolution, last];
}

/** resourceUsage: CPU over the window between the samples, memory of the last; undefined if they go backwards. */
export function resourceUsage(last: MetricsPoint, prev: MetricsPoint): (TimeInfo & { usage: Usage }) | undefined {
  if (last.startTime < prev.startTime || last.cumulativeCpu < prev.cumulativeCpu) return undefined;
  const windowMs = last.timestamp - prev.timestamp;
  if (windowMs <= 0) return undefined;
  const nanoCores = ((last.cumulativeCpu - prev.cumulativeCpu) * 1000n) / BigInt(windowMs);
  return { timestamp: last.timestamp, windowMs, usage: { nanoCores, memoryBytes: last.memory } };
}

export function nodeValues(last: NodeBatch[], prev: NodeBatch[] | undefined): Map<string, NodeValue> {
  const out = new Map<string, NodeValue>();
  for (const b of last) {
    const p = prev?.find((x) => x.node === b.node);
    if (out.has(b.node) || !p || !(b.point.timestamp > p.point.timestamp)) continue;
    const u = resourceUsage(b.point, p.point);
    if (u) out.set(b.node, u);
  }
  return out;
}

/** Each pod's containers (by ns/name), the first report of a pod winning as metrics-server keeps it. */
function podsOf(batches: NodeBatch[] | undefined): Map<string, Map<string, MetricsPoint>> {
  const out = new Map<string, Map<string, MetricsPoint>>();
  for (const b of batches ?? []) for (const p of b.pods) if (!out.has(`${p.namespace}/${p.name}`)) out.set(`${p.namespace}/${p.name}`, p.containers);
  return out;
}

/** The container's sample before `point`, as podStorage.Store keeps it. */
function previous(point: MetricsPoint, before: MetricsPoint | undefined, resolution: number): MetricsPoint | undefined {
  const age = point.timestamp - point.startTime;
  if (point.startTime < point.timestamp && age < resolution && age >= FRESH_MIN_MS) return { ...point, timestamp: point.startTime, cumulativeCpu: 0n };
  if (before && point.startTime < before.timestamp && point.timestamp > before.timestamp) return before;
  return undefined;
}

function podValue(containers: Map<string, MetricsPoint>, before: Map<string, MetricsPoint> | undefined, resolution: number): PodValue | undefined {
  const out: PodValue = { timestamp: 0, windowMs: 0, containers: [] };
  for (const [name, point] of containers) {
    const prev = previous(point, before?.get(name), resolution);
    if (!prev) return undefined;
    const u = resourceUsage(point, prev);
    if (!u) continue;
    out.containers.push({ name, usage: u.usage });
    if (out.timestamp === 0 || out.timestamp > u.timestamp) Object.assign(out, { timestamp: u.timestamp, windowMs: u.windowMs });
  }
  return out;
}

export function podValues(last: NodeBatch[], prev: NodeBatch[] | undefined, resolution = RESOLUTION_MS): Map<string, PodValue> {
  const before = podsOf(prev);
  const out = new Map<string, PodValue>();
  for (const [key, containers] of podsOf(last)) {
    const v = podValue(containers, before.get(key), resolution);
    if (v) out.set(key, v);
  }
  return out;
}
