// The generic REST semantics of every stored resource: create, update, patch, delete with
// defaulting, admission, validation and optimistic concurrency, on top of ObjectStorage.
import type { FieldError, KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { groupVersion, qualifiedKind } from '../resources/types.js';
import { ObjectStorage } from '../storage/storage.js';
import { alreadyExists, conflict, invalid, notFound, OPTIMISTIC_LOCK, StatusError } from '../errors.js';
import { applyDefaults } from '../defaulting/index.js';
import { compilesCel, validateCreate, validateEphemeralContainersUpdate, validateUpdate } from '../validation/index.js';
import { celReady } from '../cel/cel.js';
import type { Generators, RequestContext } from './context.js';
import { rfc3339 } from './context.js';
import { stampCreate, stampUpdate } from './meta.js';
import { mergeForEndpoint, writeRule, type WriteEndpoint } from './write-strategy.js';
import { runMutating, runValidating, type AdmissionPlugin } from './admission.js';
import { initialStatus } from './status.js';
import { fillZeroTimes } from './zero-times.js';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
}

/**
 * The endpoint a write comes through: the resource, /status, a CSR's /approval,
 * pods/ephemeralcontainers, or pods/binding (its storage writes nodeName and the PodScheduled
 * condition into the object it read: no strategy merge).
 */
export type Subresource = WriteEndpoint | 'ephemeralcontainers' | 'binding';

const gr = (d: ResourceDescriptor) => ({ group: d.group, resource: d.plural });
const clone = <T>(v: T): T => structuredClone(v);

export class Registry {
  constructor(
    readonly storage: ObjectStorage,
    readonly gen: Generators,
    readonly admission: AdmissionPlugin[],
  ) {}

  private async check(d: ResourceDescriptor, obj: KObject, old: KObject | undefined, sub = 'main'): Promise<void> {
    const qk = qualifiedKind(d);
    const pre: FieldError[] = [];
    if (old && sub === 'ephemeralcontainers') {
      // pods/ephemeralcontainers may add debug containers; everything else must still hold.
      pre.push(...validateEphemeralContainersUpdate((obj.spec ?? {}) as Record<string, unknown>, (old.spec ?? {}) as Record<string, unknown>));
      old = { ...old, spec: { ...(old.spec as object), ephemeralContainers: (obj.spec as { ephemeralContainers?: unknown }).ephemeralContainers } };
    }
    if (compilesCel(qk, obj)) await celReady();
    const errs = d.custom ? await d.custom.validate(obj, old) : [...pre, ...(old ? validateUpdate(qk, obj, old, { namespaced: d.namespaced }) : validateCreate(qk, obj, { namespaced: d.namespaced }))];
    if (errs.length) throw invalid(qk, d.group, d.kind, obj.metadata.name ?? '', errs);
  }

  async create(d: ResourceDescriptor, ns: string | undefined, input: KObject, ctx: RequestContext): Promise<KObject> {
    const obj = clone(input);
    obj.metadata ??= {};
    if (d.namespaced) obj.metadata.namespace = ns;
    stampCreate(d, obj, this.gen);
    normalize(d, obj);
    ctx.trackFields?.(undefined, obj);
    const req = { op: 'CREATE' as const, d, subresource: '', namespace: ns, name: obj.metadata.name ?? '', obj, old: undefined, ctx };
    await runMutating(this.admission, req);
    initialStatus(d, obj, rfc3339(this.gen.now()));
    d.prepareForCreate?.(obj, { now: rfc3339(this.gen.now()), user: ctx.user });
    typed(d, obj);
    await this.check(d, obj, undefined);
    await runValidating(this.admission, req);
    if (ctx.dryRun) {
      if (await this.storage.tryGet(d, ns, obj.metadata.name!)) throw alreadyExists(gr(d), obj.metadata.name!);
      return obj;
    }
    return this.storage.create(d, obj);
  }

  /** PUT: obj replaces the stored object, or what the subresource's strategy lets it change. */
  async update(d: ResourceDescriptor, ns: string | undefined, name: string, input: KObject, ctx: RequestContext, sub: WriteEndpoint = 'main'): Promise<KObject> {
    const old = await this.storage.get(d, ns, name);
    return this.updateFrom(d, old, clone(input), ctx, sub);
  }

  async updateFrom(d: ResourceDescriptor, old: KObject, input: KObject, ctx: RequestContext, sub: Subresource): Promise<KObject> {
    const name = old.metadata.name!;
    input.metadata ??= {};
    const wantRv = input.metadata.resourceVersion;
    if (wantRv && wantRv !== old.metadata.resourceVersion) throw conflict(gr(d), name, OPTIMISTIC_LOCK);
    let obj = d.statusSubresource && sub !== 'binding' ? mergeForEndpoint(d, input, old, sub === 'ephemeralcontainers' ? 'main' : sub, rfc3339(this.gen.now())) : input;
    if (d.namespaced) obj.metadata.namespace = old.metadata.namespace;
    obj.metadata.name = name;
    stampUpdate(d, obj, old, sub === 'main' && d.statusSubresource && writeRule(d, 'main').annotationsBumpGeneration === true);
    normalize(d, obj);
    ctx.trackFields?.(old, obj);
    d.prepareForUpdate?.(obj, old, { now: rfc3339(this.gen.now()), user: ctx.user });
    const req = { op: 'UPDATE' as const, d, subresource: sub === 'main' || sub === 'binding' ? '' : sub, namespace: old.metadata.namespace, name, obj, old, ctx };
    await runMutating(this.admission, req);
    obj = req.obj;
    typed(d, obj);
    await this.check(d, obj, old, sub);
    await runValidating(this.admission, req);
    if (JSON.stringify({ ...obj, metadata: { ...obj.metadata, resourceVersion: '' } }) === JSON.stringify({ ...old, metadata: { ...old.metadata, resourceVersion: '' } })) return old;
    if (ctx.dryRun) return obj;
    if (old.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).length && !namespaceFinalizing(d, obj)) {
      await this.storage.delete(d, old, Number(old.metadata.resourceVersion));
      return obj;
    }
    return this.storage.update(d, obj, Number(old.metadata.resourceVersion));
  }

  /** Read-modify-write with retries on conflicts (patch, scale, label…). */
  async guaranteedUpdate(
    d: ResourceDescriptor, ns: string | undefined, name: string, ctx: RequestContext, sub: Subresource,
    mutate: (current: KObject) => KObject,
  ): Promise<KObject> {
    for (let attempt = 0; ; attempt++) {
      const old = await this.storage.get(d, ns, name);
      const next = mutate(clone(old));
      const pinned = next.metadata?.resourceVersion && next.metadata.resourceVersion !== old.metadata.resourceVersion;
      if (!pinned) (next.metadata ??= {}).resourceVersion = old.metadata.resourceVersion;
      try {
        return await this.updateFrom(d, old, next, ctx, sub);
      } catch (err) {
        if (pinned || attempt > 8 || !(err instanceof StatusError) || err.status.reason !== 'Conflict') throw err;
      }
    }
  }

  async delete(d: ResourceDescriptor, ns: string | undefined, name: string, opts: DeleteOptions, ctx: RequestContext): Promise<{ obj: KObject; deleted: boolean }> {
    const old = await this.storage.get(d, ns, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) throw conflict(gr(d), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) throw conflict(gr(d), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    const req = { op: 'DELETE' as const, d, subresource: '', namespace: ns, name, obj: undefined, old, ctx };
    await runMutating(this.admission, req);
    await runValidating(this.admission, req);
    const finalizers = [...(old.metadata.finalizers ?? [])];
    if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (d.deleteFinalizer && !finalizers.includes(d.deleteFinalizer)) finalizers.push(d.deleteFinalizer);
    if (finalizers.length || this.graceful(d, old, opts) || namespaceFinalizing(d, old)) return this.markDeleting(d, old, finalizers, opts, ctx);
    if (!ctx.dryRun) await this.storage.delete(d, old, Number(old.metadata.resourceVersion));
    return { obj: old, deleted: true };
  }

  /** Pods bound to a node are deleted by their kubelet after the grace period. */
  private graceful(d: ResourceDescriptor, old: KObject, opts: DeleteOptions): boolean {
    if (d.group !== '' || d.plural !== 'pods') return false;
    const spec = (old.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = ((old.status ?? {}) as { phase?: string }).phase;
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return false;
    return (opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30) > 0;
  }

  private async markDeleting(d: ResourceDescriptor, old: KObject, finalizers: string[], opts: DeleteOptions, ctx: RequestContext): Promise<{ obj: KObject; deleted: boolean }> {
    const spec = (old.spec ?? {}) as { terminationGracePeriodSeconds?: number };
    const grace = this.graceful(d, old, opts) ? (opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30) : 0;
    if (old.metadata.deletionTimestamp && JSON.stringify(finalizers) === JSON.stringify(old.metadata.finalizers ?? [])) return { obj: old, deleted: false };
    const obj = clone(old);
    obj.metadata.deletionTimestamp ??= rfc3339(this.gen.now() + grace * 1000);
    obj.metadata.deletionGracePeriodSeconds ??= grace;
    if (finalizers.length) obj.metadata.finalizers = finalizers;
    d.prepareForDelete?.(obj, { now: rfc3339(this.gen.now()) });
    if (d.plural === 'namespaces' && d.group === '') (obj.status as Record<string, unknown>) = { ...(obj.status as object), phase: 'Terminating' };
    if (ctx.dryRun) return { obj, deleted: false };
    return { obj: await this.storage.update(d, obj, Number(old.metadata.resourceVersion)), deleted: false };
  }

  get(d: ResourceDescriptor, ns: string | undefined, name: string): Promise<KObject> {
    return this.storage.get(d, ns, name);
  }
}

export { notFound };

/** Defaulting: a custom resource's schema prunes and defaults it, a built-in kind's defaulters run. */
function normalize(d: ResourceDescriptor, obj: KObject): void {
  if (!d.custom) {
    applyDefaults(qualifiedKind(d), obj);
    return typed(d, obj);
  }
  d.custom.prune(obj);
  d.custom.defaults(obj);
}

/** A built-in kind as the typed decode leaves it: zero times present as null (zero-times.ts). */
function typed(d: ResourceDescriptor, obj: KObject): void {
  if (!d.custom) fillZeroTimes(groupVersion(d), d.kind, obj);
}

/** A namespace with spec.finalizers goes Terminating; the namespace controller empties it. */
function namespaceFinalizing(d: ResourceDescriptor, old: KObject): boolean {
  return d.group === '' && d.plural === 'namespaces' && (((old.spec ?? {}) as { finalizers?: string[] }).finalizers ?? []).length > 0;
}
