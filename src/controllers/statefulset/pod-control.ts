// StatefulPodControl: pod writes with the statefulset events — `create Pod web-0 in
// StatefulSet web successful`, `delete Pod …`, `update Pod …`, and `… failed error: …`.
import { isAlreadyExists } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { createClaims, updateClaimsForPolicy, type ClaimDeps } from './claims.js';
import { identityMatches, storageMatches, updateIdentity, updateStorage } from './identity.js';
import type { SetPod, StatefulSet } from './types.js';

function recordPodEvent(d: ClaimDeps, verb: 'create' | 'update' | 'delete', set: StatefulSet, pod: SetPod, err?: unknown): void {
  const title = verb[0]!.toUpperCase() + verb.slice(1);
  if (err === undefined) d.recorder.event(set, 'Normal', `Successful${title}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  else d.recorder.event(set, 'Warning', `Failed${title}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${(err as Error).message}`);
}

/** CreateStatefulPod: claims first, then the pod, then claim ownership per the retention policy. */
export async function createStatefulPod(d: ClaimDeps, set: StatefulSet, pod: SetPod): Promise<void> {
  try {
    await createClaims(d, set, pod);
  } catch (err) {
    recordPodEvent(d, 'create', set, pod, err);
    throw err;
  }
  try {
    await d.client.create(REFS.pods, set.metadata.namespace ?? '', pod);
  } catch (err) {
    if (!isAlreadyExists(err)) recordPodEvent(d, 'create', set, pod, err);
    throw err;
  }
  try {
    await updateClaimsForPolicy(d, set, pod);
  } catch (err) {
    recordPodEvent(d, 'update', set, pod, err);
    throw err;
  }
  recordPodEvent(d, 'create', set, pod);
}

/** UpdateStatefulPod: restore identity and storage, and claim ownership. */
export async function updateStatefulPod(d: ClaimDeps, set: StatefulSet, pod: SetPod): Promise<void> {
  const p: SetPod = structuredClone(pod);
  let dirty = false;
  if (!identityMatches(set, p)) updateIdentity(set, p), (dirty = true);
  try {
    if (!storageMatches(set, p)) {
      updateStorage(set, p);
      dirty = true;
      await createClaims(d, set, p);
    }
    await updateClaimsForPolicy(d, set, p);
    if (dirty) await d.client.update(REFS.pods, p);
  } catch (err) {
    recordPodEvent(d, 'update', set, p, err);
    throw err;
  }
  if (dirty) recordPodEvent(d, 'update', set, p);
}

export async function deleteStatefulPod(d: ClaimDeps, set: StatefulSet, pod: SetPod): Promise<void> {
  try {
    await d.client.delete(REFS.pods, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
  } catch (err) {
    recordPodEvent(d, 'delete', set, pod, err);
    throw err;
  }
  recordPodEvent(d, 'delete', set, pod);
}
