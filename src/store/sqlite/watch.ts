// Watches over the history table. Every watcher has the next revision it wants; one poll loop per
// connection reads the rows after the last revision it saw (a cheap PRAGMA data_version check
// tells it when another process has committed) and hands each watcher its events in order.
// A watcher that starts in the past catches up from the history first; one that starts before the
// compacted revision is cancelled with the compact revision, as etcd does.
import type { KeyValue, WatchEvent, WatchRequest, WatchResponse, Watcher } from '../types.js';
import { classify, inRange, type RangeKind } from '../keyrange.js';
import type { Db } from './db.js';
import { readTxn } from './db.js';
import type { HistoryRow, Statements } from './statements.js';
import { toKeyValue } from './statements.js';

export const WATCH_POLL_MS = 10;

interface Entry {
  range: RangeKind;
  req: WatchRequest;
  nextRev: number;
  deliver: (resp: WatchResponse) => void;
}

export class WatchHub {
  private readonly entries = new Set<Entry>();
  private lastRev: number;
  private lastDataVersion = -1;
  private timer: NodeJS.Timeout | undefined;
  private pending: NodeJS.Immediate | undefined;

  constructor(
    private readonly db: Db,
    private readonly s: Statements,
  ) {
    this.lastRev = s.revision();
  }

  add(req: WatchRequest, deliver: (resp: WatchResponse) => void): Watcher {
    if (this.entries.size === 0) this.lastRev = this.s.revision(); // nothing was followed while idle
    const start = req.startRevision && req.startRevision > 0 ? req.startRevision : this.s.revision() + 1;
    const entry: Entry = { range: classify(req), req, nextRev: start, deliver };
    this.entries.add(entry);
    this.timer ??= setInterval(() => this.poll(), WATCH_POLL_MS);
    this.kick();
    return {
      cancel: async () => {
        this.entries.delete(entry);
        this.stopIfIdle();
      },
    };
  }

  /** Called after a local write: deliver without waiting for the next poll. */
  kick(): void {
    if (this.entries.size === 0 || this.pending) return;
    this.pending = setImmediate(() => {
      this.pending = undefined;
      this.tick();
    });
  }

  close(): void {
    this.entries.clear();
    this.stopIfIdle();
    if (this.pending) clearImmediate(this.pending);
    this.pending = undefined;
  }

  private stopIfIdle(): void {
    if (this.entries.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    const dv = this.db.pragma('data_version', { simple: true }) as number;
    const behind = [...this.entries].some((e) => e.nextRev <= this.lastRev);
    if (dv === this.lastDataVersion && !behind) return;
    this.lastDataVersion = dv;
    this.tick();
  }

  private tick(): void {
    if (!this.db.open) return;
    const { current, compacted, rows, catchUps } = readTxn(this.db, () => this.read());
    for (const e of [...this.entries]) {
      if (!this.entries.has(e)) continue;
      const earlier = catchUps.get(e);
      if (earlier === 'compacted') {
        this.entries.delete(e);
        e.deliver({ header: { revision: current }, events: [], compactRevision: compacted, canceled: true });
        continue;
      }
      const mine = (earlier ?? []).concat(rows.filter((r) => r.rev >= e.nextRev && inRange(e.range, r.key)));
      e.nextRev = Math.max(e.nextRev, current + 1); // a watch from a future revision waits for it
      const events = this.toEvents(e.req, mine);
      if (events.length > 0) e.deliver({ header: { revision: current }, events });
    }
    this.lastRev = current;
    this.stopIfIdle();
  }

  /** One consistent read: the new rows, and the history each lagging watcher has missed. */
  private read(): { current: number; compacted: number; rows: HistoryRow[]; catchUps: Map<Entry, HistoryRow[] | 'compacted'> } {
    const current = this.s.revision();
    const compacted = this.s.compactRevision();
    const rows = current > this.lastRev ? this.s.historySince.all(this.lastRev, current) : [];
    const catchUps = new Map<Entry, HistoryRow[] | 'compacted'>();
    for (const e of this.entries) {
      if (e.nextRev > this.lastRev) continue;
      if (e.nextRev < compacted) catchUps.set(e, 'compacted');
      else catchUps.set(e, this.s.rangeHistory(e.range, e.nextRev, this.lastRev));
    }
    // prev_kv lookups must see the same snapshot as the rows.
    for (const e of this.entries) if (e.req.prevKv) this.attachPrev(rows, catchUps.get(e));
    return { current, compacted, rows, catchUps };
  }

  private readonly prevCache = new WeakMap<HistoryRow, KeyValue | null>();

  private attachPrev(rows: HistoryRow[], earlier: HistoryRow[] | 'compacted' | undefined): void {
    const all = earlier && earlier !== 'compacted' ? rows.concat(earlier) : rows;
    for (const row of all) {
      if (this.prevCache.has(row)) continue;
      const prev = this.s.prevRow.get(row.key, row.rev);
      this.prevCache.set(row, prev && prev.tombstone === 0 ? toKeyValue(prev) : null);
    }
  }

  private toEvents(req: WatchRequest, rows: HistoryRow[]): WatchEvent[] {
    const events: WatchEvent[] = [];
    for (const row of rows) {
      const isDelete = row.tombstone === 1;
      if ((isDelete && req.noDelete) || (!isDelete && req.noPut)) continue;
      const kv: KeyValue = isDelete
        ? { key: row.key, createRevision: 0, modRevision: row.rev, version: 0, value: Buffer.alloc(0), lease: 0n }
        : toKeyValue(row);
      const event: WatchEvent = { type: isDelete ? 'DELETE' : 'PUT', kv };
      const prev = req.prevKv ? this.prevCache.get(row) : undefined;
      if (prev) event.prevKv = prev;
      events.push(event);
    }
    return events;
  }
}
