// Resource metrics for the HPA (metrics/resource client): PodMetrics from metrics.k8s.io/v1beta1,
// summed per pod (or taken for one container) in milli-units. The source is an interface so
// tests can inject metrics; the real one lists pods.metrics.k8s.io through the client, and when
// that API is not served it fails with the words client-go uses for a cluster without
// metrics-server.
import type { Client, ResourceRef } from '../../client/types.js';
import { ApiError } from '../../client/types.js';
import { durationMs } from '../framework/controller.js';
import { quantityMilliValue, quantityOf } from '../../api/validation/quantity.js';

export const POD_METRICS: ResourceRef = { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', kind: 'PodMetrics', namespaced: true };

export interface PodMetricsItem {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string> };
  timestamp?: string;
  window?: string;
  containers?: { name: string; usage?: Record<string, string> }[];
}

/** Where resource metrics come from: the resource metrics API, or what a test injects. */
export interface MetricsSource {
  /** The PodMetrics of the namespace's pods matching a label selector; throws as the API would. */
  podMetrics(namespace: string, labelSelector: string): Promise<PodMetricsItem[]>;
}

/** client-go's message for a failed request on pods.metrics.k8s.io. */
function apiMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 404) return 'the server could not find the requested resource (get pods.metrics.k8s.io)';
    if (err.code === 503) return 'the server is currently unable to handle the request (get pods.metrics.k8s.io)';
  }
  return (err as Error).message;
}

/** The metrics.k8s.io resource metrics API, read through the client. */
export class ResourceMetricsAPI implements MetricsSource {
  constructor(private readonly client: Client) {}

  async podMetrics(namespace: string, labelSelector: string): Promise<PodMetricsItem[]> {
    try {
      return (await this.client.list(POD_METRICS, namespace, { labelSelector })).items as PodMetricsItem[];
    } catch (err) {
      throw new Error(apiMessage(err));
    }
  }
}

export interface PodMetric {
  /** milli-units */
  value: number;
  timestamp: number;
  windowMs: number;
}

export type PodMetricsInfo = Map<string, PodMetric>;

const milli = (q: string | undefined): number | undefined => {
  const parsed = quantityOf(q);
  return parsed ? Number(quantityMilliValue(parsed)) : undefined;
};

const sample = (m: PodMetricsItem, value: number): PodMetric => ({ value, timestamp: Date.parse(m.timestamp ?? '') || 0, windowMs: durationMs(m.window, 0) });

/** getPodMetrics: a pod counts only if every container reports the resource. */
function podSums(items: PodMetricsItem[], resource: string): PodMetricsInfo {
  const out: PodMetricsInfo = new Map();
  for (const m of items) {
    const cs = m.containers ?? [];
    const values = cs.map((c) => milli(c.usage?.[resource]));
    if (!cs.length || values.some((v) => v === undefined)) continue;
    out.set(m.metadata.name ?? '', sample(m, values.reduce<number>((a, v) => a + (v ?? 0), 0)));
  }
  return out;
}

/** getContainerMetrics: the named container's usage; a pod without that container is an error. */
function containerValues(items: PodMetricsItem[], resource: string, container: string): PodMetricsInfo {
  const out: PodMetricsInfo = new Map();
  for (const m of items) {
    const c = (m.containers ?? []).find((x) => x.name === container);
    if (!c) throw new Error(`failed to get container metrics: container ${container} not present in metrics for pod ${m.metadata.namespace}/${m.metadata.name}`);
    const v = milli(c.usage?.[resource]);
    if (v !== undefined) out.set(m.metadata.name ?? '', sample(m, v));
  }
  return out;
}

/** GetResourceMetric: per-pod usage and the first sample's timestamp. */
export async function resourceMetric(src: MetricsSource, resource: string, namespace: string, selector: string, container: string): Promise<{ metrics: PodMetricsInfo; timestamp: number }> {
  let items: PodMetricsItem[];
  try {
    items = await src.podMetrics(namespace, selector);
  } catch (err) {
    throw new Error(`unable to fetch metrics from resource metrics API: ${(err as Error).message}`);
  }
  if (!items.length) throw new Error('no metrics returned from resource metrics API');
  const metrics = container ? containerValues(items, resource, container) : podSums(items, resource);
  return { metrics, timestamp: Date.parse(items[0]!.timestamp ?? '') || 0 };
}
