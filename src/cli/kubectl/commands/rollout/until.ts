// watchtools.UntilWithSync as `rollout status` uses it: an informer on one object (a list with
// fieldSelector metadata.name=NAME, then a watch from the list's resourceVersion) feeding every
// ADDED/MODIFIED state to a condition until it is met, fails, the object is deleted, or the
// optional timeout passes ("timed out waiting for the condition").
import type { RestClient } from '../../../../client/rest.js';
import type { Obj, Watch, WatchEvent } from '../../../../client/types.js';
import { ApiError } from '../../../../client/types.js';
import { collectionPath } from '../../resource/paths.js';
import { requestJson } from '../../resource/request.js';
import type { Info } from '../mutate/info.js';
import type { Klog } from '../../klog.js';
import { reflectorLog, type ReflectorLog } from '../../reflector-log.js';

/** The condition: true when done; a thrown error ends the wait with it. */
export type Condition = (obj: Obj) => boolean;

export const TIMED_OUT = 'timed out waiting for the condition';

interface ListBody {
  metadata?: { resourceVersion?: string };
  items?: Obj[];
}

const enc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');

type Outcome = { kind: 'done' } | { kind: 'closed' } | { kind: 'error'; err: Error };

class Informer {
  private rv = '';
  private watch: Watch | undefined;
  private stopped = false;

  constructor(
    private readonly client: RestClient, private readonly base: string, private readonly name: string,
    private readonly cond: Condition, private readonly onDeleted: () => Error, private readonly log: ReflectorLog,
  ) {}

  stop(): void {
    this.stopped = true;
    this.watch?.stop();
  }

  private get selector(): string {
    return `fieldSelector=${enc(`metadata.name=${this.name}`)}`;
  }

  /** The list: its items, the informer's first events, and the resourceVersion to watch from. */
  async list(): Promise<Obj[]> {
    const body = await requestJson<ListBody>(this.client, 'GET', `${this.base}?${this.selector}&limit=500&resourceVersion=0`);
    this.rv = body.metadata?.resourceVersion ?? '';
    this.log.populated();
    return body.items ?? [];
  }

  private handle(ev: WatchEvent, finish: (o: Outcome) => void): void {
    const rv = ev.object?.metadata?.resourceVersion;
    if (rv) this.rv = rv;
    if (ev.type === 'BOOKMARK') return;
    if (ev.type === 'DELETED') return finish({ kind: 'error', err: this.onDeleted() });
    try {
      if (this.cond(ev.object)) finish({ kind: 'done' });
    } catch (err) {
      finish({ kind: 'error', err: err as Error });
    }
  }

  /** One watch from the last resourceVersion, until it ends or decides. */
  watchOnce(): Promise<Outcome> {
    const timeout = 300 + Math.floor(Math.random() * 300);
    const path = `${this.base}?allowWatchBookmarks=true&${this.selector}&resourceVersion=${enc(this.rv)}&timeoutSeconds=${timeout}&watch=true`;
    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const finish = (o: Outcome): void => {
        if (settled) return;
        settled = true;
        this.watch?.stop();
        resolve(o);
      };
      this.watch = this.client.watchPath(path, (ev) => { if (!settled) this.handle(ev, finish); });
      void this.watch.done.then((err) => finish(err ? { kind: 'error', err } : { kind: 'closed' }));
    });
  }

  /** Whether one of the listed objects meets the condition; the watch is stopped when decided. */
  private decide(items: Obj[]): boolean {
    try {
      const done = items.some((item) => this.cond(item));
      if (done) this.watch?.stop();
      return done;
    } catch (err) {
      this.watch?.stop();
      throw err;
    }
  }

  /** The reflector starts watching as soon as the list is in; the list's items are seen first. */
  async run(): Promise<void> {
    let items = await this.list();
    for (;;) {
      const watching = this.watchOnce();
      if (this.decide(items)) return;
      const o = await watching;
      if (o.kind === 'done' || this.stopped) return;
      if (o.kind === 'error' && (!(o.err instanceof ApiError) || o.err.status.code !== 410)) throw o.err;
      items = o.kind === 'error' ? await this.list() : [];
    }
  }
}

/** The condition's error when the object goes away (rollout status: this one). */
const DELETED = (): Error => new Error('object has been deleted');

/** Waits on info's object; timeoutMs 0 waits for ever. */
export async function untilWithSync(client: RestClient, info: Info, timeoutMs: number, cond: Condition, onDeleted = DELETED, klog?: Klog): Promise<void> {
  const base = collectionPath(info.mapping!, info.namespace || undefined);
  const log = reflectorLog(klog);
  const informer = new Informer(client, base, info.name, cond, onDeleted, log);
  log.started();
  if (timeoutMs <= 0) return informer.run().finally(() => log.stopped());
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      informer.stop();
      reject(new Error(TIMED_OUT));
    }, timeoutMs);
  });
  try {
    await Promise.race([informer.run(), expired]);
  } finally {
    clearTimeout(timer);
    informer.stop();
    log.stopped();
  }
}
