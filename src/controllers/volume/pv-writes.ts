// The binder's writes (pv_controller.go): a claim's status, a volume's phase, the two halves of
// a binding (volume first: claimRef, then phase; then claim: volumeName and annotations, then
// status), and rolling a volume back to Available. Each write starts from the object the last
// one returned, so resourceVersions line up; a stale cache shows up as a 409 and a retry.
import type { ControllerContext } from '../framework/controller.js';
import type { EventType } from '../framework/events.js';
import { rfc3339 } from '../framework/pods.js';
import { REFS } from '../../client/refs.js';
import { claimRefFor, isVolumeBoundToClaim } from './pv-helpers.js';
import {
  ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, PHASE, asClaim, asVolume, hasAnnotation, type PV, type PVC,
} from './types.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** updateClaimStatus: phase, and accessModes/capacity from the volume (reset without one). */
export async function updateClaimStatus(ctx: ControllerContext, claim: PVC, phase: string, volume?: PV): Promise<PVC> {
  const status = { ...(claim.status ?? {}) };
  let dirty = status.phase !== phase;
  status.phase = phase;
  if (!volume) {
    if (status.accessModes !== undefined) { delete status.accessModes; dirty = true; }
    if (status.capacity !== undefined) { delete status.capacity; dirty = true; }
  } else {
    if (!same(status.accessModes, volume.spec?.accessModes)) { status.accessModes = volume.spec?.accessModes ?? []; dirty = true; }
    if (claim.status?.phase !== phase && status.capacity?.storage !== volume.spec?.capacity?.storage) {
      if (volume.spec?.capacity?.storage === undefined) throw new Error(`PersistentVolume "${volume.metadata.name}" is without a storage capacity`);
      status.capacity = { ...volume.spec.capacity };
      dirty = true;
    }
  }
  if (!dirty) return claim;
  return ctx.client.update<PVC>(REFS.persistentvolumeclaims, asClaim({ ...claim, status }), { subresource: 'status' });
}

/** updateClaimStatusWithEvent: the event only when the phase really changes. */
export async function updateClaimStatusWithEvent(ctx: ControllerContext, claim: PVC, phase: string, type: EventType, reason: string, message: string): Promise<PVC> {
  if (claim.status?.phase === phase) return claim;
  const updated = await updateClaimStatus(ctx, claim, phase);
  ctx.recorder.event(asClaim(updated), type, reason, message);
  return updated;
}

/** updateVolumePhase (the apiserver would stamp lastPhaseTransitionTime; we do it here). */
export async function updateVolumePhase(ctx: ControllerContext, volume: PV, phase: string, message = ''): Promise<PV> {
  if (volume.status?.phase === phase) return volume;
  const status: NonNullable<PV['status']> = { ...(volume.status ?? {}), phase, lastPhaseTransitionTime: rfc3339(ctx.now()) };
  if (message) status.message = message;
  else delete status.message;
  return ctx.client.update<PV>(REFS.persistentvolumes, asVolume({ ...volume, status }), { subresource: 'status' });
}

export async function updateVolumePhaseWithEvent(ctx: ControllerContext, volume: PV, phase: string, type: EventType, reason: string, message: string): Promise<PV> {
  if (volume.status?.phase === phase) return volume;
  const updated = await updateVolumePhase(ctx, volume, phase, message);
  ctx.recorder.event(asVolume(updated), type, reason, message);
  return updated;
}

/** bindVolumeToClaim (GetBindVolumeToClaim): claimRef with the claim's UID, bound-by-controller when we set it. */
async function bindVolumeToClaim(ctx: ControllerContext, volume: PV, claim: PVC): Promise<PV> {
  const ref = volume.spec?.claimRef;
  const annotations = { ...(volume.metadata.annotations ?? {}) };
  let dirty = false;
  const spec = { ...(volume.spec ?? {}) };
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace || ref.uid !== claim.metadata.uid) {
    spec.claimRef = claimRefFor(claim);
    dirty = true;
  }
  if (!isVolumeBoundToClaim(volume, claim) && !hasAnnotation(volume, ANN_BOUND_BY_CONTROLLER)) {
    annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    dirty = true;
  }
  if (!dirty) return volume;
  const metadata = Object.keys(annotations).length ? { ...volume.metadata, annotations } : volume.metadata;
  return ctx.client.update<PV>(REFS.persistentvolumes, asVolume({ ...volume, metadata, spec }));
}

/** bindClaimToVolume: spec.volumeName and the bound-by-controller and bind-completed annotations. */
async function bindClaimToVolume(ctx: ControllerContext, claim: PVC, volume: PV): Promise<PVC> {
  const annotations = { ...(claim.metadata.annotations ?? {}) };
  const spec = { ...(claim.spec ?? {}) };
  let dirty = false;
  if (spec.volumeName !== volume.metadata.name) {
    spec.volumeName = volume.metadata.name;
    if (!hasAnnotation(claim, ANN_BOUND_BY_CONTROLLER)) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    dirty = true;
  }
  if (!hasAnnotation(claim, ANN_BIND_COMPLETED)) {
    annotations[ANN_BIND_COMPLETED] = 'yes';
    dirty = true;
  }
  if (!dirty) return claim;
  return ctx.client.update<PVC>(REFS.persistentvolumeclaims, asClaim({ ...claim, metadata: { ...claim.metadata, annotations }, spec }));
}

/** bind: volume (spec, then phase Bound), then claim (spec, then status Bound). */
export async function bind(ctx: ControllerContext, volume: PV, claim: PVC): Promise<void> {
  let v = await bindVolumeToClaim(ctx, volume, claim);
  v = await updateVolumePhase(ctx, v, PHASE.bound);
  const c = await bindClaimToVolume(ctx, claim, v);
  const done = await updateClaimStatus(ctx, c, PHASE.bound, v);
  if (v !== volume || done !== claim) ctx.log(`persistentvolume-binder: volume "${v.metadata.name}" bound to claim "${c.metadata.namespace}/${c.metadata.name}"`);
}

/** unbindVolume: a controller binding is dropped, a user's pre-binding only loses its UID. */
export async function unbindVolume(ctx: ControllerContext, volume: PV): Promise<PV> {
  const spec = { ...(volume.spec ?? {}) };
  const metadata = { ...volume.metadata, annotations: { ...(volume.metadata.annotations ?? {}) } };
  if (hasAnnotation(volume, ANN_BOUND_BY_CONTROLLER)) {
    delete spec.claimRef;
    delete metadata.annotations[ANN_BOUND_BY_CONTROLLER];
  } else if (spec.claimRef) {
    const { uid: _uid, ...ref } = spec.claimRef;
    spec.claimRef = ref;
  }
  if (!Object.keys(metadata.annotations).length) delete (metadata as { annotations?: unknown }).annotations;
  const saved = await ctx.client.update<PV>(REFS.persistentvolumes, asVolume({ ...volume, metadata, spec }));
  return updateVolumePhase(ctx, saved, PHASE.available);
}
