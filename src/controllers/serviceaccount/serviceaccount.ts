// The serviceaccount controller: every active namespace has a `default` ServiceAccount; it is
// created when the namespace appears and again if someone deletes it.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import { REFS } from '../../client/refs.js';
import { isAlreadyExists, type Obj } from '../../client/types.js';

const MANAGED = ['default'];

export class ServiceAccountsController implements Reconciler {
  readonly name = 'serviceaccount';
  readonly queue;
  private readonly namespaces;
  private readonly accounts;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.namespaces = ctx.informers.for<Obj & { status?: { phase?: string } }>(REFS.namespaces);
    this.accounts = ctx.informers.for(REFS.serviceaccounts);
    this.namespaces.on({ add: (o) => this.queue.add(o.metadata.name ?? ''), update: (_o, n) => this.queue.add(n.metadata.name ?? '') });
    this.accounts.on({ delete: (o) => this.queue.add(o.metadata.namespace ?? '') });
  }

  async reconcile(name: string): Promise<ReconcileResult> {
    const ns = this.namespaces.getBy('', name);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    for (const sa of MANAGED) {
      if (this.accounts.getBy(name, sa)) continue;
      try {
        await this.ctx.client.create(REFS.serviceaccounts, name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: name } });
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
      }
    }
  }
}

export const serviceAccountController: ControllerDef = {
  name: 'serviceaccount',
  serviceAccount: 'service-account-controller',
  workers: 1,
  create: (ctx) => new ServiceAccountsController(ctx),
};
