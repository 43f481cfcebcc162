// syncDeployment's steps after the ReplicaSets are claimed: a Deployment being deleted only
// gets its status; pausing and resuming set an Unknown Progressing condition (so a paused
// rollout does not time out); a paused Deployment or a change of spec.replicas only scales;
// anything else is a rollout by the strategy.
import { PROGRESSING, REASON, getCondition, newCondition, setCondition } from './conditions.js';
import { cleanupDeployment } from './cleanup.js';
import { getAllReplicaSets } from './new-rs.js';
import { rolloutRecreate } from './recreate.js';
import { rolloutRolling } from './rolling.js';
import { isScalingEvent, scale } from './scale.js';
import type { SyncState } from './sync-state.js';
import { RECREATE, ROLLING_UPDATE, hasProgressDeadline } from './types.js';

export async function syncStatusOnly(s: SyncState): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSets(s, false);
  await s.syncDeploymentStatus([...oldRSs, newRS], newRS);
}

/** sync: scaling events and paused Deployments. */
export async function syncScaling(s: SyncState): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSets(s, false);
  await scale(s, newRS, oldRSs);
  if (s.d.spec.paused) await cleanupDeployment(s, oldRSs);
  await s.syncDeploymentStatus([...oldRSs, newRS], newRS);
}

export async function checkPausedConditions(s: SyncState): Promise<void> {
  if (!hasProgressDeadline(s.d)) return;
  const cond = getCondition(s.d.status, PROGRESSING);
  if (cond?.reason === REASON.timedOut) return;
  const pausedNoted = cond?.reason === REASON.paused;
  const now = s.ctx.now();
  if (s.d.spec.paused && !pausedNoted) setCondition(s.status, newCondition(PROGRESSING, 'Unknown', REASON.paused, 'Deployment is paused', now));
  else if (!s.d.spec.paused && pausedNoted) setCondition(s.status, newCondition(PROGRESSING, 'Unknown', REASON.resumed, 'Deployment is resumed', now));
  else return;
  await s.writeStatus();
}

export async function syncDeployment(s: SyncState): Promise<void> {
  if (s.d.metadata.deletionTimestamp) return syncStatusOnly(s);
  await checkPausedConditions(s);
  if (s.d.spec.paused) return syncScaling(s);
  if (await isScalingEvent(s)) return syncScaling(s);
  const type = s.d.spec.strategy?.type ?? ROLLING_UPDATE;
  if (type === RECREATE) return rolloutRecreate(s);
  if (type === ROLLING_UPDATE) return rolloutRolling(s);
  throw new Error(`unexpected deployment strategy type: ${type}`);
}
