// Scaling without a rollout (spec.replicas changed, or the Deployment is paused): one active
// ReplicaSet takes the whole count; with a saturated new ReplicaSet the old ones go to 0;
// otherwise, mid-rollout, the change is spread over the active ReplicaSets in proportion to
// their size (largest first, leftovers to the first), as upstream's proportional scaling does.
import type { Obj } from '../../client/types.js';
import { statusOf } from '../replicaset/kinds.js';
import { DESIRED_REPLICAS, MAX_REPLICAS, intAnnotation } from './annotations.js';
import { maxSurge } from './intstr.js';
import { getAllReplicaSets } from './new-rs.js';
import { byCreation, bySizeNewer, bySizeOlder } from './rs-sort.js';
import type { SyncState } from './sync-state.js';
import { activeReplicaSets, isRollingUpdate, replicaCount, replicasOf, rsReplicas, type Deployment } from './types.js';

/** Whether an active ReplicaSet was last sized for another spec.replicas. */
export async function isScalingEvent(s: SyncState): Promise<boolean> {
  const { newRS, oldRSs } = await getAllReplicaSets(s, false);
  return activeReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = intAnnotation(rs, DESIRED_REPLICAS);
    return desired !== undefined && desired !== replicasOf(s.d);
  });
}

/** The only active ReplicaSet, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(newRS: Obj | undefined, oldRSs: Obj[]): Obj | undefined {
  const newestFirst = [...oldRSs].sort(byCreation).reverse();
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

export function isSaturated(d: Deployment, rs: Obj | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS);
  const want = replicasOf(d);
  return rsReplicas(rs) === want && desired === want && (statusOf(rs).availableReplicas ?? 0) === want;
}

const roundHalfAway = (x: number): number => Math.sign(x) * Math.floor(Math.abs(x) + 0.5);

function fraction(rs: Obj, d: Deployment): number {
  if (replicasOf(d) === 0) return -rsReplicas(rs);
  const maxNow = replicasOf(d) + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS);
  const before = annotated ? annotated : d.status?.replicas ?? 0;
  if (before === 0) return 0;
  return roundHalfAway((rsReplicas(rs) * maxNow) / before) - rsReplicas(rs);
}

/** GetReplicaSetProportion: rs's share of toAdd, never past what is left to add. */
export function proportion(rs: Obj, d: Deployment, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = fraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

async function scaleProportionally(s: SyncState, newRS: Obj | undefined, oldRSs: Obj[]): Promise<void> {
  const d = s.d;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - replicaCount(all);
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) all.sort(bySizeOlder);
  let added = 0;
  const sizes = all.map((rs) => {
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return rsReplicas(rs) + p;
  });
  for (const [i, rs] of all.entries()) {
    let size = sizes[i] ?? 0;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    await s.scaleReplicaSet(rs, size);
  }
}

export async function scale(s: SyncState, newRS: Obj | undefined, oldRSs: Obj[]): Promise<void> {
  const target = findActiveOrLatest(newRS, oldRSs);
  if (target) {
    if (rsReplicas(target) !== replicasOf(s.d)) await s.scaleReplicaSetAndRecordEvent(target, replicasOf(s.d));
    return;
  }
  if (isSaturated(s.d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) await s.scaleReplicaSetAndRecordEvent(old, 0);
    return;
  }
  if (isRollingUpdate(s.d)) await scaleProportionally(s, newRS, oldRSs);
}
