// revisionHistoryLimit: once a rollout is complete (or while paused), old ReplicaSets past the
// limit are deleted, lowest revision first, but only those already scaled to 0 with no pods
// left and their latest spec observed.
import type { Obj } from '../../client/types.js';
import { isNotFound } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { statusOf } from '../replicaset/kinds.js';
import { byRevision } from './rs-sort.js';
import type { SyncState } from './sync-state.js';
import { hasRevisionHistoryLimit, rsReplicas } from './types.js';

const deletable = (rs: Obj): boolean =>
  (statusOf(rs).replicas ?? 0) === 0 && rsReplicas(rs) === 0 && !rs.metadata.deletionTimestamp &&
  (rs.metadata.generation ?? 0) <= (statusOf(rs).observedGeneration ?? 0);

export async function cleanupDeployment(s: SyncState, oldRSs: Obj[]): Promise<void> {
  if (!hasRevisionHistoryLimit(s.d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision);
  const diff = cleanable.length - (s.d.spec.revisionHistoryLimit ?? 0);
  for (const rs of cleanable.slice(0, Math.max(0, diff))) {
    if (!deletable(rs)) continue;
    s.ctx.log(`deployment ${s.d.metadata.namespace}/${s.d.metadata.name}: cleaning up replica set ${rs.metadata.name}`);
    try {
      await s.ctx.client.delete(REFS.replicasets, rs.metadata.namespace ?? '', rs.metadata.name ?? '');
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
