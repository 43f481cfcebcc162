// A Deployment's status from its ReplicaSets, and the rollout's progress against
// progressDeadlineSeconds: the Progressing condition moves to ReplicaSetUpdated while pods are
// updated or become ready, to NewReplicaSetAvailable when the rollout completes, and to
// ProgressDeadlineExceeded when nothing happened for the deadline.
import type { Obj } from '../../client/types.js';
import { statusOf } from '../replicaset/kinds.js';
import { AVAILABLE, PROGRESSING, REASON, REPLICA_FAILURE, getCondition, newCondition, removeCondition, setCondition } from './conditions.js';
import { maxUnavailable } from './intstr.js';
import {
  actualReplicaCount, availableReplicaCount, hasProgressDeadline, readyReplicaCount, replicaCount, replicasOf,
  type Deployment, type DeploymentCondition, type DeploymentStatus,
} from './types.js';

/** Status fields in the API's order, zero values left out as omitempty does. */
export function statusJson(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const k of ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) {
    if (s[k]) out[k] = s[k];
  }
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.collisionCount !== undefined && s.collisionCount !== null) out.collisionCount = s.collisionCount;
  return out;
}

export function calculateStatus(allRSs: (Obj | undefined)[], newRS: Obj | undefined, d: Deployment, now: number): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, replicaCount(allRSs) - available),
    conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
    collisionCount: d.status?.collisionCount,
  };
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition(AVAILABLE, 'True', REASON.minimumAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition(AVAILABLE, 'False', REASON.minimumUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return statusJson(status);
}

export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const want = replicasOf(d);
  return (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** Whether the new status shows progress over the one in d. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, PROGRESSING);
  if (!c || c.reason === REASON.newRSAvailable) return false;
  if (c.reason === REASON.timedOut) return true;
  const from = c.lastUpdateTime ? Date.parse(c.lastUpdateTime) : 0;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < now;
}

const rsName = (rs: Obj | undefined, d: Deployment) => (rs ? `ReplicaSet "${rs.metadata.name}"` : `Deployment "${d.metadata.name}"`);

function progressingCondition(d: Deployment, newRS: Obj | undefined, s: DeploymentStatus, now: number): void {
  const cur = getCondition(d.status, PROGRESSING);
  if (deploymentComplete(d, s)) {
    setCondition(s, newCondition(PROGRESSING, 'True', REASON.newRSAvailable, `${rsName(newRS, d)} has successfully progressed.`, now));
  } else if (deploymentProgressing(d, s)) {
    // Progress refreshes lastUpdateTime even when the reason stays the same.
    const c = newCondition(PROGRESSING, 'True', REASON.replicaSetUpdated, `${rsName(newRS, d)} is progressing.`, now);
    if (cur?.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
    if (cur) removeCondition(s, PROGRESSING);
    setCondition(s, c);
  } else if (deploymentTimedOut(d, s, now)) {
    setCondition(s, newCondition(PROGRESSING, 'False', REASON.timedOut, `${rsName(newRS, d)} has timed out progressing.`, now));
  }
}

/** ReplicaFailure conditions of the new ReplicaSet, else of any ReplicaSet, as deployment conditions. */
function replicaFailures(allRSs: (Obj | undefined)[], newRS: Obj | undefined): DeploymentCondition[] {
  const of = (rs: Obj | undefined) => (rs ? statusOf(rs).conditions ?? [] : []).filter((c) => c.type === REPLICA_FAILURE)
    .map((c) => ({ type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message }));
  const fromNew = of(newRS);
  return fromNew.length ? fromNew : allRSs.flatMap(of);
}

/** syncRolloutStatus's new status: counts, Available, Progressing and ReplicaFailure. */
export function rolloutStatus(allRSs: (Obj | undefined)[], newRS: Obj | undefined, d: Deployment, now: number): DeploymentStatus {
  const s = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(s, PROGRESSING);
  const cur = getCondition(d.status, PROGRESSING);
  const complete = s.replicas === s.updatedReplicas && cur?.reason === REASON.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) progressingCondition(d, newRS, s, now);
  const failure = replicaFailures(allRSs, newRS)[0];
  if (failure) setCondition(s, failure);
  else removeCondition(s, REPLICA_FAILURE);
  return statusJson(s);
}

/** When to look again for a progress check (requeueStuckDeployment), if at all. */
export function progressRequeue(d: Deployment, s: DeploymentStatus, now: number): number | undefined {
  const c = getCondition(s, PROGRESSING);
  if (!hasProgressDeadline(d) || !c) return undefined;
  if (deploymentComplete(d, s) || c.reason === REASON.timedOut) return undefined;
  const after = (c.lastUpdateTime ? Date.parse(c.lastUpdateTime) : 0) + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - now;
  // A second more, as upstream adds, so the deadline has passed when we look.
  return Math.max(0, after) + 1000;
}
