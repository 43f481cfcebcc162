// Reclaiming a released volume (reclaimVolume): Retain keeps it Released with its claimRef;
// Delete removes it — through the volume's deleter, which for our local provisioners and for
// hostPath under /tmp succeeds, is someone else's job for external provisioners and CSI, and
// otherwise fails the volume with VolumeFailedDelete; Recycle scrubs hostPath/NFS volumes and
// makes them Available again.
import { isNotFound } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { BinderEnv } from './binder-env.js';
import { isLocalProvisioner } from './local-provisioner.js';
import { updateVolumePhaseWithEvent, unbindVolume } from './pv-writes.js';
import { ANN_DYNAMICALLY_PROVISIONED, PHASE, asVolume, type PV } from './types.js';

type Deleter = { kind: 'delete' } | { kind: 'external' } | { kind: 'error'; message: string };

/** isVolumeReleased: bound (with a UID) to a claim that is gone or bound to another volume. */
export function isVolumeReleased(env: BinderEnv, v: PV): boolean {
  const ref = v.spec?.claimRef;
  if (!ref?.uid) return false;
  const claim = env.claims.getBy(ref.namespace ?? '', ref.name ?? '');
  if (claim && claim.metadata.uid === ref.uid) return !!claim.spec?.volumeName && claim.spec.volumeName !== v.metadata.name;
  return true;
}

/** findDeletablePlugin + Deleter.Delete, as far as a simulation can tell. */
function deleterFor(v: PV): Deleter {
  const by = v.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
  if (by) {
    if (isLocalProvisioner(by)) return { kind: 'delete' };
    if (!by.startsWith('kubernetes.io/')) return { kind: 'external' };
    return { kind: 'error', message: `no volume plugin matched name: ${by}` };
  }
  if (v.spec?.csi) return { kind: 'external' };
  const path = v.spec?.hostPath?.path;
  if (path !== undefined) {
    return /\/tmp\/.+/.test(path) ? { kind: 'delete' } : { kind: 'error', message: `host_path deleter only supports /tmp/.+ but received provided ${path}` };
  }
  return { kind: 'error', message: `error getting deleter volume plugin for volume "${v.metadata.name}": no deletable volume plugin matched` };
}

async function fresh(env: BinderEnv, v: PV): Promise<PV | undefined> {
  try {
    return await env.ctx.client.get<PV>(REFS.persistentvolumes, '', v.metadata.name ?? '');
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** deleteVolumeOperation. */
async function deleteVolume(env: BinderEnv, volume: PV): Promise<void> {
  const v = await fresh(env, volume);
  if (!v || v.metadata.deletionTimestamp || !isVolumeReleased(env, v)) return;
  const d = deleterFor(v);
  if (d.kind === 'external') return;
  if (d.kind === 'error') {
    await updateVolumePhaseWithEvent(env.ctx, v, PHASE.failed, 'Warning', 'VolumeFailedDelete', d.message);
    return;
  }
  try {
    await env.ctx.client.delete(REFS.persistentvolumes, '', v.metadata.name ?? '');
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** Pods (not terminated) that use the claim the volume was bound to (isVolumeUsed). */
function usingPods(env: BinderEnv, v: PV): string[] {
  const ref = v.spec?.claimRef;
  return env.pods.list(ref?.namespace ?? '').filter((p) => {
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    const vols = ((p.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] } | undefined)?.volumes ?? []);
    return phase !== 'Succeeded' && phase !== 'Failed' && vols.some((x) => x.persistentVolumeClaim?.claimName === ref?.name);
  }).map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
}

/** recycleVolumeOperation. */
async function recycleVolume(env: BinderEnv, volume: PV): Promise<void> {
  const v = await fresh(env, volume);
  if (!v || !isVolumeReleased(env, v)) return;
  const used = usingPods(env, v);
  const ref = v.spec?.claimRef;
  if (used.length && !env.claims.getBy(ref?.namespace ?? '', ref?.name ?? '')) {
    env.ctx.recorder.event(asVolume(v), 'Normal', 'VolumeFailedRecycle', `Volume is used by pods: ${used.join(',')}`);
    return;
  }
  if (!v.spec?.hostPath && !v.spec?.nfs) {
    await updateVolumePhaseWithEvent(env.ctx, v, PHASE.failed, 'Warning', 'VolumeFailedRecycle', 'No recycler plugin found for the volume!');
    return;
  }
  env.ctx.recorder.event(asVolume(v), 'Normal', 'VolumeRecycled', 'Volume recycled');
  await unbindVolume(env.ctx, v);
}

/** reclaimVolume: what the volume's reclaim policy asks for. */
export async function reclaimVolume(env: BinderEnv, v: PV): Promise<void> {
  switch (v.spec?.persistentVolumeReclaimPolicy) {
    case 'Retain': return;
    case 'Recycle': return recycleVolume(env, v);
    case 'Delete': return deleteVolume(env, v);
    default:
      await updateVolumePhaseWithEvent(env.ctx, v, PHASE.failed, 'Warning', 'VolumeUnknownReclaimPolicy', 'Volume has unrecognized PersistentVolumeReclaimPolicy');
  }
}
