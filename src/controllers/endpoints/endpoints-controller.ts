// The endpoints controller (pkg/controller/endpoint, v1.32): keeps one Endpoints object per
// service with a selector, named like the service, listing the selected pods' addresses and
// resolved ports; deletes it when the service goes. Services without a selector (such as
// default/kubernetes, whose Endpoints the apiserver keeps) and ExternalName services are left alone.
import type { Obj } from '../../client/types.js';
import { ApiError, isNotFound, keyOf, splitKey } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { ControllerContext, ControllerDef, Reconciler } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import type { WorkQueue } from '../framework/queue.js';
import { desiredEndpoints, desiredSubsets, upToDate } from './build.js';
import { managesEndpoints, serviceSelects, servicesForLabels, servicesOnPodUpdate } from './service-pods.js';
import { TriggerTimeTracker } from './trigger-time.js';

/** resourcelock.LeaderElectionRecordAnnotationKey: leader-election Endpoints are never cleaned up. */
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

const namespaceTerminating = (e: unknown): boolean =>
  e instanceof ApiError && e.code === 403 && (e.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');

export class EndpointsController implements Reconciler {
  readonly name = 'endpoint';
  readonly queue: WorkQueue;
  private readonly services: Informer;
  private readonly pods: Informer;
  private readonly endpoints: Informer;
  private readonly triggers = new TriggerTimeTracker();
  /** Endpoints key → a resourceVersion this controller already replaced (staleEndpointsTracker). */
  private readonly stale = new Map<string, string>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.services = ctx.informers.for(REFS.services);
    this.pods = ctx.informers.for(REFS.pods);
    this.endpoints = ctx.informers.for(REFS.endpoints);
    const enqueue = (o: Obj) => this.queue.add(keyOf(o));
    this.services.on({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue });
    this.pods.on({ add: (p) => this.podChanged(p), update: (o, n) => this.podUpdated(o, n), delete: (p) => this.podChanged(p) });
    this.endpoints.on({ delete: enqueue });
    void this.endpoints.waitForSync().then(() => this.checkLeftoverEndpoints());
  }

  /** Once the cache is filled: every Endpoints is checked for a service that is gone. */
  private checkLeftoverEndpoints(): void {
    for (const ep of this.endpoints.list()) if (!ep.metadata.annotations?.[LEADER_ANNOTATION]) this.queue.add(keyOf(ep));
  }

  private podChanged(pod: Obj): void {
    for (const k of servicesForLabels(this.services.list(pod.metadata.namespace ?? ''), pod.metadata.labels)) this.queue.add(k);
  }

  private podUpdated(old: Obj, cur: Obj): void {
    for (const k of servicesOnPodUpdate(this.services.list(cur.metadata.namespace ?? ''), old, cur)) this.queue.add(k);
  }

  async reconcile(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(key);
    if (!svc) return this.serviceGone(key, namespace, name);
    if (!managesEndpoints(svc)) return;
    const pods = this.pods.list(namespace).filter((p) => serviceSelects(svc, p.metadata.labels));
    const trigger = this.triggers.compute(key, svc, pods);
    const subsets = desiredSubsets(svc, pods);
    const cur = this.endpoints.get(key);
    if (cur && this.stale.get(key) === cur.metadata.resourceVersion) {
      throw new Error(`endpoints informer cache is out of date, resource version ${cur.metadata.resourceVersion} already processed for endpoints ${key}`);
    }
    if (cur && upToDate(cur, svc, subsets)) return;
    await this.write(svc, cur, desiredEndpoints(cur, svc, subsets, trigger));
  }

  private async serviceGone(key: string, namespace: string, name: string): Promise<void> {
    try {
      await this.ctx.client.delete(REFS.endpoints, namespace, name);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    this.triggers.delete(key);
    this.stale.delete(key);
  }

  private async write(svc: Obj, cur: Obj | undefined, next: Obj): Promise<void> {
    const ns = svc.metadata.namespace ?? '';
    const id = `${ns}/${svc.metadata.name}`;
    try {
      if (!cur) {
        await this.ctx.client.create(REFS.endpoints, ns, next);
        return;
      }
      const updated = await this.ctx.client.update(REFS.endpoints, next);
      if (updated.metadata.resourceVersion !== cur.metadata.resourceVersion) this.stale.set(keyOf(cur), cur.metadata.resourceVersion ?? '');
    } catch (e) {
      if (!cur && namespaceTerminating(e)) return;
      const msg = (e as Error).message;
      if (!cur) this.ctx.recorder.event(next, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${id}: ${msg}`);
      else this.ctx.recorder.event(next, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${id}: ${msg}`);
      throw e;
    }
  }
}

/** kube-controller-manager's `endpoint` controller (--concurrent-endpoint-syncs 5). */
export const endpointsController: ControllerDef = {
  name: 'endpoint',
  serviceAccount: 'endpoint-controller',
  component: 'endpoint-controller',
  workers: 5,
  create: (ctx) => new EndpointsController(ctx),
};
