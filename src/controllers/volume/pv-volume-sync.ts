// syncVolume (pv_controller.go): an unclaimed or only pre-bound volume is Available; a volume
// whose claim is gone is Released and reclaimed; one whose claim is not bound yet hands the work
// to the claim's sync; one whose claim went elsewhere is rolled back (or, if provisioned for it
// with policy Delete, released and deleted).
import { isNotFound } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { BinderEnv } from './binder-env.js';
import { claimKey, volumeModeMismatch } from './pv-helpers.js';
import { reclaimVolume } from './pv-reclaim.js';
import { unbindVolume, updateVolumePhase } from './pv-writes.js';
import { ANN_DYNAMICALLY_PROVISIONED, PHASE, asClaim, asVolume, hasAnnotation, type ObjectReference, type PV, type PVC } from './types.js';

async function liveClaim(env: BinderEnv, ref: ObjectReference): Promise<PVC | undefined> {
  try {
    return await env.ctx.client.get<PVC>(REFS.persistentvolumeclaims, ref.namespace ?? '', ref.name ?? '');
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

const releasedOrFailed = (v: PV): boolean => v.status?.phase === PHASE.released || v.status?.phase === PHASE.failed;

/** The claim the volume is bound to, double-checked with the apiserver before calling it gone. */
async function boundClaim(env: BinderEnv, v: PV, ref: ObjectReference): Promise<PVC | undefined> {
  let claim = env.claims.getBy(ref.namespace ?? '', ref.name ?? '');
  if (!claim && !releasedOrFailed(v)) claim = await liveClaim(env, ref);
  if (claim && claim.metadata.uid !== ref.uid) {
    claim = await liveClaim(env, ref);
    if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
  }
  return claim;
}

async function release(env: BinderEnv, v: PV): Promise<void> {
  const released = releasedOrFailed(v) ? v : await updateVolumePhase(env.ctx, v, PHASE.released);
  await reclaimVolume(env, released);
}

export async function syncVolume(env: BinderEnv, v: PV): Promise<void> {
  const ref = v.spec?.claimRef;
  if (!ref?.uid) {
    await updateVolumePhase(env.ctx, v, PHASE.available);
    return;
  }
  const claim = await boundClaim(env, v, ref);
  if (!claim) return release(env, v);
  if (!claim.spec?.volumeName) {
    if (volumeModeMismatch(claim, v)) {
      env.ctx.recorder.event(asVolume(v), 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata.name}" due to incompatible volumeMode.`);
      env.ctx.recorder.event(asClaim(claim), 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume "${v.metadata.name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`);
      return;
    }
    env.enqueue(claimKey(claim));
    return;
  }
  if (claim.spec.volumeName === v.metadata.name) {
    await updateVolumePhase(env.ctx, v, PHASE.bound);
    return;
  }
  if (hasAnnotation(v, ANN_DYNAMICALLY_PROVISIONED) && v.spec?.persistentVolumeReclaimPolicy === 'Delete') return release(env, v);
  await unbindVolume(env.ctx, v);
}
