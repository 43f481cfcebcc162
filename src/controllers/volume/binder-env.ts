// What the binder's sync functions share: the context, the caches they read, a way to queue a
// key, and the event recorders of the simulated provisioners (events from a provisioner carry
// its own source, `<provisioner>_<identity>`, as sig-storage-lib-external-provisioner writes them).
import type { ControllerContext } from '../framework/controller.js';
import { CoreEventRecorder, type EventRecorder } from '../framework/events.js';
import type { Informer } from '../framework/informer.js';
import type { Obj } from '../../client/types.js';
import type { PV, PVC, StorageClass } from './types.js';

export interface BinderEnv {
  ctx: ControllerContext;
  volumes: Informer<PV>;
  claims: Informer<PVC>;
  classes: Informer<StorageClass>;
  pods: Informer<Obj>;
  nodes: Informer<Obj>;
  enqueue(key: string): void;
  provisionerRecorder(provisioner: string): EventRecorder;
}

/** The identity our simulated provisioners sign their events with. */
export const PROVISIONER_IDENTITY = 'kube-controller-manager';

/** One recorder per provisioner name, created on first use. */
export function provisionerRecorders(ctx: ControllerContext): { get(provisioner: string): EventRecorder; flush(): Promise<void> } {
  const recorders = new Map<string, EventRecorder>();
  return {
    get(provisioner) {
      let r = recorders.get(provisioner);
      if (!r) {
        r = new CoreEventRecorder(ctx.client, { component: `${provisioner}_${PROVISIONER_IDENTITY}`, now: ctx.now, log: ctx.log });
        recorders.set(provisioner, r);
      }
      return r;
    },
    async flush() {
      await Promise.all([...recorders.values()].map((r) => r.flush()));
    },
  };
}
