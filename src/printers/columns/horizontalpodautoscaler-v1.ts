// Convert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler, for the metrics the
// table reads: targetCPUUtilizationPercentage, the autoscaling.alpha.kubernetes.io/metrics and
// current-metrics annotations (v2beta1-style field names), and the implicit 80% CPU target.
import type { KObject } from '../../api/types.js';
import { at, rec, recs, str, strMap, type Fields } from './fields.js';

const SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
const STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
const DEFAULT_CPU_UTILIZATION = 80;

function cpuTarget(utilization: unknown): Fields {
  return { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: utilization } } };
}

/** A v1 MetricSpec from the annotation, in v2 shape (pointers that Go always sets default to "0"). */
function specFromV1(m: Fields): Fields {
  const type = str(m.type);
  const o = rec(m[type.charAt(0).toLowerCase() + type.slice(1)]);
  switch (type) {
    case 'Object':
      return { type, object: { target: { value: o.targetValue ?? '0', averageValue: o.averageValue } } };
    case 'Pods':
      return { type, pods: { target: { averageValue: o.targetAverageValue ?? '0' } } };
    case 'Resource':
    case 'ContainerResource': {
      const target = { averageValue: o.targetAverageValue, averageUtilization: o.targetAverageUtilization };
      return { type, [type === 'Resource' ? 'resource' : 'containerResource']: { name: o.name, target } };
    }
    case 'External':
      return { type, external: { target: { value: o.targetValue, averageValue: o.targetAverageValue } } };
    default:
      return { type };
  }
}

function statusFromV1(m: Fields): Fields {
  const type = str(m.type);
  const o = rec(m[type.charAt(0).toLowerCase() + type.slice(1)]);
  switch (type) {
    case 'Object':
      return { type, object: { current: { value: o.currentValue ?? '0', averageValue: o.averageValue } } };
    case 'Pods':
      return { type, pods: { current: { averageValue: o.currentAverageValue ?? '0' } } };
    case 'Resource':
    case 'ContainerResource': {
      const current = { averageValue: o.currentAverageValue ?? '0', averageUtilization: o.currentAverageUtilization };
      return { type, [type === 'Resource' ? 'resource' : 'containerResource']: { name: o.name, current } };
    }
    case 'External':
      return { type, external: { current: { value: o.currentValue ?? '0', averageValue: o.currentAverageValue } } };
    default:
      return { type };
  }
}

function annotationList(obj: KObject, key: string): Fields[] | null {
  const annotations = strMap(obj.metadata.annotations);
  if (!(key in annotations)) return null;
  try {
    return recs(JSON.parse(annotations[key] ?? ''));
  } catch {
    return [];
  }
}

/** spec.metrics and status.currentMetrics of an autoscaling/v1 HPA, as the internal object has them. */
export function v1Metrics(hpa: KObject): { metrics: Fields[]; currentMetrics: Fields[] } {
  const spec = rec(hpa.spec);
  const status = rec(hpa.status);
  const cpu = spec.targetCPUUtilizationPercentage;
  let metrics: Fields[] = cpu === undefined || cpu === null ? [] : [cpuTarget(cpu)];
  const extra = annotationList(hpa, SPECS_ANNOTATION);
  if (extra !== null) metrics = [...extra.map(specFromV1), ...metrics];
  if (metrics.length === 0) metrics = [cpuTarget(DEFAULT_CPU_UTILIZATION)];
  const used = status.currentCPUUtilizationPercentage;
  let currentMetrics: Fields[] =
    used === undefined || used === null
      ? []
      : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: used } } }];
  const reported = annotationList(hpa, STATUSES_ANNOTATION);
  if (reported !== null) currentMetrics = reported.map(statusFromV1);
  return { metrics, currentMetrics };
}

/** Whether the object is in autoscaling/v1's shape rather than v2's. */
export function isV1(hpa: KObject): boolean {
  if (typeof hpa.apiVersion === 'string') return hpa.apiVersion === 'autoscaling/v1';
  return at(hpa.spec, 'metrics') === undefined && at(hpa.spec, 'targetCPUUtilizationPercentage') !== undefined;
}
