// reconcileAutoscaler: one sync of one HPA, in upstream's order — get the target's scale
// (AbleToScale), check the selector (one HPA per set of pods), compute the metrics' proposal
// (ScalingActive), normalize it, rescale, and write the status only if it changed.
import type { ControllerContext } from '../framework/controller.js';
import type { EventType } from '../framework/events.js';
import type { Informer } from '../framework/informer.js';
import { rfc3339 } from '../framework/pods.js';
import { REFS } from '../../client/refs.js';
import type { Obj, ResourceRef } from '../../client/types.js';
import { matchesLabels, parseLabelSelector, type LabelSelector } from '../../api/selectors/labels.js';
import { computeForMetrics, type MetricsResult } from './compute.js';
import { setConditionIn } from './conditions.js';
import type { MetricsSource } from './metrics.js';
import { defaultRules, normalize, normalizeWithBehaviors, storeScaleEvent, type ScaleHistory } from './normalize.js';
import type { CalculatorConfig } from './replica-calculator.js';
import { getScale, scaleTargetResource, updateScale } from './scale-target.js';
import { asHPA, type HPA, type HPACondition, type HPAStatus, type MetricSpec, type MetricStatus, type Scale } from './types.js';

export interface AutoscalerEnv {
  ctx: ControllerContext;
  hpas: Informer<HPA>;
  pods: Informer<Obj>;
  src: MetricsSource;
  history: ScaleHistory;
  /** The last selector each HPA's target had, to tell when two HPAs select the same pods. */
  selectors: Map<string, LabelSelector>;
  downscaleWindowMs: number;
  cfg: CalculatorConfig;
}

const DEFAULT_METRICS: MetricSpec[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];

/** Deep equality that ignores key order (apiequality.Semantic on JSON). */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** One sync of one HPA: its evolving status and how to report. */
class Run {
  conditions: HPACondition[];
  readonly now: number;
  readonly ns: string;
  readonly reference: string;

  constructor(readonly env: AutoscalerEnv, readonly hpa: HPA, readonly key: string) {
    this.now = env.ctx.now();
    this.ns = hpa.metadata.namespace ?? '';
    this.conditions = [...(hpa.status?.conditions ?? [])];
    const t = hpa.spec?.scaleTargetRef;
    this.reference = `${t?.kind}/${this.ns}/${t?.name}`;
  }

  setCondition = (type: string, status: 'True' | 'False', reason: string, message: string): void => {
    this.conditions = setConditionIn(this.conditions, this.now, type, status, reason, message);
  };

  event = (type: EventType, reason: string, message: string): void => this.env.ctx.recorder.event(asHPA(this.hpa), type, reason, message);

  /** setStatus + updateStatusIfNeeded. */
  async save(current: number, desired: number, metrics: MetricStatus[] | undefined, rescaled: boolean): Promise<void> {
    const prev = this.hpa.status ?? { desiredReplicas: 0 };
    const status = { ...(prev.observedGeneration !== undefined ? { observedGeneration: prev.observedGeneration } : {}) } as HPAStatus;
    const lastScaleTime = rescaled ? rfc3339(this.now) : prev.lastScaleTime;
    if (lastScaleTime) status.lastScaleTime = lastScaleTime;
    if (current) status.currentReplicas = current;
    status.desiredReplicas = desired;
    if (metrics?.length) status.currentMetrics = metrics;
    if (this.conditions.length) status.conditions = this.conditions;
    if (canonical(status) === canonical({ ...prev, desiredReplicas: prev.desiredReplicas ?? 0 })) return;
    try {
      await this.env.ctx.client.update(REFS.hpas, asHPA({ ...this.hpa, status }), { subresource: 'status' });
    } catch (err) {
      this.event('Warning', 'FailedUpdateStatus', (err as Error).message);
      throw new Error(`failed to update status for ${this.hpa.metadata.name}: ${(err as Error).message}`);
    }
  }
}

/** The target's resource and scale; on failure AbleToScale=False (FailedGetScale) is saved and thrown. */
async function readTarget(run: Run): Promise<{ ref: ResourceRef; scale: Scale }> {
  const t = run.hpa.spec?.scaleTargetRef;
  try {
    const ref = await scaleTargetResource(t?.apiVersion, t?.kind ?? '', run.env.ctx.discover);
    return { ref, scale: await getScale(run.env.ctx.client, ref, run.ns, t?.name ?? '') };
  } catch (err) {
    const msg = (err as Error).message;
    run.event('Warning', 'FailedGetScale', msg);
    run.setCondition('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${msg}`);
    await run.save(run.hpa.status?.currentReplicas ?? 0, run.hpa.status?.desiredReplicas ?? 0, run.hpa.status?.currentMetrics, false);
    throw new Error(`failed to query scale subresource for ${run.reference}: ${msg}`);
  }
}

/** validateAndParseSelector: the pods the target selects, or why not (ScalingActive=False). */
function selectedPods(run: Run, text: string | undefined): { error: string } | { text: string; pods: Obj[] } {
  const invalid = (reason: string, event: string, message: string, error: string) => {
    run.event('Warning', event, error);
    run.setCondition('ScalingActive', 'False', reason, message);
    return { error };
  };
  if (!text) return invalid('InvalidSelector', 'SelectorRequired', "the HPA target's scale is missing a selector", 'selector is required');
  let sel: LabelSelector;
  try {
    sel = parseLabelSelector(text);
  } catch (err) {
    const msg = `couldn't convert selector into a corresponding internal selector object: ${(err as Error).message}`;
    return invalid('InvalidSelector', 'InvalidSelector', msg, msg);
  }
  run.env.selectors.set(run.key, sel);
  const pods = run.env.pods.list(run.ns).filter((p) => matchesLabels(sel, p.metadata.labels));
  const controlling = [...run.env.selectors].filter(([k, s]) => k.startsWith(`${run.ns}/`) && pods.some((p) => matchesLabels(s, p.metadata.labels))).map(([k]) => k).sort();
  if (controlling.length > 1) {
    const msg = `pods by selector ${text} are controlled by multiple HPAs: [${controlling.join(' ')}]`;
    return invalid('AmbiguousSelector', 'AmbiguousSelector', msg, msg);
  }
  return { text, pods };
}

/** The metrics' proposal, normalized; when nothing could be computed the status is saved and it throws. */
async function metricsDecision(run: Run, scale: Scale, current: number, min: number): Promise<{ desired: number; reason: string; statuses: MetricStatus[] }> {
  const spec = run.hpa.spec!;
  const sel = selectedPods(run, scale.status?.selector);
  let result: MetricsResult;
  if ('error' in sel) result = { replicas: -1, metric: '', statuses: [], error: sel.error };
  else {
    const input = { namespace: run.ns, specReplicas: current, selector: sel.text, pods: sel.pods, src: run.env.src, cfg: run.env.cfg, event: run.event };
    result = await computeForMetrics(input, spec.metrics?.length ? spec.metrics : DEFAULT_METRICS, run.setCondition);
  }
  if (result.error !== undefined && result.replicas === -1) {
    await run.save(current, run.hpa.status?.desiredReplicas ?? 0, result.statuses, false);
    run.event('Warning', 'FailedComputeMetricsReplicas', result.error);
    throw new Error(`failed to compute desired number of replicas based on listed metrics for ${run.reference}: ${result.error}`);
  }
  const desired = Math.max(0, result.replicas);
  const reason = desired > current ? `${result.metric} above target` : desired < current ? 'All metrics below target' : '';
  return { desired: normalized(run, current, desired, min), reason, statuses: result.statuses };
}

function behaviorRules(run: Run) {
  const b = run.hpa.spec?.behavior;
  if (!b) return undefined;
  const down = Math.trunc(run.env.downscaleWindowMs / 1000);
  return { up: defaultRules(b.scaleUp, true, down), down: defaultRules(b.scaleDown, false, down) };
}

function normalized(run: Run, current: number, desired: number, min: number): number {
  const args = { key: run.key, current, desired, min, max: run.hpa.spec?.maxReplicas ?? 0, now: run.now, setCondition: run.setCondition };
  const rules = behaviorRules(run);
  if (!rules) return normalize(run.env.history, args, run.env.downscaleWindowMs);
  return normalizeWithBehaviors(run.env.history, { ...args, scaleUp: rules.up, scaleDown: rules.down });
}

/** The replica count to set and why, from the bounds or the metrics. */
async function decide(run: Run, scale: Scale, current: number): Promise<{ desired: number; reason: string; statuses?: MetricStatus[]; rescale: boolean }> {
  const min = run.hpa.spec?.minReplicas ?? 1;
  const max = run.hpa.spec?.maxReplicas ?? 0;
  if (current === 0 && min !== 0) {
    run.setCondition('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    return { desired: 0, reason: '', rescale: false };
  }
  if (current > max) return { desired: max, reason: 'Current number of replicas above Spec.MaxReplicas', rescale: true };
  if (current < min) return { desired: min, reason: 'Current number of replicas below Spec.MinReplicas', rescale: true };
  const d = await metricsDecision(run, scale, current, min);
  return { ...d, rescale: d.desired !== current };
}

export async function reconcileAutoscaler(env: AutoscalerEnv, hpa: HPA, key: string): Promise<void> {
  const run = new Run(env, hpa, key);
  const { ref, scale } = await readTarget(run);
  run.setCondition('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
  const current = scale.spec?.replicas ?? 0;
  env.history.recordInitial(key, current, run.now);
  const d = await decide(run, scale, current);
  if (!d.rescale) return run.save(current, current, d.statuses, false);
  try {
    await updateScale(env.ctx.client, ref, scale, d.desired);
  } catch (err) {
    const msg = (err as Error).message;
    run.event('Warning', 'FailedRescale', `New size: ${d.desired}; reason: ${d.reason}; error: ${msg}`);
    run.setCondition('AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${msg}`);
    await run.save(current, hpa.status?.desiredReplicas ?? 0, d.statuses, false);
    throw new Error(`failed to rescale ${run.reference}: ${msg}`);
  }
  run.setCondition('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${d.desired}`);
  run.event('Normal', 'SuccessfulRescale', `New size: ${d.desired}; reason: ${d.reason}`);
  storeScaleEvent(env.history, key, behaviorRules(run), current, d.desired, run.now);
  await run.save(current, d.desired, d.statuses, true);
}
