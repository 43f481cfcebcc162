// The resource quota controller (pkg/controller/resourcequota, v1.32): status.hard mirrors
// spec.hard and status.used is measured from the namespace's objects, written through the status
// subresource when either differs. Every quota is recalculated each --resource-quota-sync-period
// (5m) and whenever an object it counts goes away or changes its usage (a pod finishing, a
// service changing type, a claim resizing) — and, unlike upstream, which leaves creations to the
// admission plugin's charge, when one is created.
import type { Obj } from '../../client/types.js';
import { keyOf } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { durationMs, newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import type { WorkQueue } from '../framework/queue.js';
import type { KObject } from '../../api/types.js';
import type { ResourceList } from '../../api/quantity/resource-list.js';
import { listsEqual, maskList, readResourceList, writeResourceList } from '../../api/quantity/resource-list.js';
import type { QuotaEvaluator } from '../../api/admission/resource-quota-types.js';
import { evaluatorFor } from '../../api/admission/resource-quota-evaluators.js';
import { quotaScopeSelectors } from '../../api/admission/resource-quota-scopes.js';
import { quotableRefs } from './quotable.js';
import { calculateUsage } from './usage.js';

const DEFAULT_SYNC_PERIOD_MS = 5 * 60_000;

interface QuotaJson {
  spec?: { hard?: unknown };
  status?: { hard?: unknown; used?: unknown };
}

const hardOf = (q: Obj): ResourceList => readResourceList((q as QuotaJson).spec?.hard);

export class ResourceQuotaController implements Reconciler {
  readonly name = 'resourcequota';
  readonly queue: WorkQueue;
  private readonly quotas: Informer;
  private readonly watched = new Map<string, Informer>();
  private readonly syncPeriodMs: number;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.syncPeriodMs = durationMs(ctx.flags?.['resource-quota-sync-period'], DEFAULT_SYNC_PERIOD_MS);
    this.quotas = ctx.informers.for(REFS.resourcequotas);
    this.quotas.on({
      add: (q) => this.queue.add(keyOf(q)),
      // Status writes are this controller's own; only a change of spec.hard calls for a sync.
      update: (o, n) => { if (!listsEqual(hardOf(o), hardOf(n))) this.queue.add(keyOf(n)); },
    });
    for (const ref of quotableRefs(ctx.resources)) {
      const inf = ctx.informers.for(ref);
      this.watched.set(`${ref.group}/${ref.resource}`, inf);
      const ev = evaluatorFor(ref.group, ref.resource)!;
      inf.on({
        add: (o) => this.replenish(ev, o),
        update: (o, n) => { if (this.usageChanged(ev, o, n)) this.replenish(ev, n); },
        delete: (o) => this.replenish(ev, o),
      });
    }
  }

  private usageChanged(ev: QuotaEvaluator, old: Obj, cur: Obj): boolean {
    const now = this.ctx.now();
    return !listsEqual(ev.usage(old as KObject, now), ev.usage(cur as KObject, now));
  }

  /** replenishQuota: the namespace's quotas tracking a resource of this kind. */
  private replenish(ev: QuotaEvaluator, o: Obj): void {
    for (const q of this.quotas.list(o.metadata.namespace ?? '')) {
      if (ev.matchingResources([...hardOf(q).keys()]).length) this.queue.add(keyOf(q));
    }
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const q = this.quotas.get(key);
    if (!q) return;
    await this.syncQuota(q);
    return { requeueAfter: this.syncPeriodMs };
  }

  /** syncResourceQuota. */
  private async syncQuota(q: Obj): Promise<void> {
    const status = (q as QuotaJson).status ?? {};
    const hard = hardOf(q);
    const previous = readResourceList(status.used);
    const measured = calculateUsage((g, r, ns) => this.watched.get(`${g}/${r}`)?.list(ns), q.metadata.namespace ?? '', [...hard.keys()], quotaScopeSelectors(q as KObject), this.ctx.now());
    const used = maskList(new Map([...previous, ...measured]), hard.keys());
    const dirty = status.hard == null || status.used == null || !listsEqual(hard, readResourceList(status.hard)) || !listsEqual(used, previous);
    if (!dirty) return;
    const next = { ...q, status: { hard: writeResourceList(hard), used: writeResourceList(used) } };
    await this.ctx.client.update(REFS.resourcequotas, next, { subresource: 'status' });
  }
}

/** kube-controller-manager's `resourcequota` controller (--concurrent-resource-quota-syncs 5). */
export const resourceQuotaController: ControllerDef = {
  name: 'resourcequota',
  serviceAccount: 'resourcequota-controller',
  workers: 5,
  create: (ctx) => new ResourceQuotaController(ctx),
};
