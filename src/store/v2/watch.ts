// v2 watches. A watcher is first checked against the event history (etcd's EventHistory.scan);
// if nothing there matches it waits for new events, which a hub finds by polling the store index
// (so writes by other processes show up within one poll) and matches as etcd's watcherHub does.
import { isBelow, isHiddenBelow } from './keys.js';
import type { EventRow } from './tables.js';
import type { V2Result, V2Watcher } from './types.js';

/** One watch as its caller sees it: delivery, the first event, the end. */
export class Watch implements V2Watcher {
  readonly firstEvent: Promise<V2Result | null>;
  readonly done: Promise<void>;
  private resolveFirst!: (ev: V2Result | null) => void;
  private resolveDone!: () => void;
  private rejectDone!: (err: unknown) => void;
  private over = false;

  constructor(
    readonly startIndex: number,
    private readonly stream: boolean,
    private readonly onEvent: ((ev: V2Result) => void) | undefined,
    private readonly onEnd: (w: Watch) => void,
  ) {
    this.firstEvent = new Promise((resolve) => (this.resolveFirst = resolve));
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // A caller that never looks at done must not get an unhandled rejection.
    this.done.catch(() => undefined);
  }

  get ended(): boolean {
    return this.over;
  }

  deliver(ev: V2Result): void {
    if (this.over) return;
    try {
      this.onEvent?.(ev);
    } catch (err) {
      this.finish(err);
      return;
    }
    this.resolveFirst(ev);
    if (!this.stream) this.finish();
  }

  cancel(): void {
    this.finish();
  }

  /** Ends the watch; an error (from the caller's callback) rejects done. */
  finish(err?: unknown): void {
    if (this.over) return;
    this.over = true;
    this.resolveFirst(null);
    if (err === undefined) this.resolveDone();
    else this.rejectDone(err);
    this.onEnd(this);
  }
}

/** A watch waiting for events newer than lastSeen. */
export interface LiveWatch {
  watch: Watch;
  key: string;
  recursive: boolean;
  /** Events below this index are not reported (etcd's sinceIndex). */
  sinceIndex: number;
  lastSeen: number;
}

/**
 * How many times etcd hands a new event to a watcher: once for a removal that took the watched
 * path away, once more when the watched key is the event's key (or, recursive, above it and not
 * hidden). So a stream watching a key that is deleted hears the delete twice, as etcd's does.
 */
export function liveDeliveries(w: Pick<LiveWatch, 'key' | 'recursive'>, ev: Pick<EventRow, 'key' | 'removed'>): number {
  const byRemoval = ev.removed?.includes(w.key) ? 1 : 0;
  const onPath = ev.key === w.key || (w.recursive && isBelow(w.key, ev.key) && !isHiddenBelow(w.key, ev.key));
  return byRemoval + (onPath ? 1 : 0);
}

export interface EventSource {
  /** Runs on every poll before reading (expires due keys). */
  beforePoll(): void;
  /** In one snapshot: the store index, the oldest kept index, and the events after `after`. */
  read(after: number): { index: number; historyStart: number; events: EventRow[] };
}

export function eventResult(ev: EventRow, index: number): V2Result {
  return { ...(JSON.parse(ev.body) as Omit<V2Result, 'index'>), index };
}

/** The live watchers of one store handle and the poll that feeds them. */
export class WatchHub {
  private readonly live = new Set<LiveWatch>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: EventSource,
    private readonly intervalMs: number,
  ) {}

  add(w: LiveWatch): void {
    this.live.add(w);
    this.timer ??= setInterval(() => this.poll(), this.intervalMs);
  }

  remove(w: Watch): void {
    for (const l of this.live) if (l.watch === w) this.live.delete(l);
    if (this.live.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** One look at the store; public so tests and daemons can drive it without waiting. */
  poll(): void {
    if (this.live.size === 0) return;
    let snap: ReturnType<EventSource['read']>;
    try {
      this.source.beforePoll();
      snap = this.source.read(Math.min(...[...this.live].map((l) => l.lastSeen)));
    } catch (err) {
      for (const l of [...this.live]) l.watch.finish(err);
      return;
    }
    for (const l of [...this.live]) this.dispatch(l, snap);
  }

  private dispatch(l: LiveWatch, snap: ReturnType<EventSource['read']>): void {
    if (snap.index <= l.lastSeen) return;
    // Events this watcher never saw were trimmed from the history: etcd drops such a slow watcher.
    if (l.lastSeen + 1 < snap.historyStart) {
      l.watch.finish();
      return;
    }
    for (const ev of snap.events) {
      if (ev.idx <= l.lastSeen || ev.idx < l.sinceIndex) continue;
      for (let n = liveDeliveries(l, ev); n > 0 && !l.watch.ended; n--) l.watch.deliver(eventResult(ev, ev.idx));
      if (l.watch.ended) return;
    }
    l.lastSeen = snap.index;
  }
}
