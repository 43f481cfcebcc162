// The EndpointSlice controller (pkg/controller/endpointslice, v1.32): for each service with a
// selector, EndpointSlices labelled kubernetes.io/service-name and managed-by
// endpointslice-controller.k8s.io, owned by the service (the garbage collector removes them with
// it), holding at most --max-endpoints-per-slice (100) endpoints each, updated in place.
import type { Obj } from '../../client/types.js';
import { ApiError, isNotFound, keyOf, splitKey } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { ControllerContext, ControllerDef, Reconciler } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import type { WorkQueue } from '../framework/queue.js';
import { managesEndpoints, serviceSelects, servicesForLabels, servicesOnPodUpdate, TRIGGER_TIME_ANNOTATION } from '../endpoints/service-pods.js';
import { rfc3339Nano, TriggerTimeTracker } from '../endpoints/trigger-time.js';
import type { AddressType, Slice } from './slice-build.js';
import { addressTypesFor, CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './slice-build.js';
import { desiredGroups } from './desired.js';
import type { Plan } from './slice-plan.js';
import { planAddressType, recycle } from './slice-plan.js';
import { SliceTracker } from './slice-tracker.js';

/** endpointSliceChangeMinSyncDelay. */
const SLICE_CHANGE_DELAY_MS = 1000;
const DEFAULT_MAX_PER_SLICE = 100;

const managed = (s: Obj): boolean => s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME;
const namespaceTerminating = (e: unknown): boolean =>
  e instanceof ApiError && (e.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');
const aggregate = (errs: string[]): string => (errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`);

function withTrigger(slice: Slice, triggerMs: number): Slice {
  const annotations = { ...slice.metadata.annotations };
  if (triggerMs) annotations[TRIGGER_TIME_ANNOTATION] = rfc3339Nano(triggerMs);
  else delete annotations[TRIGGER_TIME_ANNOTATION];
  const metadata: Obj['metadata'] = { ...slice.metadata, annotations };
  if (!Object.keys(annotations).length) delete metadata.annotations;
  return { ...slice, metadata };
}

export class EndpointSliceController implements Reconciler {
  readonly name = 'endpointslice';
  readonly queue: WorkQueue;
  private readonly services: Informer;
  private readonly pods: Informer;
  private readonly slices: Informer<Slice>;
  private readonly nodes: Informer;
  private readonly triggers = new TriggerTimeTracker();
  private readonly tracker = new SliceTracker();
  private readonly maxPerSlice: number;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.services = ctx.informers.for(REFS.services);
    this.pods = ctx.informers.for(REFS.pods);
    this.slices = ctx.informers.for<Slice>(REFS.endpointslices);
    this.nodes = ctx.informers.for(REFS.nodes);
    const flag = ctx.flags?.['max-endpoints-per-slice'];
    this.maxPerSlice = Number(flag) > 0 ? Number(flag) : DEFAULT_MAX_PER_SLICE;
    const enqueue = (o: Obj) => this.queue.add(keyOf(o));
    this.services.on({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue });
    const forPod = (p: Obj) => servicesForLabels(this.services.list(p.metadata.namespace ?? ''), p.metadata.labels).forEach((k) => this.queue.add(k));
    this.pods.on({ add: forPod, delete: forPod, update: (o, n) => servicesOnPodUpdate(this.services.list(n.metadata.namespace ?? ''), o, n).forEach((k) => this.queue.add(k)) });
    this.slices.on({ add: (s) => this.sliceAdded(s), update: (o, n) => this.sliceUpdated(o, n), delete: (s) => this.sliceDeleted(s) });
  }

  private queueForSlice(s: Obj): void {
    const svc = s.metadata.labels?.[LABEL_SERVICE_NAME];
    if (svc) this.queue.addAfter(`${s.metadata.namespace}/${svc}`, SLICE_CHANGE_DELAY_MS);
  }

  private sliceAdded(s: Slice): void {
    if (managed(s) && this.tracker.shouldSync(s)) this.queueForSlice(s);
  }

  private sliceUpdated(old: Slice, cur: Slice): void {
    if (old.metadata.labels?.[LABEL_SERVICE_NAME] !== cur.metadata.labels?.[LABEL_SERVICE_NAME]) {
      this.queueForSlice(cur);
      this.queueForSlice(old);
    } else if (managed(old) !== managed(cur) || (managed(cur) && this.tracker.shouldSync(cur))) this.queueForSlice(cur);
  }

  /** Upstream ignores deletions of slices it never tracked; any unexpected one resyncs here. */
  private sliceDeleted(s: Slice): void {
    if (managed(s) && !this.tracker.handleDeletion(s)) this.queueForSlice(s);
  }

  async reconcile(key: string): Promise<void> {
    const { namespace } = splitKey(key);
    const svc = this.services.get(key);
    if (!svc) {
      this.triggers.delete(key);
      this.tracker.deleteService(key);
      return;
    }
    if (!managesEndpoints(svc)) return;
    const pods = this.pods.list(namespace).filter((p) => serviceSelects(svc, p.metadata.labels))
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    const slices = this.slices.list(namespace)
      .filter((s) => managed(s) && s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name && !s.metadata.deletionTimestamp);
    if (this.tracker.stale(key, slices)) throw new Error('EndpointSlice informer cache is out of date');
    const trigger = this.triggers.compute(key, svc, pods);
    const errs = await this.sync(svc, pods, slices, trigger);
    if (!errs.length) return;
    const msg = aggregate(errs);
    this.ctx.recorder.event(svc, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${key}: ${msg}`);
    throw new Error(msg);
  }

  /** Reconciler.Reconcile: each address type the service uses, then slices of types it dropped. */
  private async sync(svc: Obj, pods: Obj[], slices: Slice[], trigger: number): Promise<string[]> {
    const types = addressTypesFor(svc);
    const errs: string[] = [];
    for (const type of types) {
      const { groups, errors } = desiredGroups(svc, pods, type, (n) => this.nodes.get(n));
      errs.push(...errors);
      const plan = recycle(svc, planAddressType(svc, slices.filter((s) => s.addressType === type), groups, type, this.maxPerSlice));
      const err = await this.finalize(svc, plan, trigger);
      if (err) errs.push(err);
    }
    for (const s of slices.filter((x) => !types.includes(x.addressType as AddressType))) {
      const err = await this.remove(s);
      if (err) errs.push(`error deleting ${s.metadata.name} EndpointSlice for Service ${keyOf(svc)}: ${err}`);
    }
    return errs;
  }

  private async remove(s: Slice): Promise<string | undefined> {
    try {
      await this.ctx.client.delete(REFS.endpointslices, s.metadata.namespace ?? '', s.metadata.name ?? '');
    } catch (e) {
      if (!isNotFound(e)) return (e as Error).message;
    }
    this.tracker.expectDeletion(s);
    return undefined;
  }

  /** finalize: creates (not while the service is being deleted), updates, deletes; the first error. */
  private async finalize(svc: Obj, plan: Plan, trigger: number): Promise<string | undefined> {
    const ns = svc.metadata.namespace ?? '';
    const id = keyOf(svc);
    if (!svc.metadata.deletionTimestamp) {
      for (const s of plan.create) {
        try {
          this.tracker.update(await this.ctx.client.create(REFS.endpointslices, ns, withTrigger(s, trigger)));
        } catch (e) {
          if (namespaceTerminating(e)) return undefined;
          return `failed to create EndpointSlice for Service ${id}: ${(e as Error).message}`;
        }
      }
    }
    for (const s of plan.update) {
      try {
        this.tracker.update(await this.ctx.client.update(REFS.endpointslices, withTrigger(s, trigger)));
      } catch (e) {
        return `failed to update ${s.metadata.name} EndpointSlice for Service ${id}: ${(e as Error).message}`;
      }
    }
    for (const s of plan.delete) {
      const err = await this.remove(s);
      if (err) return `failed to delete ${s.metadata.name} EndpointSlice for Service ${id}: ${err}`;
    }
    return undefined;
  }
}

/** kube-controller-manager's `endpointslice` controller (--concurrent-service-endpoint-syncs 5). */
export const endpointSliceController: ControllerDef = {
  name: 'endpointslice',
  serviceAccount: 'endpointslice-controller',
  component: 'endpoint-slice-controller',
  workers: 5,
  create: (ctx) => new EndpointSliceController(ctx),
};
