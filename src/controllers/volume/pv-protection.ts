// The pv-protection controller: every live volume carries kubernetes.io/pv-protection, and a
// volume being deleted keeps it while it is Bound (the binder moves it to Released once its
// claim is gone), so a volume in use is never removed from under its claim.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import { REFS } from '../../client/refs.js';
import { keyOf } from '../../client/types.js';
import { addFinalizer, isDeletionCandidate, needToAddFinalizer, removeFinalizer } from './protection.js';
import { PHASE, PV_PROTECTION_FINALIZER, type PV } from './types.js';

const F = PV_PROTECTION_FINALIZER;

export class PVProtectionController implements Reconciler {
  readonly name = 'pv-protection';
  readonly queue;
  private readonly volumes;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.volumes = ctx.informers.for<PV>(REFS.persistentvolumes);
    const changed = (v: PV) => { if (needToAddFinalizer(v, F) || isDeletionCandidate(v, F)) this.queue.add(keyOf(v)); };
    this.volumes.on({ add: changed, update: (_o, v) => changed(v) });
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const volume = this.volumes.get(key);
    if (!volume) return;
    if (isDeletionCandidate(volume, F)) {
      if (volume.status?.phase !== PHASE.bound) return removeFinalizer(this.ctx, REFS.persistentvolumes, volume, F);
      this.ctx.log(`pv-protection: keeping PV "${key}" because it is being used`);
    }
    if (needToAddFinalizer(volume, F)) await addFinalizer(this.ctx, REFS.persistentvolumes, volume, F);
  }
}

export const pvProtectionController: ControllerDef = {
  name: 'pv-protection',
  serviceAccount: 'pv-protection-controller',
  workers: 1,
  create: (ctx) => new PVProtectionController(ctx),
};
