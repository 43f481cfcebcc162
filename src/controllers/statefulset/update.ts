// updateStatefulSet: lay the pods out by ordinal, create the missing ones (in order, each only
// once its predecessors are Running and Ready, unless podManagementPolicy is Parallel), fix
// identity and storage, remove pods beyond replicas from the highest ordinal down, and for
// RollingUpdate replace pods at or above the partition from the highest down, one at a time.
import { isNotFound } from '../../client/types.js';
import { slowStart } from '../job/pod-control.js';
import { claimsMatchPolicy, createClaims, podClaimIsStale, updateClaimsForPolicy, type ClaimDeps } from './claims.js';
import type { Revisions } from './revisions.js';
import { applyRevision } from './revisions.js';
import {
  identityMatches, inOrdinalRange, isCreated, isHealthy, isRunningAndAvailable, isRunningAndReady, isTerminating,
  newStatefulSetPod, ordinalOf, replicasOf, revisionOf, startOrdinal, storageMatches,
} from './identity.js';
import { createStatefulPod, deleteStatefulPod, updateStatefulPod } from './pod-control.js';
import type { SetPod, StatefulSet } from './types.js';

export interface SetDeps extends ClaimDeps {
  now: () => number;
}

interface Layout {
  replicas: SetPod[];
  condemned: SetPod[];
  firstUnhealthy?: SetPod;
}

/** newVersionedStatefulSetPod: below the partition at the current revision, else at the update revision. */
function versionedPod(set: StatefulSet, r: Revisions, ordinal: number): SetPod {
  const s = set.spec?.updateStrategy;
  const start = startOrdinal(set);
  const atCurrent = (s?.type === 'RollingUpdate' && !s.rollingUpdate && ordinal < start + (set.status?.currentReplicas ?? 0))
    || (!!s?.rollingUpdate && ordinal < start + (s.rollingUpdate.partition ?? 0));
  const rev = atCurrent ? r.current : r.update;
  return newStatefulSetPod(applyRevision(set, rev), ordinal, rev.metadata.name ?? '');
}

function layout(set: StatefulSet, pods: SetPod[], r: Revisions): Layout {
  const start = startOrdinal(set);
  const replicas: (SetPod | undefined)[] = new Array(replicasOf(set)).fill(undefined);
  const condemned: SetPod[] = [];
  for (const p of pods) {
    if (inOrdinalRange(p, set)) replicas[ordinalOf(p) - start] = p;
    else if (ordinalOf(p) >= 0) condemned.push(p);
  }
  const filled = replicas.map((p, i) => p ?? versionedPod(set, r, start + i));
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  const firstUnhealthy = filled.find((p) => !isHealthy(p)) ?? [...condemned].reverse().find((p) => !isHealthy(p));
  return { replicas: filled, condemned, ...(firstUnhealthy ? { firstUnhealthy } : {}) };
}

/** processReplica: true when a monotonic walk must stop here. */
async function processReplica(d: SetDeps, set: StatefulSet, updateSet: StatefulSet, monotonic: boolean, p: SetPod): Promise<boolean> {
  const phase = p.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') {
    if (!p.metadata.deletionTimestamp) await deleteStatefulPod(d, set, p);
    return true;
  }
  if (!isCreated(p)) {
    if (podClaimIsStale(d, set, p)) return true;
    await createStatefulPod(d, set, p);
    if (monotonic) return true;
  }
  if (phase === 'Pending') {
    await createClaims(d, set, p);
    await updateClaimsForPolicy(d, set, p);
  }
  if (monotonic && (isTerminating(p) || !isRunningAndReady(p) || !isRunningAndAvailable(p, set.spec?.minReadySeconds ?? 0, d.now()))) return true;
  if (isCreated(p) && !(identityMatches(set, p) && storageMatches(set, p) && claimsMatchPolicy(d, updateSet, p))) await updateStatefulPod(d, updateSet, p);
  return false;
}

/** processCondemned: true when a monotonic walk must stop here. */
async function processCondemned(d: SetDeps, set: StatefulSet, l: Layout, monotonic: boolean, p: SetPod): Promise<boolean> {
  if (isTerminating(p)) return monotonic;
  const ok = isRunningAndReady(p) && isRunningAndAvailable(p, set.spec?.minReadySeconds ?? 0, d.now());
  if (monotonic && !ok && p !== l.firstUnhealthy) return true;
  await deleteStatefulPod(d, set, p);
  return true;
}

/** runForAll: in order, stopping at the first blocker; or all at once (slow start) for Parallel. */
async function runForAll(pods: SetPod[], fn: (p: SetPod) => Promise<boolean>, monotonic: boolean): Promise<boolean> {
  if (!monotonic) {
    const r = await slowStart(pods, async (p) => { await fn(p); });
    if (r.error) throw r.error;
    return false;
  }
  for (const p of pods) if (await fn(p)) return true;
  return false;
}

/** The rolling update: delete the highest-ordinal pod at or above the partition not yet at the update revision. */
async function rollOne(d: SetDeps, set: StatefulSet, l: Layout, r: Revisions): Promise<boolean> {
  const min = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let i = l.replicas.length - 1; i >= min; i--) {
    const p = l.replicas[i]!;
    if (revisionOf(p) !== r.update.metadata.name && !isTerminating(p)) {
      try {
        await deleteStatefulPod(d, set, p);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      return true;
    }
    if (!isHealthy(p)) return false;
  }
  return false;
}

/** Runs the update; returns the pods as laid out (for status) and whether a pod was deleted for the roll. */
export async function updateStatefulSet(d: SetDeps, set: StatefulSet, pods: SetPod[], r: Revisions): Promise<{ layout: Layout; rolled: boolean }> {
  const l = layout(set, pods, r);
  if (set.metadata.deletionTimestamp) return { layout: l, rolled: false };
  const updateSet = applyRevision(set, r.update);
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  if (await runForAll(l.replicas, (p) => processReplica(d, set, updateSet, monotonic, p), monotonic)) return { layout: l, rolled: false };
  const fixClaims = async (p: SetPod) => { if (!claimsMatchPolicy(d, updateSet, p)) await updateClaimsForPolicy(d, updateSet, p); return false; };
  if (await runForAll(l.condemned, fixClaims, monotonic)) return { layout: l, rolled: false };
  if (await runForAll(l.condemned, (p) => processCondemned(d, set, l, monotonic, p), monotonic)) return { layout: l, rolled: false };
  if (set.spec?.updateStrategy?.type === 'OnDelete') return { layout: l, rolled: false };
  return { layout: l, rolled: await rollOne(d, set, l, r) };
}
