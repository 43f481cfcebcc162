// Recreate: scale every old ReplicaSet to 0, wait until none of their pods is left running
// (pods being deleted still count), and only then create or scale up the new ReplicaSet.
import type { Obj } from '../../client/types.js';
import { podStatus } from '../framework/pods.js';
import { cleanupDeployment } from './cleanup.js';
import { getAllReplicaSets } from './new-rs.js';
import { deploymentComplete } from './progress.js';
import type { SyncState } from './sync-state.js';
import { activeReplicaSets, actualReplicaCount, replicasOf } from './types.js';

export function oldPodsRunning(newRS: Obj | undefined, oldRSs: Obj[], podMap: Map<string, Obj[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    if (pods.some((p) => podStatus(p).phase !== 'Failed' && podStatus(p).phase !== 'Succeeded')) return true;
  }
  return false;
}

async function scaleDownOld(s: SyncState, activeOld: Obj[]): Promise<boolean> {
  let scaled = false;
  for (const rs of activeOld) {
    if ((await s.scaleReplicaSetAndRecordEvent(rs, 0)).scaled) scaled = true;
  }
  return scaled;
}

export async function rolloutRecreate(s: SyncState): Promise<void> {
  let { newRS, oldRSs } = await getAllReplicaSets(s, false);
  let all = [...oldRSs, newRS];
  if (await scaleDownOld(s, activeReplicaSets(oldRSs))) return s.syncRolloutStatus(all, newRS);
  if (oldPodsRunning(newRS, oldRSs, s.podMap)) return s.syncRolloutStatus(all, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = await getAllReplicaSets(s, true));
    all = [...oldRSs, newRS];
  }
  if (newRS) await s.scaleReplicaSetAndRecordEvent(newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, s.status)) await cleanupDeployment(s, oldRSs);
  return s.syncRolloutStatus(all, newRS);
}
