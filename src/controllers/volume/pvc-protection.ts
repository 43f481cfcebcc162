// The pvc-protection controller: every live claim carries kubernetes.io/pvc-protection (the
// admission plugin adds it; this catches the rest), and a claim being deleted keeps it while a
// scheduled pod still uses the claim — first asked of the pod cache, then, before letting go,
// of a live list. Pod deletions and terminations bring the claims they used back for a look.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import { REFS } from '../../client/refs.js';
import { keyOf, type Obj } from '../../client/types.js';
import {
  addFinalizer, claimNamesOf, isDeletionCandidate, isPodTerminated, needToAddFinalizer, podUsesClaim, removeFinalizer,
} from './protection.js';
import { PVC_PROTECTION_FINALIZER, type PVC } from './types.js';

const F = PVC_PROTECTION_FINALIZER;

export class PVCProtectionController implements Reconciler {
  readonly name = 'pvc-protection';
  readonly queue;
  private readonly claims;
  private readonly pods;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.claims = ctx.informers.for<PVC>(REFS.persistentvolumeclaims);
    this.pods = ctx.informers.for<Obj>(REFS.pods);
    const claimChanged = (c: PVC) => { if (needToAddFinalizer(c, F) || isDeletionCandidate(c, F)) this.queue.add(keyOf(c)); };
    this.claims.on({ add: claimChanged, update: (_o, c) => claimChanged(c) });
    this.pods.on({
      add: (p) => this.podChanged(p, false),
      update: (o, p) => { this.podChanged(p, false); if (o.metadata.uid !== p.metadata.uid) this.podChanged(o, true); },
      delete: (p) => this.podChanged(p, true),
    });
  }

  /** enqueuePVCs: only pods that can no longer hold a claim matter. */
  private podChanged(pod: Obj, deleted: boolean): void {
    const scheduled = !!(pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!deleted && !isPodTerminated(pod) && scheduled) return;
    for (const name of claimNamesOf(pod)) this.queue.add(`${pod.metadata.namespace}/${name}`);
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const claim = this.claims.get(key);
    if (!claim) return;
    if (isDeletionCandidate(claim, F)) {
      if (!(await this.isBeingUsed(claim))) return removeFinalizer(this.ctx, REFS.persistentvolumeclaims, claim, F);
      this.ctx.log(`pvc-protection: keeping PVC "${key}" because it is being used`);
    }
    if (needToAddFinalizer(claim, F)) await addFinalizer(this.ctx, REFS.persistentvolumeclaims, claim, F);
  }

  private async isBeingUsed(claim: PVC): Promise<boolean> {
    if (this.pods.list(claim.metadata.namespace).some((p) => podUsesClaim(p, claim))) return true;
    const live = await this.ctx.client.list(REFS.pods, claim.metadata.namespace ?? '');
    return live.items.some((p) => podUsesClaim(p, claim));
  }
}

export const pvcProtectionController: ControllerDef = {
  name: 'pvc-protection',
  serviceAccount: 'pvc-protection-controller',
  workers: 1,
  create: (ctx) => new PVCProtectionController(ctx),
};
