// Claims of StatefulSet pods: created before their pod (events `create Claim <c> Pod <p> in
// StatefulSet <s> success`), and owned per persistentVolumeClaimRetentionPolicy — by the set
// when whenDeleted is Delete, by the pod once it is scaled away when whenScaled is Delete — so
// the garbage collector removes them at the right moment.
import { isAlreadyExists, type Client, type Obj, type OwnerRef } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { EventRecorder } from '../framework/events.js';
import type { Informer } from '../framework/informer.js';
import { controllerRef } from '../framework/pods.js';
import { claimsFor, inOrdinalRange, ordinalOf } from './identity.js';
import type { SetPod, StatefulSet } from './types.js';

export interface ClaimDeps {
  client: Client;
  recorder: EventRecorder;
  claims: Informer<Obj>;
}

const policy = (set: StatefulSet) => ({
  whenDeleted: set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted ?? 'Retain',
  whenScaled: set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain',
});

const matchesRef = (r: OwnerRef, o: Obj, apiVersion: string, kind: string) => r.apiVersion === apiVersion && r.kind === kind && r.name === o.metadata.name;
const isSetRef = (r: OwnerRef, set: StatefulSet) => matchesRef(r, set, 'apps/v1', 'StatefulSet');
const isPodRef = (r: OwnerRef, pod: SetPod) => matchesRef(r, pod, 'v1', 'Pod');
const hasRef = (c: Obj, o: Obj) => c.metadata.ownerReferences?.some((r) => r.uid === o.metadata.uid) ?? false;

function stale(c: Obj, set: StatefulSet, pod: SetPod): boolean {
  return (c.metadata.ownerReferences ?? []).some((r) => (isSetRef(r, set) && r.uid !== set.metadata.uid) || (isPodRef(r, pod) && r.uid !== pod.metadata.uid));
}

function unexpectedController(c: Obj, set: StatefulSet, pod: SetPod): boolean {
  const p = policy(set);
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Retain') return false;
  return (c.metadata.ownerReferences ?? []).some((r) => {
    if (isSetRef(r, set)) return r.uid !== set.metadata.uid;
    if (isPodRef(r, pod)) return r.uid !== pod.metadata.uid;
    return !!r.controller;
  });
}

/** What the refs should be: [set owns it, pod owns it]. */
function wanted(set: StatefulSet, pod: SetPod): [boolean, boolean] {
  const p = policy(set);
  const scaledDown = !inOrdinalRange(pod, set);
  if (p.whenScaled === 'Delete') return [p.whenDeleted === 'Delete' && !scaledDown, scaledDown];
  return [p.whenDeleted === 'Delete', false];
}

/** isClaimOwnerUpToDate. */
export function claimOwnerUpToDate(c: Obj, set: StatefulSet, pod: SetPod): boolean {
  if (stale(c, set, pod)) return true;
  if (unexpectedController(c, set, pod)) return !(hasRef(c, set) || hasRef(c, pod));
  const nonController = (c.metadata.ownerReferences ?? []).some((r) => (r.uid === set.metadata.uid || r.uid === pod.metadata.uid) && !r.controller);
  if (nonController) return false;
  const [setRef, podRef] = wanted(set, pod);
  return hasRef(c, set) === setRef && hasRef(c, pod) === podRef;
}

/** updateClaimOwnerRefForSetAndPod: the claim's refs to set and pod rewritten per policy. */
export function claimOwnerRefs(c: Obj, set: StatefulSet, pod: SetPod): OwnerRef[] {
  const refs = (c.metadata.ownerReferences ?? []).filter((r) => !isSetRef(r, set) && !isPodRef(r, pod));
  if (unexpectedController(c, set, pod)) return refs;
  const [setRef, podRef] = wanted(set, pod);
  if (podRef) refs.push(controllerRef({ ...pod, apiVersion: 'v1', kind: 'Pod' }));
  if (setRef) refs.push(controllerRef({ ...set, apiVersion: 'apps/v1', kind: 'StatefulSet' }));
  return refs;
}

const claimOf = (d: ClaimDeps, set: StatefulSet, name: string) => d.claims.getBy(set.metadata.namespace ?? '', name);

/** ClaimsMatchRetentionPolicy. */
export function claimsMatchPolicy(d: ClaimDeps, set: StatefulSet, pod: SetPod): boolean {
  return claimsFor(set, ordinalOf(pod)).every(({ claim }) => {
    const c = claimOf(d, set, claim.metadata.name);
    return !c || claimOwnerUpToDate(c, set, pod);
  });
}

/** UpdatePodClaimForRetentionPolicy. */
export async function updateClaimsForPolicy(d: ClaimDeps, set: StatefulSet, pod: SetPod): Promise<void> {
  for (const { claim } of claimsFor(set, ordinalOf(pod))) {
    const c = claimOf(d, set, claim.metadata.name);
    if (!c || claimOwnerUpToDate(c, set, pod)) continue;
    await d.client.update(REFS.persistentvolumeclaims, { ...c, metadata: { ...c.metadata, ownerReferences: claimOwnerRefs(c, set, pod) } });
  }
}

/** PodClaimIsStale: with whenScaled Delete, a claim owned by another pod of that name blocks creation. */
export function podClaimIsStale(d: ClaimDeps, set: StatefulSet, pod: SetPod): boolean {
  if (policy(set).whenScaled === 'Retain') return false;
  return claimsFor(set, ordinalOf(pod)).some(({ claim }) => {
    const c = claimOf(d, set, claim.metadata.name);
    return !!c && (c.metadata.ownerReferences ?? []).some((r) => isPodRef(r, pod) && r.uid !== pod.metadata.uid);
  });
}

/** createPersistentVolumeClaims: the pod's missing claims; a claim being deleted is an error. */
export async function createClaims(d: ClaimDeps, set: StatefulSet, pod: SetPod): Promise<void> {
  const errs: string[] = [];
  for (const { claim } of claimsFor(set, ordinalOf(pod))) {
    const existing = claimOf(d, set, claim.metadata.name);
    if (existing) {
      if (existing.metadata.deletionTimestamp) errs.push(`pvc ${claim.metadata.name} is being deleted`);
      continue;
    }
    try {
      await d.client.create(REFS.persistentvolumeclaims, set.metadata.namespace ?? '', claim);
      d.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
    } catch (err) {
      if (isAlreadyExists(err)) continue;
      errs.push(`failed to create PVC ${claim.metadata.name}: ${(err as Error).message}`);
      d.recorder.event(set, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${(err as Error).message}`);
    }
  }
  if (errs.length) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
}
