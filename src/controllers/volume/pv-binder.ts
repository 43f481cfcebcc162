// The persistentvolume-binder controller (PersistentVolumeController): one queue for both kinds
// of keys — `namespace/name` is a claim, a bare name a volume — fed by the volume and claim
// informers, and every object is synced again each --pvclaimbinder-sync-period (15 s), which is
// how a Pending claim finds a volume created later and a failed deletion is retried.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { durationMs, newQueue } from '../framework/controller.js';
import { REFS } from '../../client/refs.js';
import { keyOf, type Obj } from '../../client/types.js';
import { provisionerRecorders, type BinderEnv } from './binder-env.js';
import { syncClaim } from './pv-claim-sync.js';
import { claimRefKey } from './pv-helpers.js';
import { syncVolume } from './pv-volume-sync.js';
import { ANN_BIND_COMPLETED, BINDER_COMPONENT, hasAnnotation, type PV, type PVC, type StorageClass } from './types.js';

const DEFAULT_SYNC_MS = 15_000;

export class PersistentVolumeBinder implements Reconciler {
  readonly name = 'persistentvolume-binder';
  readonly queue;
  private readonly env: BinderEnv;
  private readonly provisioners;
  private readonly syncMs: number;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.syncMs = durationMs(ctx.flags?.['pvclaimbinder-sync-period'], DEFAULT_SYNC_MS);
    this.provisioners = provisionerRecorders(ctx);
    this.env = {
      ctx,
      volumes: ctx.informers.for<PV>(REFS.persistentvolumes),
      claims: ctx.informers.for<PVC>(REFS.persistentvolumeclaims),
      classes: ctx.informers.for<StorageClass>(REFS.storageclasses),
      pods: ctx.informers.for<Obj>(REFS.pods),
      nodes: ctx.informers.for<Obj>(REFS.nodes),
      enqueue: (key) => this.queue.add(key),
      provisionerRecorder: (p) => this.provisioners.get(p),
    };
    this.env.volumes.on({
      add: (v) => this.volumeChanged(v),
      update: (_o, v) => this.volumeChanged(v),
      delete: (v) => { if (v.spec?.claimRef) this.queue.add(claimRefKey(v.spec.claimRef)); },
    });
    this.env.claims.on({
      add: (c) => this.queue.add(keyOf(c)),
      update: (_o, c) => this.queue.add(keyOf(c)),
      delete: (c) => { if (c.spec?.volumeName) this.queue.add(c.spec.volumeName); },
    });
  }

  /** A volume changed; when it is free, pending claims may now find it. */
  private volumeChanged(v: PV): void {
    this.queue.add(keyOf(v));
    if (v.spec?.claimRef) return;
    for (const c of this.env.claims.list()) if (!hasAnnotation(c, ANN_BIND_COMPLETED)) this.queue.add(keyOf(c));
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    if (key.includes('/')) {
      const claim = this.env.claims.get(key);
      if (!claim) return;
      await syncClaim(this.env, claim);
    } else {
      const volume = this.env.volumes.get(key);
      if (!volume) return;
      await syncVolume(this.env, volume);
    }
    return { requeueAfter: this.syncMs };
  }

  /** Settles when every event recorded so far (ours and the provisioners') is written. */
  async flush(): Promise<void> {
    await this.ctx.recorder.flush();
    await this.provisioners.flush();
  }
}

export const persistentVolumeBinderController: ControllerDef = {
  name: 'persistentvolume-binder',
  serviceAccount: 'persistent-volume-binder',
  component: BINDER_COMPONENT,
  workers: 1,
  create: (ctx) => new PersistentVolumeBinder(ctx),
};
