// Turning a metric's proposal into the replica count to set (normalizeDesiredReplicas and
// …WithBehaviors): recommendations are remembered per HPA so a scale-down waits out the
// stabilization window (300 s by default) at the highest recent recommendation; without a
// behavior a scale-up is capped at max(2 × current, 4), with one the scale-up / scale-down
// policies limit the change per period. Conditions AbleToScale and ScalingLimited say what won.
import type { SetCondition } from './conditions.js';
import type { ScalingPolicy, ScalingRules } from './types.js';

interface Recommendation { replicas: number; at: number }
interface ScaleEvent { change: number; at: number; outdated: boolean }

/** What the controller remembers between syncs (lost on restart, as upstream's maps are). */
export class ScaleHistory {
  readonly recommendations = new Map<string, Recommendation[]>();
  readonly up = new Map<string, ScaleEvent[]>();
  readonly down = new Map<string, ScaleEvent[]>();

  forget(key: string): void {
    this.recommendations.delete(key);
    this.up.delete(key);
    this.down.delete(key);
  }

  /** recordInitialRecommendation. */
  recordInitial(key: string, current: number, now: number): void {
    if (!this.recommendations.has(key)) this.recommendations.set(key, [{ replicas: current, at: now }]);
  }

  /** Replaces the first sample older than both cutoffs, else appends. */
  record(key: string, replicas: number, now: number, isOld: (r: Recommendation) => boolean): void {
    const list = this.recommendations.get(key) ?? [];
    let oldest = -1;
    list.forEach((r, i) => { if (isOld(r)) oldest = i; });
    if (oldest >= 0) list[oldest] = { replicas, at: now };
    else list.push({ replicas, at: now });
    this.recommendations.set(key, list);
  }
}

export interface NormalizeArgs {
  key: string;
  current: number;
  desired: number;
  min: number;
  max: number;
  now: number;
  setCondition: SetCondition;
}

/** convertDesiredReplicasWithRules. */
function withRules(current: number, desired: number, min: number, max: number): [number, string, string] {
  const scaleUpLimit = Math.max(2 * current, 4);
  let upper = max;
  let reason = 'TooManyReplicas';
  let message = 'the desired replica count is more than the maximum replica count';
  if (max > scaleUpLimit) [upper, reason, message] = [scaleUpLimit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'];
  if (desired < min) return [min, 'TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
  if (desired > upper) return [upper, reason, message];
  return [desired, 'DesiredWithinRange', 'the desired count is within the acceptable range'];
}

/** normalizeDesiredReplicas (no behavior): the downscale stabilization window and the rules. */
export function normalize(h: ScaleHistory, a: NormalizeArgs, windowMs: number): number {
  const cutoff = a.now - windowMs;
  let stabilized = a.desired;
  for (const r of h.recommendations.get(a.key) ?? []) if (r.at >= cutoff && r.replicas > stabilized) stabilized = r.replicas;
  h.record(a.key, a.desired, a.now, (r) => r.at < cutoff);
  if (stabilized !== a.desired) a.setCondition('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation');
  else a.setCondition('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
  const [replicas, reason, message] = withRules(a.current, stabilized, a.min, a.max);
  a.setCondition('ScalingLimited', replicas === stabilized ? 'False' : 'True', reason, message);
  return replicas;
}

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules, as the apiserver defaults a behavior. */
export function defaultRules(r: ScalingRules | undefined, up: boolean, downWindowSeconds: number): Required<ScalingRules> {
  const policies: ScalingPolicy[] = up
    ? [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }]
    : [{ type: 'Percent', value: 100, periodSeconds: 15 }];
  return {
    stabilizationWindowSeconds: r?.stabilizationWindowSeconds ?? (up ? 0 : downWindowSeconds),
    selectPolicy: r?.selectPolicy ?? 'Max',
    policies: r?.policies?.length ? r.policies : policies,
  };
}

/** getReplicasChangePerPeriod. */
const changeIn = (periodSeconds: number, events: ScaleEvent[], now: number): number =>
  events.filter((e) => e.at > now - periodSeconds * 1000).reduce((n, e) => n + e.change, 0);

/** calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors. */
function limit(up: boolean, current: number, h: ScaleHistory, key: string, rules: Required<ScalingRules>, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickLargest = (rules.selectPolicy === 'Min') !== up;
  let result = pickLargest ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const start = current - changeIn(p.periodSeconds, h.up.get(key) ?? [], now) + changeIn(p.periodSeconds, h.down.get(key) ?? [], now);
    let proposed: number;
    if (up) proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    else proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pickLargest ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

export interface BehaviorArgs extends NormalizeArgs {
  scaleUp: Required<ScalingRules>;
  scaleDown: Required<ScalingRules>;
}

/** stabilizeRecommendationWithBehaviors. */
function stabilize(h: ScaleHistory, a: BehaviorArgs): [number, string, string] {
  const upCutoff = a.now - a.scaleUp.stabilizationWindowSeconds * 1000;
  const downCutoff = a.now - a.scaleDown.stabilizationWindowSeconds * 1000;
  let upRec = a.desired;
  let downRec = a.desired;
  for (const r of h.recommendations.get(a.key) ?? []) {
    if (r.at > upCutoff) upRec = Math.min(upRec, r.replicas);
    if (r.at > downCutoff) downRec = Math.max(downRec, r.replicas);
  }
  const replicas = Math.min(Math.max(a.current, upRec), downRec);
  h.record(a.key, a.desired, a.now, (r) => r.at < upCutoff && r.at < downCutoff);
  if (a.desired >= a.current) return [replicas, 'ScaleUpStabilized', 'recent recommendations were lower than current one, applying the lowest recent recommendation'];
  return [replicas, 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation'];
}

/** convertDesiredReplicasWithBehaviorRate. */
function withRate(h: ScaleHistory, a: BehaviorArgs, desired: number): [number, string, string] {
  if (desired > a.current) {
    const upLimit = Math.max(limit(true, a.current, h, a.key, a.scaleUp, a.now), a.current);
    if (a.max > upLimit) {
      if (desired > upLimit) return [upLimit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'];
    } else if (desired > a.max) return [a.max, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
  } else if (desired < a.current) {
    const downLimit = Math.min(limit(false, a.current, h, a.key, a.scaleDown, a.now), a.current);
    if (a.min < downLimit) {
      if (desired < downLimit) return [downLimit, 'ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'];
    } else if (desired < a.min) return [a.min, 'TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
  }
  return [desired, 'DesiredWithinRange', 'the desired count is within the acceptable range'];
}

/** normalizeDesiredReplicasWithBehaviors. */
export function normalizeWithBehaviors(h: ScaleHistory, a: BehaviorArgs): number {
  const [stabilized, reason, message] = stabilize(h, a);
  if (stabilized !== a.desired) a.setCondition('AbleToScale', 'True', reason, message);
  else a.setCondition('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
  const [replicas, limitReason, limitMessage] = withRate(h, a, stabilized);
  a.setCondition('ScalingLimited', replicas === stabilized ? 'False' : 'True', limitReason, limitMessage);
  return replicas;
}

/** storeScaleEvent: only HPAs with a behavior keep them; outdated ones are reused. */
export function storeScaleEvent(h: ScaleHistory, key: string, rules: { up: Required<ScalingRules>; down: Required<ScalingRules> } | undefined, prev: number, next: number, now: number): void {
  if (!rules) return;
  const up = next > prev;
  const map = up ? h.up : h.down;
  const longest = Math.max(0, ...(up ? rules.up : rules.down).policies.map((p) => p.periodSeconds));
  const events = map.get(key) ?? [];
  let reuse = -1;
  events.forEach((e, i) => {
    if (e.at < now - longest * 1000) e.outdated = true;
    if (e.outdated) reuse = i;
  });
  const event: ScaleEvent = { change: Math.abs(next - prev), at: now, outdated: false };
  if (reuse >= 0) events[reuse] = event;
  else events.push(event);
  map.set(key, events);
}
