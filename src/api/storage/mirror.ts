// The objects of one resource kept in memory: listed once, then kept current by a watch on their
// keys (as the apiserver's informers do); a broken watch starts over with a fresh list.
import type { Watcher } from '../../store/index.js';
import type { KObject } from '../types.js';
import type { ObjectStorage } from './storage.js';
import type { ResourceDescriptor } from '../resources/types.js';

export class Mirror {
  readonly byKey = new Map<string, KObject>();
  private watcher: Watcher | undefined;
  constructor(
    private readonly storage: ObjectStorage,
    private readonly d: ResourceDescriptor,
    /** Called for each listed object (as ADDED), then after each change the watch delivers. */
    private readonly onChange?: (type: string, obj: KObject) => void,
  ) {}

  private static key(o: KObject): string {
    return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  }

  async start(): Promise<void> {
    const page = await this.storage.list(this.d, undefined);
    for (const o of page.items) this.byKey.set(Mirror.key(o), o);
    for (const o of page.items) this.onChange?.('ADDED', o);
    this.watcher = this.storage.watch(this.d, undefined, Number(page.resourceVersion), (type, obj) => {
      if (type === 'DELETED') this.byKey.delete(Mirror.key(obj));
      else this.byKey.set(Mirror.key(obj), obj);
      this.onChange?.(type, obj);
    }, () => void this.restart());
  }

  private async restart(): Promise<void> {
    await this.stop();
    this.byKey.clear();
    await this.start();
  }

  inNamespace(ns: string): KObject[] {
    return [...this.byKey.values()].filter((o) => o.metadata.namespace === ns);
  }

  all(): KObject[] {
    return [...this.byKey.values()];
  }

  async stop(): Promise<void> {
    await this.watcher?.cancel();
  }
}

/** Mirrors that live together: started and stopped at once. */
export class MirrorGroup {
  constructor(private readonly mirrors: Mirror[]) {}
  async start(): Promise<void> {
    await Promise.all(this.mirrors.map((m) => m.start()));
  }
  async stop(): Promise<void> {
    await Promise.all(this.mirrors.map((m) => m.stop()));
  }
}
