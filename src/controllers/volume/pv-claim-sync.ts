// syncClaim (pv_controller.go): a claim without bind-completed looks for a volume — the one it
// names, one pre-bound to it, or the best Available match — and binds, provisions, or stays
// Pending with an event saying why; a bound claim is checked against its volume (Lost when the
// volume is gone or belongs to another claim). Returns whether the claim should be resynced.
import type { BinderEnv } from './binder-env.js';
import { assignDefaultStorageClass, isDelayBinding } from './classes.js';
import { findBestMatch, type MatchNode } from './pv-match.js';
import { provisionClaim } from './pv-provision.js';
import { claimClass, claimKey, claimRefKey, isVolumeBoundToClaim, volumeSatisfyError } from './pv-helpers.js';
import { bind, updateClaimStatus, updateClaimStatusWithEvent } from './pv-writes.js';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, PHASE, asClaim, hasAnnotation, type PVC } from './types.js';

export async function syncClaim(env: BinderEnv, claim: PVC): Promise<void> {
  if (!hasAnnotation(claim, ANN_BIND_COMPLETED)) return syncUnboundClaim(env, claim);
  return syncBoundClaim(env, claim);
}

/** The scheduler's node for a delayed-binding claim, as a match target. */
function selectedNode(env: BinderEnv, claim: PVC): MatchNode | undefined {
  const name = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  if (!name) return undefined;
  return { name, labels: env.nodes.getBy('', name)?.metadata.labels ?? { 'kubernetes.io/hostname': name } };
}

/** Pods that use the claim and are not scheduled yet (findNonScheduledPodsByPVC). */
function unscheduledPods(env: BinderEnv, claim: PVC): string[] {
  return env.pods.list(claim.metadata.namespace).filter((p) => {
    const spec = (p.spec ?? {}) as { nodeName?: string; volumes?: { persistentVolumeClaim?: { claimName?: string } }[] };
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed' || spec.nodeName) return false;
    return (spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name);
  }).map((p) => p.metadata.name ?? '').sort();
}

/** emitEventForUnboundDelayBindingClaim. */
function waitingEvent(env: BinderEnv, claim: PVC): void {
  const pods = unscheduledPods(env, claim);
  if (!pods.length) {
    env.ctx.recorder.event(asClaim(claim), 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    return;
  }
  const message = pods.length > 1 ? `waiting for pods ${pods.join(',')} to be scheduled` : `waiting for pod ${pods[0]} to be scheduled`;
  env.ctx.recorder.event(asClaim(claim), 'Normal', 'WaitForPodScheduled', message);
}

async function syncUnboundClaim(env: BinderEnv, claim: PVC): Promise<void> {
  if (claim.spec?.volumeName) return syncRequestedVolume(env, claim);
  const delay = isDelayBinding(env, claim);
  const node = delay ? selectedNode(env, claim) : undefined;
  const volume = findBestMatch(claim, env.volumes.list(), delay, node);
  if (volume) return bind(env.ctx, volume, claim);
  if (await assignDefaultStorageClass(env, claim)) return;
  if (delay && !node) waitingEvent(env, claim);
  else if (claimClass(claim) !== '') return provisionClaim(env, claim);
  else env.ctx.recorder.event(asClaim(claim), 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
  await updateClaimStatus(env.ctx, claim, PHASE.pending);
}

/** A claim that names its volume (spec.volumeName set by the user). */
async function syncRequestedVolume(env: BinderEnv, claim: PVC): Promise<void> {
  const name = claim.spec?.volumeName ?? '';
  const volume = env.volumes.getBy('', name);
  if (!volume) {
    await updateClaimStatus(env.ctx, claim, PHASE.pending);
    return;
  }
  if (!volume.spec?.claimRef) {
    const why = volumeSatisfyError(volume, claim);
    if (!why) return bind(env.ctx, volume, claim);
    env.ctx.recorder.event(asClaim(claim), 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${name}": ${why}`);
    await updateClaimStatus(env.ctx, claim, PHASE.pending);
    return;
  }
  if (isVolumeBoundToClaim(volume, claim)) return bind(env.ctx, volume, claim);
  env.ctx.recorder.event(asClaim(claim), 'Warning', 'FailedBinding', `volume "${name}" already bound to a different claim.`);
  if (hasAnnotation(claim, ANN_BOUND_BY_CONTROLLER)) {
    throw new Error(`invalid binding of claim "${claimKey(claim)}" to volume "${name}": volume already claimed by "${claimRefKey(volume.spec.claimRef)}"`);
  }
  await updateClaimStatus(env.ctx, claim, PHASE.pending);
}

async function syncBoundClaim(env: BinderEnv, claim: PVC): Promise<void> {
  const name = claim.spec?.volumeName;
  if (!name) {
    await updateClaimStatusWithEvent(env.ctx, claim, PHASE.lost, 'Warning', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
    return;
  }
  const volume = env.volumes.getBy('', name);
  if (!volume) {
    await updateClaimStatusWithEvent(env.ctx, claim, PHASE.lost, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    return;
  }
  const ref = volume.spec?.claimRef;
  if (!ref || ref.uid === claim.metadata.uid) return bind(env.ctx, volume, claim);
  await updateClaimStatusWithEvent(env.ctx, claim, PHASE.lost, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
}
