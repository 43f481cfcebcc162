// computeReplicasForMetrics: one proposal per metric, the largest wins; a metric that cannot be
// read sets ScalingActive=False with its reason (FailedGetResourceMetric…) and an event, and if
// every metric failed — or some failed and the rest would scale down — nothing is computed.
// Resource and ContainerResource metrics come from the resource metrics API; this cluster serves
// no custom or external metrics API, so Pods, Object and External metrics fail as they would.
import type { Obj } from '../../client/types.js';
import { quantityMilliValue, quantityOf, quantityString } from '../../api/validation/quantity.js';
import type { EventType } from '../framework/events.js';
import type { SetCondition } from './conditions.js';
import type { MetricsSource } from './metrics.js';
import { rawResourceReplicas, resourceReplicas, type CalculatorConfig, type ResourceInputs } from './replica-calculator.js';
import type { MetricSpec, MetricStatus, MetricTarget, MetricValueStatus } from './types.js';

export interface MetricsInput {
  namespace: string;
  specReplicas: number;
  selector: string;
  pods: Obj[];
  src: MetricsSource;
  cfg: CalculatorConfig;
  event(type: EventType, reason: string, message: string): void;
}

interface Outcome { replicas: number; metric: string; status?: MetricStatus; reason?: string; error?: string }

const milliString = (milli: number): string => quantityString({ nano: BigInt(milli) * 1_000_000n, format: 'DecimalSI' });
const milliOf = (q: string | undefined): number => Number(quantityMilliValue(quantityOf(q) ?? { nano: 0n, format: 'DecimalSI' }));

/** computeStatusForResourceMetricGeneric. */
async function resourceProposal(inp: MetricsInput, name: string, container: string, target: MetricTarget): Promise<{ replicas: number; metric: string; current: MetricValueStatus }> {
  const i: ResourceInputs = { src: inp.src, cfg: inp.cfg, current: inp.specReplicas, resource: name, namespace: inp.namespace, selector: inp.selector, pods: inp.pods, container };
  if (target.averageValue !== undefined) {
    const r = await rawResourceReplicas(i, milliOf(target.averageValue)).catch((e: Error) => { throw new Error(`failed to get ${name} usage: ${e.message}`); });
    return { replicas: r.replicas, metric: `${name} resource`, current: { averageValue: milliString(r.usage) } };
  }
  if (target.averageUtilization === undefined) throw new Error('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set');
  const r = await resourceReplicas(i, target.averageUtilization).catch((e: Error) => { throw new Error(`failed to get ${name} utilization: ${e.message}`); });
  const metric = container ? `${name} container resource utilization (percentage of request)` : `${name} resource utilization (percentage of request)`;
  return { replicas: r.replicas, metric, current: { averageValue: milliString(r.rawAverage), averageUtilization: r.utilization } };
}

const NO_CUSTOM = 'unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered';

/** computeReplicasForMetric for one metric spec. */
async function proposal(inp: MetricsInput, spec: MetricSpec): Promise<Outcome> {
  const fail = (reason: string, error: string): Outcome => ({ replicas: 0, metric: '', reason, error });
  try {
    if (spec.type === 'Resource' && spec.resource) {
      const r = await resourceProposal(inp, spec.resource.name, '', spec.resource.target);
      return { replicas: r.replicas, metric: r.metric, status: { type: 'Resource', resource: { name: spec.resource.name, current: r.current } } };
    }
    if (spec.type === 'ContainerResource' && spec.containerResource) {
      const c = spec.containerResource;
      const r = await resourceProposal(inp, c.name, c.container, c.target);
      return { replicas: r.replicas, metric: r.metric, status: { type: 'ContainerResource', containerResource: { name: c.name, container: c.container, current: r.current } } };
    }
  } catch (err) {
    const reason = spec.type === 'Resource' ? 'FailedGetResourceMetric' : 'FailedGetContainerResourceMetric';
    return fail(reason, (err as Error).message);
  }
  if (spec.type === 'Pods') return fail('FailedGetPodsMetric', `unable to get metric ${spec.pods?.metric.name}: ${NO_CUSTOM}`);
  if (spec.type === 'Object') {
    const o = spec.object;
    return fail('FailedGetObjectMetric', `unable to get metric ${o?.metric.name}: ${o?.describedObject.kind} on ${inp.namespace} ${o?.describedObject.name}/${NO_CUSTOM}`);
  }
  if (spec.type === 'External') return fail('FailedGetExternalMetric', `unable to get external metric ${inp.namespace}/${spec.external?.metric.name}/nil: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered`);
  return fail('InvalidMetricSourceType', `unknown metric source type "${spec.type}"`);
}

/** The error computeReplicasForMetric returns: the calculator's, wrapped per source type. */
function wrapped(spec: MetricSpec, err: string): string {
  switch (spec.type) {
    case 'Resource': return `failed to get ${spec.resource?.name} resource metric value: ${err}`;
    case 'ContainerResource': return `failed to get ${spec.containerResource?.container} container metric value: ${err}`;
    case 'Pods': return `failed to get pods metric value: ${err}`;
    case 'Object': return `failed to get object metric value: ${err}`;
    case 'External': return `failed to get ${spec.external?.metric.name} external metric value: ${err}`;
    default: return err;
  }
}

export interface MetricsResult { replicas: number; metric: string; statuses: MetricStatus[]; error?: string }

/** computeReplicasForMetrics over the HPA's metric specs (selector already validated). */
export async function computeForMetrics(inp: MetricsInput, specs: MetricSpec[], setCondition: SetCondition): Promise<MetricsResult> {
  const statuses: MetricStatus[] = [];
  let replicas = 0;
  let metric = '';
  let invalid = 0;
  let first: { reason: string; message: string; error: string } | undefined;
  for (const spec of specs) {
    const o = await proposal(inp, spec);
    statuses.push(o.status ?? { type: '' });
    if (o.error !== undefined) {
      inp.event('Warning', o.reason ?? '', o.error);
      first ??= { reason: o.reason ?? '', message: `the HPA was unable to compute the replica count: ${o.error}`, error: wrapped(spec, o.error) };
      invalid++;
      continue;
    }
    if (replicas === 0 || o.replicas > replicas) [replicas, metric] = [o.replicas, o.metric];
  }
  const error = first && `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${first.error}`;
  if (first && (invalid >= specs.length || replicas < inp.specReplicas)) {
    setCondition('ScalingActive', 'False', first.reason, first.message);
    return { replicas: -1, metric: '', statuses, error };
  }
  setCondition('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metric}`);
  return { replicas, metric, statuses, ...(error ? { error } : {}) };
}
