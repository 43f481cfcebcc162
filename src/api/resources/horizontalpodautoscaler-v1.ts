// HorizontalPodAutoscaler (autoscaling/v1), served over the autoscaling/v2 storage with upstream's
// conversion: the CPU utilization target is metrics[cpu]; v2-only metrics, conditions and
// behavior travel in the autoscaling.alpha.kubernetes.io/* annotations.
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from './types.js';
import { horizontalPodAutoscaler } from './horizontalpodautoscaler.js';

type Obj = Record<string, unknown>;
type Metric = { type?: string; resource?: { name?: string; target?: { type?: string; averageUtilization?: number } } };

const ANN = {
  metrics: 'autoscaling.alpha.kubernetes.io/metrics',
  current: 'autoscaling.alpha.kubernetes.io/current-metrics',
  conditions: 'autoscaling.alpha.kubernetes.io/conditions',
  behavior: 'autoscaling.alpha.kubernetes.io/behavior',
};

const isCpu = (m: Metric): boolean => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization';

function takeAnnotation(o: KObject, key: string): unknown {
  const v = o.metadata.annotations?.[key];
  if (v === undefined) return undefined;
  delete o.metadata.annotations![key];
  if (!Object.keys(o.metadata.annotations!).length) delete o.metadata.annotations;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

function putAnnotation(o: KObject, key: string, v: unknown): void {
  if (v === undefined || (Array.isArray(v) && !v.length)) return;
  o.metadata.annotations = { ...o.metadata.annotations, [key]: JSON.stringify(v) };
}

function toV2(v1: KObject): KObject {
  const o = structuredClone(v1);
  const spec = { ...((o.spec ?? {}) as Obj) };
  const extra = (takeAnnotation(o, ANN.metrics) as Metric[] | undefined) ?? [];
  const cpu = spec.targetCPUUtilizationPercentage as number | undefined;
  delete spec.targetCPUUtilizationPercentage;
  const metrics = cpu === undefined ? extra : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }, ...extra];
  if (metrics.length) spec.metrics = metrics;
  const behavior = takeAnnotation(o, ANN.behavior);
  if (behavior) spec.behavior = behavior;
  const status = { ...((o.status ?? {}) as Obj) };
  const current = status.currentCPUUtilizationPercentage as number | undefined;
  delete status.currentCPUUtilizationPercentage;
  const currentExtra = (takeAnnotation(o, ANN.current) as unknown[] | undefined) ?? [];
  const cm = current === undefined ? currentExtra : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }, ...currentExtra];
  if (cm.length) status.currentMetrics = cm;
  const conditions = takeAnnotation(o, ANN.conditions);
  if (conditions) status.conditions = conditions;
  return { ...o, apiVersion: 'autoscaling/v2', spec, status };
}

function toV1(v2: KObject): KObject {
  const o = structuredClone(v2);
  const spec = { ...((o.spec ?? {}) as Obj) };
  const metrics = (spec.metrics as Metric[] | undefined) ?? [];
  delete spec.metrics;
  const cpu = metrics.find(isCpu);
  if (cpu) spec.targetCPUUtilizationPercentage = cpu.resource!.target!.averageUtilization;
  putAnnotation(o, ANN.metrics, metrics.filter((m) => m !== cpu));
  putAnnotation(o, ANN.behavior, spec.behavior);
  delete spec.behavior;
  const status = { ...((o.status ?? {}) as Obj) };
  const current = (status.currentMetrics as { type?: string; resource?: { name?: string; current?: { averageUtilization?: number } } }[] | undefined) ?? [];
  delete status.currentMetrics;
  const cur = current.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.current?.averageUtilization !== undefined);
  if (cur) status.currentCPUUtilizationPercentage = cur.resource!.current!.averageUtilization;
  putAnnotation(o, ANN.current, current.filter((m) => m !== cur));
  putAnnotation(o, ANN.conditions, status.conditions);
  delete status.conditions;
  return { ...o, apiVersion: 'autoscaling/v1', spec, status };
}

/** The v2 resource's names and subresources, served as v1 through the conversion above. */
export const horizontalPodAutoscalerV1: ResourceDescriptor = {
  ...horizontalPodAutoscaler,
  version: 'v1',
  codec: { toStorage: toV2, fromStorage: toV1 },
};
