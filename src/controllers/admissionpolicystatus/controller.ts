// The ValidatingAdmissionPolicy status controller (--controllers=validatingadmissionpolicy-status,
// service account validatingadmissionpolicy-status-controller): for a policy whose generation is
// newer than its status.observedGeneration, it type-checks the CEL expressions and writes
// observedGeneration with the typeChecking result. Expressions are not type-checked here, so
// typeChecking carries no warnings.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { REFS } from '../../client/refs.js';
import { isNotFound, keyOf, splitKey, type Obj } from '../../client/types.js';

interface Policy extends Obj {
  status?: { observedGeneration?: number; typeChecking?: unknown; conditions?: unknown[] };
}

const stale = (p: Policy): boolean => !p.metadata.deletionTimestamp && (p.metadata.generation ?? 0) > (p.status?.observedGeneration ?? 0);

export class AdmissionPolicyStatusController implements Reconciler {
  readonly name = 'validatingadmissionpolicy-status';
  readonly queue;
  private readonly policies: Informer<Policy>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.policies = ctx.informers.for<Policy>(REFS.validatingadmissionpolicies);
    const enqueue = (p: Policy) => {
      if (stale(p)) this.queue.add(keyOf(p));
    };
    this.policies.on({ add: enqueue, update: (_old, p) => enqueue(p) });
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const cached = this.policies.getBy(namespace, name);
    if (!cached || !stale(cached)) return;
    const status = { ...cached.status, observedGeneration: cached.metadata.generation, typeChecking: {} };
    try {
      await this.ctx.client.update(REFS.validatingadmissionpolicies, { ...cached, status }, { subresource: 'status' });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

export const admissionPolicyStatusController: ControllerDef = {
  name: 'validatingadmissionpolicy-status',
  serviceAccount: 'validatingadmissionpolicy-status-controller',
  workers: 5,
  create: (ctx) => new AdmissionPolicyStatusController(ctx),
};
