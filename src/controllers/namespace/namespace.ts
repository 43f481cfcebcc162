// The namespace controller (NamespacedResourcesDeleter): a namespace being deleted is emptied —
// every namespaced resource that can be listed and deleted — its status conditions say what
// remains, and once nothing does the `kubernetes` finalizer is removed through /finalize, so the
// apiserver deletes the namespace.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { DiscoveredResource } from '../../client/discovery.js';
import { REFS } from '../../client/refs.js';
import { isNotFound, type Obj } from '../../client/types.js';
import { rfc3339 } from '../framework/pods.js';
import { deletionConditions, type Remaining } from './conditions.js';

const FINALIZER = 'kubernetes';
/** Resources the deleter skips, as upstream: events are left to expire, bindings are not objects. */
const SKIP = new Set(['events', 'bindings', 'localsubjectaccessreviews']);

interface NamespaceObj extends Obj {
  spec?: { finalizers?: string[] };
  status?: { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] };
}

export class NamespaceController implements Reconciler {
  readonly name = 'namespace';
  readonly queue;
  private readonly namespaces;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.namespaces = ctx.informers.for<NamespaceObj>(REFS.namespaces);
    const enqueue = (o: NamespaceObj) => { if (o.metadata.deletionTimestamp) this.queue.add(o.metadata.name ?? ''); };
    this.namespaces.on({ add: enqueue, update: (_o, n) => enqueue(n) });
  }

  async reconcile(name: string): Promise<ReconcileResult> {
    if (!this.namespaces.getBy('', name)?.metadata.deletionTimestamp) return;
    // The deleter reads the namespace from the API, as upstream's does: a cached copy may be a
    // deleted namespace whose name was just taken again, whose new objects must not be emptied.
    const ns = await this.ctx.client.get<NamespaceObj>(REFS.namespaces, '', name).catch((err: Error) => {
      if (isNotFound(err)) return undefined;
      throw err;
    });
    if (!ns?.metadata.deletionTimestamp || !(ns.spec?.finalizers ?? []).includes(FINALIZER)) return;
    const resources = (await this.ctx.discover?.()) ?? [];
    const deletable = resources.filter((r) => r.namespaced && r.verbs.includes('list') && r.verbs.includes('delete') && !SKIP.has(r.resource));
    const remaining = await this.deleteAll(name, deletable);
    await this.writeConditions(ns, remaining);
    if (remaining.failures.length) throw new Error(`failed to delete content of namespace ${name}: ${remaining.failures.join('; ')}`);
    if (remaining.counts.size) return { requeueAfter: remaining.waitMs };
    await this.finalize(ns);
  }

  private async deleteAll(ns: string, resources: DiscoveredResource[]): Promise<Remaining> {
    const rem: Remaining = { counts: new Map(), finalizers: new Map(), failures: [], waitMs: 5000 };
    for (const r of resources) {
      try {
        const list = await this.ctx.client.list(r, ns);
        for (const o of list.items) await this.deleteOne(r, o, rem);
      } catch (err) {
        if (!isNotFound(err)) rem.failures.push(`${r.resource}: ${(err as Error).message}`);
      }
    }
    return rem;
  }

  private async deleteOne(r: DiscoveredResource, o: Obj, rem: Remaining): Promise<void> {
    const key = r.group ? `${r.resource}.${r.group}` : `${r.resource}.`;
    rem.counts.set(key, (rem.counts.get(key) ?? 0) + 1);
    for (const f of o.metadata.finalizers ?? []) rem.finalizers.set(f, (rem.finalizers.get(f) ?? 0) + 1);
    if (o.metadata.deletionTimestamp) {
      const due = Date.parse(o.metadata.deletionTimestamp) - this.ctx.now();
      if (due > 0) rem.waitMs = Math.max(rem.waitMs, Math.min(due, 60_000));
      return;
    }
    try {
      await this.ctx.client.delete(r, o.metadata.namespace ?? '', o.metadata.name ?? '', { propagationPolicy: 'Background', preconditions: { uid: o.metadata.uid ?? '' } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private async writeConditions(ns: NamespaceObj, rem: Remaining): Promise<void> {
    const next = deletionConditions(ns.status?.conditions ?? [], rem, rfc3339(this.ctx.now()));
    if (JSON.stringify(next) === JSON.stringify(ns.status?.conditions ?? [])) return;
    const updated = { ...ns, status: { ...ns.status, phase: 'Terminating', conditions: next } };
    try {
      await this.ctx.client.update(REFS.namespaces, updated, { subresource: 'status' });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private async finalize(ns: NamespaceObj): Promise<void> {
    const latest = await this.ctx.client.get<NamespaceObj>(REFS.namespaces, '', ns.metadata.name ?? '');
    const finalizers = (latest.spec?.finalizers ?? []).filter((f) => f !== FINALIZER);
    const body = { ...latest, spec: { ...latest.spec, finalizers } };
    try {
      await this.ctx.client.update(REFS.namespaces, body, { subresource: 'finalize' });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

export const namespaceController: ControllerDef = {
  name: 'namespace',
  serviceAccount: 'namespace-controller',
  workers: 5,
  create: (ctx) => new NamespaceController(ctx),
};
