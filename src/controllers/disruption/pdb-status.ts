// A PodDisruptionBudget's status as the disruption controller computes it (v1.32): pods the
// eviction subresource recorded in disruptedPods are not counted healthy for two minutes (and
// dropped from the map once deleted or overdue), disruptionsAllowed = currentHealthy −
// desiredHealthy (never negative, zero while no pods are expected), and the DisruptionAllowed
// condition: SufficientPods, InsufficientPods, or SyncFailed when the sync itself failed.
import type { Obj } from '../../client/types.js';
import { isPodReady, rfc3339 } from '../framework/pods.js';

/** DeletionTimeout: how long an evicted pod may take to show its deletion. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

export interface Condition {
  type: string;
  status: string;
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface PdbStatus {
  observedGeneration?: number;
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: Condition[];
}

export const statusOf = (pdb: Obj): Partial<PdbStatus> => (pdb.status ?? {}) as Partial<PdbStatus>;
const ms = (t: string): number => Date.parse(t);

export interface DisruptedPods {
  kept: Record<string, string>;
  /** The earliest time a kept entry expires (a recheck is due). */
  recheckAt?: number;
  /** Pods that were expected to be deleted by now but were not. */
  overdue: Obj[];
}

/** buildDisruptedPodMap: entries of live, not-yet-deleted pods still within the timeout. */
export function disruptedPodMap(pods: Obj[], pdb: Obj, now: number): DisruptedPods {
  const recorded = statusOf(pdb).disruptedPods;
  const out: DisruptedPods = { kept: {}, overdue: [] };
  if (!recorded) return out;
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    const at = recorded[name];
    if (pod.metadata.deletionTimestamp || at === undefined) continue;
    const expected = ms(at) + DELETION_TIMEOUT_MS;
    if (expected < now) out.overdue.push(pod);
    else {
      if (out.recheckAt === undefined || expected < out.recheckAt) out.recheckAt = expected;
      out.kept[name] = at;
    }
  }
  return out;
}

/** countHealthyPods: ready, not being deleted, not just evicted. */
export function countHealthy(pods: Obj[], disrupted: Record<string, string>, now: number): number {
  let n = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name ?? ''];
    if (at !== undefined && ms(at) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) n++;
  }
  return n;
}

/** meta.SetStatusCondition: the transition time moves only when the status does. */
export function setCondition(conds: Condition[] | undefined, c: Omit<Condition, 'lastTransitionTime'>, now: number): Condition[] {
  const out = (conds ?? []).map((x) => ({ ...x }));
  const cur = out.find((x) => x.type === c.type);
  const full = (x: Omit<Condition, 'lastTransitionTime'>, t: string): Condition =>
    ({ type: x.type, status: x.status, ...(x.observedGeneration ? { observedGeneration: x.observedGeneration } : {}), lastTransitionTime: t, reason: x.reason, message: x.message });
  if (!cur) return [...out, full(c, rfc3339(now))];
  return out.map((x) => (x === cur ? full(c, cur.status !== c.status ? rfc3339(now) : cur.lastTransitionTime) : x));
}

const allowedCondition = (allowed: number, generation: number | undefined) => ({
  type: 'DisruptionAllowed', status: allowed > 0 ? 'True' : 'False', reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
  message: '', ...(generation ? { observedGeneration: generation } : {}),
});

/** pdbhelper.ConditionsAreUpToDate. */
export function conditionsUpToDate(pdb: Obj): boolean {
  const st = statusOf(pdb);
  const cond = st.conditions?.find((c) => c.type === 'DisruptionAllowed');
  if (!cond || (st.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  const want = allowedCondition(st.disruptionsAllowed ?? 0, undefined);
  return cond.status === want.status && cond.reason === want.reason;
}

const sameMap = (a: Record<string, string> | undefined, b: Record<string, string>): boolean =>
  Object.keys(a ?? {}).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a?.[k] === v);

export interface Counts {
  currentHealthy: number;
  desiredHealthy: number;
  expected: number;
}

/** updatePdbStatus: the status to write, or undefined when the current one already says so. */
export function nextStatus(pdb: Obj, c: Counts, disrupted: Record<string, string>, now: number): PdbStatus | undefined {
  const allowed = c.expected <= 0 || c.currentHealthy - c.desiredHealthy <= 0 ? 0 : c.currentHealthy - c.desiredHealthy;
  const st = statusOf(pdb);
  const generation = pdb.metadata.generation ?? 0;
  if (st.currentHealthy === c.currentHealthy && st.desiredHealthy === c.desiredHealthy && st.expectedPods === c.expected
    && st.disruptionsAllowed === allowed && sameMap(st.disruptedPods, disrupted) && (st.observedGeneration ?? 0) === generation
    && conditionsUpToDate(pdb)) return undefined;
  return {
    ...(generation ? { observedGeneration: generation } : {}),
    ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
    disruptionsAllowed: allowed, currentHealthy: c.currentHealthy, desiredHealthy: c.desiredHealthy, expectedPods: c.expected,
    conditions: setCondition(st.conditions, allowedCondition(allowed, generation), now),
  };
}

/** failSafe: no disruptions allowed, and why the sync failed. */
export function failSafeStatus(pdb: Obj, message: string, now: number): PdbStatus {
  const st = statusOf(pdb);
  const gen = st.observedGeneration;
  return {
    ...st, currentHealthy: st.currentHealthy ?? 0, desiredHealthy: st.desiredHealthy ?? 0, expectedPods: st.expectedPods ?? 0,
    disruptionsAllowed: 0,
    conditions: setCondition(st.conditions, { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message, ...(gen ? { observedGeneration: gen } : {}) }, now),
  };
}
