// RollingUpdate: scale the new ReplicaSet up while all pods stay within spec.replicas +
// maxSurge, then scale old ones down while available pods stay at least spec.replicas -
// maxUnavailable (old ReplicaSets' unavailable pods first, since removing them costs nothing).
import type { Obj } from '../../client/types.js';
import { statusOf } from '../replicaset/kinds.js';
import { cleanupDeployment } from './cleanup.js';
import { maxUnavailable } from './intstr.js';
import { getAllReplicaSets, newRSNewReplicas } from './new-rs.js';
import { deploymentComplete } from './progress.js';
import { byCreation } from './rs-sort.js';
import type { SyncState } from './sync-state.js';
import { activeReplicaSets, availableReplicaCount, replicaCount, replicasOf, rsReplicas } from './types.js';

async function reconcileNewReplicaSet(s: SyncState, all: Obj[], newRS: Obj): Promise<boolean> {
  const want = replicasOf(s.d);
  if (rsReplicas(newRS) === want) return false;
  const target = rsReplicas(newRS) > want ? want : newRSNewReplicas(s.d, all, newRS);
  return (await s.scaleReplicaSetAndRecordEvent(newRS, target)).scaled;
}

/** Scales down old ReplicaSets' unavailable pods, oldest ReplicaSet first, up to max. */
async function cleanupUnhealthyReplicas(s: SyncState, oldRSs: Obj[], max: number): Promise<{ oldRSs: Obj[]; count: number }> {
  const sorted = [...oldRSs].sort(byCreation);
  let total = 0;
  for (const [i, rs] of sorted.entries()) {
    if (total >= max) break;
    const available = statusOf(rs).availableReplicas ?? 0;
    if (rsReplicas(rs) === 0 || rsReplicas(rs) === available) continue;
    const down = Math.min(max - total, rsReplicas(rs) - available);
    const next = rsReplicas(rs) - down;
    if (next > rsReplicas(rs)) throw new Error(`when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${rsReplicas(rs)} -> ${next}`);
    sorted[i] = (await s.scaleReplicaSetAndRecordEvent(rs, next)).rs;
    total += down;
  }
  return { oldRSs: sorted, count: total };
}

/** Scales old ReplicaSets down, oldest first, as far as availability above the minimum allows. */
async function scaleDownOldForRollingUpdate(s: SyncState, all: Obj[], oldRSs: Obj[]): Promise<number> {
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const available = availableReplicaCount(all);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (rsReplicas(rs) === 0) continue;
    const down = Math.min(rsReplicas(rs), target - total);
    const next = rsReplicas(rs) - down;
    if (next > rsReplicas(rs)) throw new Error(`when scaling down old RS, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${rsReplicas(rs)} -> ${next}`);
    await s.scaleReplicaSetAndRecordEvent(rs, next);
    total += down;
  }
  return total;
}

async function reconcileOldReplicaSets(s: SyncState, all: Obj[], oldRSs: Obj[], newRS: Obj): Promise<boolean> {
  if (replicaCount(oldRSs) === 0) return false;
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const newUnavailable = rsReplicas(newRS) - (statusOf(newRS).availableReplicas ?? 0);
  const maxScaledDown = replicaCount(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // Upstream carries on (to the status update) when either step fails.
  try {
    const cleaned = await cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
    const scaledDown = await scaleDownOldForRollingUpdate(s, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
    return cleaned.count + scaledDown > 0;
  } catch (err) {
    s.ctx.log(`deployment ${s.d.metadata.namespace}/${s.d.metadata.name}: ${(err as Error).message}`);
    return false;
  }
}

export async function rolloutRolling(s: SyncState): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSets(s, true);
  if (!newRS) return;
  const all = [...oldRSs, newRS];
  if (await reconcileNewReplicaSet(s, all, newRS)) return s.syncRolloutStatus(all, newRS);
  if (await reconcileOldReplicaSets(s, all, activeReplicaSets(oldRSs), newRS)) return s.syncRolloutStatus(all, newRS);
  if (deploymentComplete(s.d, s.status)) await cleanupDeployment(s, oldRSs);
  return s.syncRolloutStatus(all, newRS);
}
