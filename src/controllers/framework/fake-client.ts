// An in-memory Client for controller unit tests (client-go's fake clientset): seed objects,
// reconcile, then read `actions` for the writes. It keeps resourceVersions, uids, generateName,
// finalizers and deletionTimestamp as the apiserver does; it does not validate or default.
import jsonpatch, { type Operation } from 'fast-json-patch';
import {
  ApiError, type Client, type DeleteOptions, type ListOptions, type Obj, type ObjList, type PatchType,
  type ResourceRef, type Watch, type WatchEvent, type WatchOptions, type WriteOptions,
} from '../../client/types.js';
import { matchesLabels, parseLabelSelector } from '../../api/selectors/labels.js';

export interface Action {
  verb: 'create' | 'update' | 'patch' | 'delete';
  resource: string;
  namespace: string;
  name: string;
  subresource?: string;
  object?: Obj;
}

type Listener = { ref: ResourceRef; ns: string; on: (e: WatchEvent) => void };

const err = (code: number, reason: string, message: string) => new ApiError({ kind: 'Status', code, reason, message, status: 'Failure' });

export class FakeClient implements Client {
  readonly actions: Action[] = [];
  private readonly objects = new Map<string, Obj>();
  private rv = 1;
  private uidSeq = 0;
  private listeners: Listener[] = [];

  constructor(readonly now: () => number = () => Date.parse('2026-01-01T00:00:00Z')) {}

  private k(ref: ResourceRef, ns: string, name: string): string {
    return `${ref.group}/${ref.resource}/${ref.namespaced ? ns : ''}/${name}`;
  }

  /** Puts objects in place without recording actions. */
  seed(ref: ResourceRef, ...objs: Obj[]): void {
    for (const o of objs) this.store(ref, { ...structuredClone(o), metadata: { uid: `uid-${++this.uidSeq}`, creationTimestamp: new Date(this.now()).toISOString().replace(/\.\d+Z$/, 'Z'), ...structuredClone(o.metadata) } }, 'ADDED');
  }

  /** The stored object, or undefined. */
  peek<T extends Obj = Obj>(ref: ResourceRef, ns: string, name: string): T | undefined {
    const o = this.objects.get(this.k(ref, ns, name));
    return o ? (structuredClone(o) as T) : undefined;
  }

  all<T extends Obj = Obj>(ref: ResourceRef, ns = ''): T[] {
    const prefix = `${ref.group}/${ref.resource}/`;
    return [...this.objects.entries()].filter(([k, o]) => k.startsWith(prefix) && (!ns || o.metadata.namespace === ns)).map(([, o]) => structuredClone(o) as T);
  }

  private store(ref: ResourceRef, o: Obj, type: 'ADDED' | 'MODIFIED'): Obj {
    o.metadata.resourceVersion = String(++this.rv);
    this.objects.set(this.k(ref, o.metadata.namespace ?? '', o.metadata.name ?? ''), o);
    this.emit(ref, type, o);
    return structuredClone(o);
  }

  private emit(ref: ResourceRef, type: WatchEvent['type'], o: Obj): void {
    for (const l of this.listeners) {
      if (l.ref.group === ref.group && l.ref.resource === ref.resource && (!l.ns || l.ns === o.metadata.namespace)) l.on({ type, object: structuredClone(o) });
    }
  }

  private must(ref: ResourceRef, ns: string, name: string): Obj {
    const o = this.objects.get(this.k(ref, ns, name));
    if (!o) throw err(404, 'NotFound', `${ref.resource}${ref.group ? '.' + ref.group : ''} "${name}" not found`);
    return o;
  }

  async get<T extends Obj>(ref: ResourceRef, ns: string, name: string): Promise<T> {
    return structuredClone(this.must(ref, ns, name)) as T;
  }

  async list<T extends Obj>(ref: ResourceRef, ns: string, o: ListOptions = {}): Promise<ObjList<T>> {
    const sel = parseLabelSelector(o.labelSelector);
    const items = this.all<T>(ref, ns).filter((x) => matchesLabels(sel, x.metadata.labels));
    return { metadata: { resourceVersion: String(this.rv) }, items };
  }

  async create<T extends Obj>(ref: ResourceRef, ns: string, obj: Obj, o: WriteOptions & { name?: string } = {}): Promise<T> {
    if (o.subresource) return this.createSub(ref, ns, o.name ?? '', o.subresource, obj) as Promise<T>;
    const c = structuredClone(obj);
    const m = c.metadata;
    if (!m.name && m.generateName) m.name = `${m.generateName}${(++this.uidSeq).toString(36).padStart(5, 'x')}`;
    if (ref.namespaced) m.namespace = ns;
    if (this.objects.has(this.k(ref, ns, m.name ?? ''))) throw err(409, 'AlreadyExists', `${ref.resource} "${m.name}" already exists`);
    m.uid = `uid-${++this.uidSeq}`;
    m.creationTimestamp = new Date(this.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    if (c.spec !== undefined && m.generation === undefined) m.generation = 1;
    this.actions.push({ verb: 'create', resource: ref.resource, namespace: ns, name: m.name ?? '', object: structuredClone(c) });
    return this.store(ref, c, 'ADDED') as T;
  }

  private async createSub(ref: ResourceRef, ns: string, name: string, sub: string, body: Obj): Promise<Obj> {
    const cur = this.must(ref, ns, name);
    this.actions.push({ verb: 'create', resource: ref.resource, namespace: ns, name, subresource: sub, object: structuredClone(body) });
    if (sub === 'binding') {
      const target = (body as { target?: { name?: string } }).target?.name;
      const next = structuredClone(cur);
      next.spec = { ...(next.spec as object), nodeName: target };
      this.store(ref, next, 'MODIFIED');
    } else if (sub === 'eviction') {
      await this.delete(ref, ns, name);
    }
    return { metadata: {}, kind: 'Status' };
  }

  async update<T extends Obj>(ref: ResourceRef, obj: Obj, o: WriteOptions = {}): Promise<T> {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const cur = this.must(ref, ns, name);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      throw err(409, 'Conflict', `Operation cannot be fulfilled on ${ref.resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const next = o.subresource === 'status' ? { ...structuredClone(cur), status: structuredClone(obj.status) } : structuredClone(obj);
    next.metadata = o.subresource === 'status'
      // Status strategies keep spec and labels; annotations written with status stay (deployment revision).
      ? { ...next.metadata, ...(obj.metadata.annotations ? { annotations: structuredClone(obj.metadata.annotations) } : {}) }
      : { ...structuredClone(obj.metadata), uid: cur.metadata.uid, creationTimestamp: cur.metadata.creationTimestamp };
    if (!o.subresource && JSON.stringify(next.spec) !== JSON.stringify(cur.spec) && cur.metadata.generation !== undefined) next.metadata.generation = cur.metadata.generation + 1;
    this.actions.push({ verb: 'update', resource: ref.resource, namespace: ns, name, ...(o.subresource ? { subresource: o.subresource } : {}), object: structuredClone(next) });
    return this.finishWrite(ref, next) as T;
  }

  private finishWrite(ref: ResourceRef, next: Obj): Obj {
    const nsFinalizers = ref.resource === 'namespaces' ? ((next.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []) : [];
    if (next.metadata.deletionTimestamp && !(next.metadata.finalizers?.length) && !nsFinalizers.length) {
      this.objects.delete(this.k(ref, next.metadata.namespace ?? '', next.metadata.name ?? ''));
      this.emit(ref, 'DELETED', next);
      return next;
    }
    return this.store(ref, next, 'MODIFIED');
  }

  async patch<T extends Obj>(ref: ResourceRef, ns: string, name: string, type: PatchType, patch: unknown, o: WriteOptions = {}): Promise<T> {
    const cur = structuredClone(this.must(ref, ns, name));
    const next = type === 'application/json-patch+json'
      ? (jsonpatch.applyPatch(cur, patch as Operation[], false, false).newDocument as Obj)
      : (mergePatch(cur, patch) as Obj);
    this.actions.push({ verb: 'patch', resource: ref.resource, namespace: ns, name, ...(o.subresource ? { subresource: o.subresource } : {}), object: structuredClone(patch as Obj) });
    return this.finishWrite(ref, next) as T;
  }

  async delete(ref: ResourceRef, ns: string, name: string, o: DeleteOptions = {}): Promise<Obj | undefined> {
    const cur = this.must(ref, ns, name);
    if (o.preconditions?.uid && o.preconditions.uid !== cur.metadata.uid) throw err(409, 'Conflict', `Precondition failed: UID in precondition: ${o.preconditions.uid}, UID in object meta: ${cur.metadata.uid}`);
    this.actions.push({ verb: 'delete', resource: ref.resource, namespace: ns, name });
    const finalizers = [...(cur.metadata.finalizers ?? [])];
    if (o.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (o.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (finalizers.length) {
      const next = structuredClone(cur);
      next.metadata.finalizers = finalizers;
      next.metadata.deletionTimestamp ??= new Date(this.now()).toISOString().replace(/\.\d+Z$/, 'Z');
      return this.store(ref, next, 'MODIFIED');
    }
    this.objects.delete(this.k(ref, ns, name));
    this.emit(ref, 'DELETED', cur);
    return undefined;
  }

  watch<T extends Obj>(ref: ResourceRef, ns: string, _o: WatchOptions, onEvent: (e: WatchEvent<T>) => void): Watch {
    const l: Listener = { ref, ns, on: onEvent as (e: WatchEvent) => void };
    this.listeners.push(l);
    let finish: (e: Error | undefined) => void = () => {};
    const done = new Promise<Error | undefined>((r) => (finish = r));
    return { stop: () => { this.listeners = this.listeners.filter((x) => x !== l); finish(undefined); }, done };
  }
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (k === '$patch' || k.startsWith('$setElementOrder')) continue;
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
