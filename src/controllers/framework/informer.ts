// A reflector and its cache: list, then watch from the list's resourceVersion; on a dropped watch
// watch again from the last seen version, on 410 Gone list again (and report what vanished as
// deletes). Handlers see add/update/delete in order; the cache is what listers read.
import type { Client, Obj, ResourceRef, WatchEvent } from '../../client/types.js';
import { isGone, keyOf } from '../../client/types.js';
import { apiVersionOf } from '../../client/refs.js';

export interface Handlers<T extends Obj> {
  add?(obj: T): void;
  update?(old: T, obj: T): void;
  delete?(obj: T): void;
}

export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Wait before retrying a failed list or watch, ms. */
  retryMs?: number;
  log?: (msg: string) => void;
}

export class Informer<T extends Obj = Obj> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: Handlers<T>[] = [];
  private lastRV = '';
  private stopped = false;
  private started = false;
  private stopWatch: (() => void) | undefined;
  private synced: Promise<void>;
  private markSynced: () => void = () => {};
  hasSynced = false;

  constructor(private readonly client: Client, readonly ref: ResourceRef, private readonly opts: InformerOptions = {}) {
    this.synced = new Promise((r) => (this.markSynced = r));
  }

  on(h: Handlers<T>): void {
    this.handlers.push(h);
    if (this.hasSynced) for (const o of this.cache.values()) h.add?.(o);
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  getBy(namespace: string, name: string): T | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  /** Every cached object, or those of one namespace. */
  list(namespace?: string): T[] {
    const all = [...this.cache.values()];
    return namespace === undefined ? all : all.filter((o) => (o.metadata.namespace ?? '') === namespace);
  }

  /** Starts listing and watching; resolves once the first list is in the cache. */
  start(): Promise<void> {
    if (this.started) return this.synced;
    this.started = true;
    void this.loop();
    return this.synced;
  }

  waitForSync(): Promise<void> {
    return this.synced;
  }

  stop(): void {
    this.stopped = true;
    this.stopWatch?.();
  }

  private async loop(): Promise<void> {
    let needList = true;
    while (!this.stopped) {
      try {
        if (needList) await this.relist();
        needList = false;
        const err = await this.watchOnce();
        if (err && isGone(err)) needList = true;
        else if (err) throw err;
      } catch (err) {
        if (this.stopped) return;
        this.opts.log?.(`${this.ref.resource}: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, this.opts.retryMs ?? 1000).unref?.());
      }
    }
  }

  private async relist(): Promise<void> {
    const items: T[] = [];
    let cont: string | undefined;
    let rv = '';
    do {
      const page = await this.client.list<T>(this.ref, this.opts.namespace ?? '', {
        ...(this.opts.labelSelector ? { labelSelector: this.opts.labelSelector } : {}),
        ...(this.opts.fieldSelector ? { fieldSelector: this.opts.fieldSelector } : {}),
        limit: 500, ...(cont ? { continue: cont } : {}),
      });
      items.push(...page.items);
      cont = page.metadata.continue || undefined;
      rv = page.metadata.resourceVersion ?? rv;
    } while (cont);
    this.replace(items);
    this.lastRV = rv;
    if (!this.hasSynced) {
      this.hasSynced = true;
      this.markSynced();
    }
  }

  private replace(items: T[]): void {
    const seen = new Set<string>();
    for (const o of items) {
      const k = keyOf(o);
      seen.add(k);
      this.apply('ADDED', o);
    }
    for (const [k, o] of [...this.cache]) if (!seen.has(k)) this.apply('DELETED', o);
  }

  private watchOnce(): Promise<Error | undefined> {
    const w = this.client.watch<T>(this.ref, this.opts.namespace ?? '', {
      resourceVersion: this.lastRV, allowWatchBookmarks: true, timeoutSeconds: 300 + Math.floor(Math.random() * 300),
      ...(this.opts.labelSelector ? { labelSelector: this.opts.labelSelector } : {}),
      ...(this.opts.fieldSelector ? { fieldSelector: this.opts.fieldSelector } : {}),
    }, (e) => this.onEvent(e));
    this.stopWatch = () => w.stop();
    return w.done;
  }

  private onEvent(e: WatchEvent<T>): void {
    if (e.object.metadata.resourceVersion) this.lastRV = e.object.metadata.resourceVersion;
    if (e.type !== 'BOOKMARK') this.apply(e.type, e.object);
  }

  private apply(type: WatchEvent['type'], o: T): void {
    // List items come without apiVersion/kind (as from the real apiserver); owners need them.
    o.apiVersion ??= apiVersionOf(this.ref);
    o.kind ??= this.ref.kind;
    const k = keyOf(o);
    const old = this.cache.get(k);
    if (type === 'DELETED') {
      if (!old) return;
      this.cache.delete(k);
      for (const h of this.handlers) h.delete?.(o);
      return;
    }
    if (old && old.metadata.resourceVersion === o.metadata.resourceVersion) return;
    this.cache.set(k, o);
    for (const h of this.handlers) old ? h.update?.(old, o) : h.add?.(o);
  }
}

/** One informer per resource, shared by every loop of a component. */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();

  constructor(private readonly client: Client, private readonly opts: InformerOptions = {}) {}

  for<T extends Obj = Obj>(ref: ResourceRef): Informer<T> {
    const k = `${ref.group}/${ref.resource}`;
    let inf = this.informers.get(k);
    if (!inf) {
      inf = new Informer(this.client, ref, this.opts);
      this.informers.set(k, inf);
    }
    return inf as unknown as Informer<T>;
  }

  /** Starts every informer asked for so far and waits for their first lists. */
  async start(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.start()));
  }

  stop(): void {
    for (const i of this.informers.values()) i.stop();
  }
}
