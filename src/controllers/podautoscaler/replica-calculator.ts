// The replica calculator (replica_calculator.go): desired = ceil(ready pods × usage / target),
// unless the ratio is within the tolerance. Pods being deleted or failed are ignored; pending
// pods, and for CPU pods still starting up, count as unready; pods without a sample are missing.
// On a scale-up unready and missing pods are assumed to use nothing, on a scale-down missing pods
// are assumed at their request (or the target); if that flips the direction, nothing changes.
import type { Obj } from '../../client/types.js';
import { quantityMilliValue, quantityOf } from '../../api/validation/quantity.js';
import { resourceMetric, type MetricsSource, type PodMetricsInfo } from './metrics.js';

export interface CalculatorConfig {
  tolerance: number;
  cpuInitializationMs: number;
  initialReadinessDelayMs: number;
  now: () => number;
}

interface PodShape {
  spec?: { containers?: PodContainer[]; initContainers?: (PodContainer & { restartPolicy?: string })[] };
  status?: { phase?: string; startTime?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[] };
}
interface PodContainer { name: string; resources?: { requests?: Record<string, string> } }

interface Groups { ready: number; unready: Set<string>; missing: Set<string>; ignored: Set<string> }

/** Whether a pod's CPU sample is not to be trusted yet (the cpu branch of groupPods). */
function cpuUnready(pod: Obj, sampleAt: number, windowMs: number, cfg: CalculatorConfig): boolean {
  const st = (pod as PodShape).status ?? {};
  const ready = st.conditions?.find((c) => c.type === 'Ready');
  const start = Date.parse(st.startTime ?? '');
  if (!ready || Number.isNaN(start)) return true;
  const transition = Date.parse(ready.lastTransitionTime ?? '') || 0;
  if (start + cfg.cpuInitializationMs > cfg.now()) return ready.status === 'False' || sampleAt < transition + windowMs;
  return ready.status === 'False' && start + cfg.initialReadinessDelayMs > transition;
}

export function groupPods(pods: Obj[], metrics: PodMetricsInfo, resource: string, cfg: CalculatorConfig): Groups {
  const g: Groups = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    const phase = (pod as PodShape).status?.phase;
    if (pod.metadata.deletionTimestamp || phase === 'Failed') { g.ignored.add(name); continue; }
    if (phase === 'Pending') { g.unready.add(name); continue; }
    const m = metrics.get(name);
    if (!m) { g.missing.add(name); continue; }
    if (resource === 'cpu' && cpuUnready(pod, m.timestamp, m.windowMs, cfg)) { g.unready.add(name); continue; }
    g.ready++;
  }
  return g;
}

/** calculatePodRequests: per pod, the sum of its (or one container's) requests, in milli-units. */
export function podRequests(pods: Obj[], container: string, resource: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of pods) {
    const spec = (pod as PodShape).spec ?? {};
    const sidecars = (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
    let sum = 0;
    for (const c of [...(spec.containers ?? []), ...sidecars]) {
      if (container && c.name !== container) continue;
      const q = quantityOf(c.resources?.requests?.[resource]);
      if (!q) throw new Error(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`);
      sum += Number(quantityMilliValue(q));
    }
    out.set(pod.metadata.name ?? '', sum);
  }
  return out;
}

/** GetResourceUtilizationRatio. */
export function utilizationRatio(metrics: PodMetricsInfo, requests: Map<string, number>, target: number): { ratio: number; utilization: number; rawAverage: number } {
  let used = 0;
  let requested = 0;
  let n = 0;
  for (const [pod, m] of metrics) {
    const r = requests.get(pod);
    if (r === undefined) continue;
    used += m.value;
    requested += r;
    n++;
  }
  if (requested === 0) throw new Error('no metrics returned matched known pods');
  const utilization = Math.trunc((used * 100) / requested);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(used / n) };
}

/** GetMetricUsageRatio. */
export function usageRatio(metrics: PodMetricsInfo, targetUsage: number): { ratio: number; usage: number } {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  const usage = Math.trunc(total / metrics.size);
  return { ratio: usage / targetUsage, usage };
}

export interface Adjust {
  current: number;
  groups: Groups;
  metrics: PodMetricsInfo;
  ratio: number;
  /** What a missing pod is assumed to use on a scale-down. */
  missingOnScaleDown: (pod: string) => number;
  recompute: (metrics: PodMetricsInfo) => number;
}

/** The shared tail of GetResourceReplicas and calcPlainMetricReplicas. */
export function adjustedReplicas(a: Adjust, tolerance: number): number {
  const { groups: g, ratio } = a;
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && !g.missing.size) return Math.abs(1 - ratio) <= tolerance ? a.current : Math.ceil(ratio * g.ready);
  const metrics: PodMetricsInfo = new Map(a.metrics);
  for (const pod of g.missing) {
    if (ratio < 1) metrics.set(pod, { value: a.missingOnScaleDown(pod), timestamp: 0, windowMs: 0 });
    else if (ratio > 1) metrics.set(pod, { value: 0, timestamp: 0, windowMs: 0 });
  }
  if (scaleUpWithUnready) for (const pod of g.unready) metrics.set(pod, { value: 0, timestamp: 0, windowMs: 0 });
  const next = a.recompute(metrics);
  if (Math.abs(1 - next) <= tolerance || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return a.current;
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > a.current) || (next > 1 && replicas < a.current)) return a.current;
  return replicas;
}

export interface ResourceInputs {
  src: MetricsSource;
  cfg: CalculatorConfig;
  current: number;
  resource: string;
  namespace: string;
  /** The scale target's selector, as text. */
  selector: string;
  /** The pods it selects. */
  pods: Obj[];
  container: string;
}

async function readyMetrics(i: ResourceInputs): Promise<{ metrics: PodMetricsInfo; timestamp: number; groups: Groups }> {
  let fetched: Awaited<ReturnType<typeof resourceMetric>>;
  try {
    fetched = await resourceMetric(i.src, i.resource, i.namespace, i.selector, i.container);
  } catch (err) {
    throw new Error(`unable to get metrics for resource ${i.resource}: ${(err as Error).message}`);
  }
  if (!i.pods.length) throw new Error('no pods returned by selector while calculating replica count');
  const groups = groupPods(i.pods, fetched.metrics, i.resource, i.cfg);
  const metrics: PodMetricsInfo = new Map([...fetched.metrics].filter(([pod]) => !groups.ignored.has(pod) && !groups.unready.has(pod)));
  return { metrics, timestamp: fetched.timestamp, groups };
}

/** GetResourceReplicas: for a target utilization (percent of request). */
export async function resourceReplicas(i: ResourceInputs, target: number): Promise<{ replicas: number; utilization: number; rawAverage: number; timestamp: number }> {
  const { metrics, timestamp, groups } = await readyMetrics(i);
  const requests = podRequests(i.pods, i.container, i.resource);
  if (!metrics.size) throw new Error('did not receive metrics for any ready pods');
  const { ratio, utilization, rawAverage } = utilizationRatio(metrics, requests, target);
  const replicas = adjustedReplicas({
    current: i.current, groups, metrics, ratio,
    missingOnScaleDown: (pod) => Math.trunc(((requests.get(pod) ?? 0) * Math.max(100, target)) / 100),
    recompute: (m) => utilizationRatio(m, requests, target).ratio,
  }, i.cfg.tolerance);
  return { replicas, utilization, rawAverage, timestamp };
}

/** GetRawResourceReplicas: for a target average value (milli-units per pod). */
export async function rawResourceReplicas(i: ResourceInputs, targetUsage: number): Promise<{ replicas: number; usage: number; timestamp: number }> {
  const { metrics, timestamp, groups } = await readyMetrics(i);
  if (!metrics.size) throw new Error('did not receive metrics for any ready pods');
  const { ratio, usage } = usageRatio(metrics, targetUsage);
  const replicas = adjustedReplicas({
    current: i.current, groups, metrics, ratio,
    missingOnScaleDown: () => targetUsage,
    recompute: (m) => usageRatio(m, targetUsage).ratio,
  }, i.cfg.tolerance);
  return { replicas, usage, timestamp };
}
