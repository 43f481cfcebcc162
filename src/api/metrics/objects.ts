// NodeMetrics and PodMetrics as metrics-server serves them (metrics.k8s.io/v1beta1): the node's
// or pod's name, namespace and labels, creationTimestamp = now, the sample's timestamp and window
// (a Go duration), CPU as a DecimalSI quantity of nanocores ("12345678n", "1m") and memory as a
// BinarySI quantity of bytes ("3456Ki"); and its Table (Name, cpu, memory, Window).
import type { KObject } from '../types.js';
import { rfc3339 } from '../registry/context.js';
import { quantityString } from '../validation/quantity.js';
import type { NodeValue, PodValue, Usage } from './points.js';
import type { NodeMetrics, PodMetrics, ResourceUsage } from './types.js';
import { goDuration } from '../../client/go-duration.js';

export const GROUP_VERSION = 'metrics.k8s.io/v1beta1';

export function usageOf(u: Usage): ResourceUsage {
  return {
    cpu: quantityString({ nano: u.nanoCores, format: 'DecimalSI' }),
    memory: quantityString({ nano: u.memoryBytes * 1_000_000_000n, format: 'BinarySI' }),
  };
}

function meta(obj: KObject, now: number, namespaced: boolean): Record<string, unknown> {
  const labels = obj.metadata.labels;
  return {
    name: obj.metadata.name ?? '',
    ...(namespaced ? { namespace: obj.metadata.namespace ?? '' } : {}),
    creationTimestamp: rfc3339(now),
    ...(labels && Object.keys(labels).length ? { labels } : {}),
  };
}

export function nodeMetrics(node: KObject, v: NodeValue, now: number): NodeMetrics {
  return { kind: 'NodeMetrics', apiVersion: GROUP_VERSION, metadata: meta(node, now, false) as NodeMetrics['metadata'], timestamp: rfc3339(v.timestamp), window: goDuration(v.windowMs), usage: usageOf(v.usage) };
}

export function podMetrics(pod: KObject, v: PodValue, now: number): PodMetrics {
  const containers = v.containers.map((c) => ({ name: c.name, usage: usageOf(c.usage) }));
  return { kind: 'PodMetrics', apiVersion: GROUP_VERSION, metadata: meta(pod, now, true) as PodMetrics['metadata'], timestamp: rfc3339(v.timestamp), window: goDuration(v.windowMs), containers };
}

type AnyMetrics = NodeMetrics | PodMetrics;

function cells(m: AnyMetrics, totals: Map<AnyMetrics, ResourceUsage>): unknown[] {
  const u = 'usage' in m ? m.usage : totals.get(m)!;
  return [m.metadata.name, u.cpu, u.memory, m.window];
}

/** The pod's containers summed (addPodMetricsToTable). */
export function podTotal(m: PodMetrics, values: Map<string, PodValue>): ResourceUsage {
  const v = values.get(`${m.metadata.namespace}/${m.metadata.name}`);
  const sum = (v?.containers ?? []).reduce((a, c) => ({ nanoCores: a.nanoCores + c.usage.nanoCores, memoryBytes: a.memoryBytes + c.usage.memoryBytes }), { nanoCores: 0n, memoryBytes: 0n });
  return usageOf(sum);
}

function rowObject(m: AnyMetrics, include: string): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return m;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: m.metadata };
}

/** metrics-server's ConvertToTable: no columns (null) for an empty list. */
export function metricsTable(items: AnyMetrics[], totals: Map<AnyMetrics, ResourceUsage>, include: string): unknown {
  const col = (name: string, format: string, description = '') => ({ name, type: 'string', format, description, priority: 0 });
  const columns = items.length ? [col('Name', 'name', 'Name of the resource'), col('cpu', 'quantity'), col('memory', 'quantity'), col('Window', 'duration')] : null;
  const rows = items.length ? items.map((m) => ({ cells: cells(m, totals), ...(include === 'None' ? {} : { object: rowObject(m, include) }) })) : null;
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: columns, rows };
}
