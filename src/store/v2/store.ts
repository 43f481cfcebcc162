// The etcd v2 store over SQLite. Every operation first lets due TTLs expire (as etcd's periodic
// sync would have), then runs as one transaction: reads in a snapshot, writes IMMEDIATE, so
// several processes can share the file.
import type { Db } from '../sqlite/db.js';
import { readTxn, writeTxn } from '../sqlite/db.js';
import { historyClearedError } from './errors.js';
import { cleanKey } from './keys.js';
import { expireDue } from './removals.js';
import { loadNode } from './render.js';
import { applyDelete, applyPost, applyPut, checkCreateInOrder, checkDelete, checkIndex, checkSet } from './requests.js';
import { ensureV2Schema } from './schema.js';
import { V2Tables } from './tables.js';
import { historyStart, lookup, type Tx } from './txn.js';
import type {
  V2CreateInOrderOptions,
  V2DeleteOptions,
  V2GetOptions,
  V2Result,
  V2SetOptions,
  V2Store,
  V2StoreOptions,
  V2WatchOptions,
  V2Watcher,
} from './types.js';
import { Watch, WatchHub, eventResult, type EventSource } from './watch.js';

const DEFAULT_HISTORY = 1000;
const DEFAULT_POLL_MS = 10;

/** Wall-clock milliseconds with a sub-millisecond part, so expirations look like etcd's. */
function wallClock(): number {
  return Date.now() + (performance.now() % 1);
}

/** Opens the v2 keyspace in a Db the caller opened (creating its tables if need be). */
export function createV2Store(db: Db, opts: V2StoreOptions = {}): V2Store {
  ensureV2Schema(db);
  return new SqliteV2Store(db, opts);
}

class SqliteV2Store implements V2Store {
  private readonly t: V2Tables;
  private readonly clock: () => number;
  private readonly capacity: number;
  private readonly hub: WatchHub;
  private readonly watches = new Set<Watch>();

  constructor(
    private readonly db: Db,
    opts: V2StoreOptions,
  ) {
    this.t = new V2Tables(db);
    this.clock = opts.clock ?? wallClock;
    this.capacity = opts.historyCapacity ?? DEFAULT_HISTORY;
    this.hub = new WatchHub(
      {
        beforePoll: () => this.expireIfDue(),
        read: (after) => readTxn(this.db, () => this.snapshot(after)),
      },
      opts.pollIntervalMs ?? DEFAULT_POLL_MS,
    );
  }

  private tx(): Tx {
    return { t: this.t, now: this.clock(), index: this.t.index(), historyCapacity: this.capacity };
  }

  private snapshot(after: number): ReturnType<EventSource['read']> {
    const index = this.t.index();
    return { index, historyStart: historyStart(index, this.capacity), events: this.t.eventsAfter(after, index) };
  }

  private write<T>(fn: (tx: Tx) => T): T {
    this.expireIfDue();
    const result = writeTxn(this.db, () => fn(this.tx()));
    // This handle's watchers hear of its own writes at once, as etcd's watcher hub notifies
    // during the apply; other processes' writes are found by the poll.
    this.hub.poll();
    return result;
  }

  private read<T>(fn: (tx: Tx) => T): T {
    this.expireIfDue();
    return readTxn(this.db, () => fn(this.tx()));
  }

  /** Expires due keys in a transaction of their own, so a failing operation cannot undo it. */
  private expireIfDue(): V2Result[] {
    const min = this.t.minExpire();
    if (min === null || min > this.clock()) return [];
    return writeTxn(this.db, () => expireDue(this.tx()));
  }

  async index(): Promise<number> {
    return this.read((tx) => tx.index);
  }

  async get(key: string, opts: V2GetOptions = {}): Promise<V2Result> {
    return this.read((tx) => {
      const row = lookup(tx, cleanKey(key));
      const node = loadNode(tx.t, row, opts.recursive ?? false, opts.sorted ?? false, tx.now);
      return { action: 'get', node, index: tx.index };
    });
  }

  async set(key: string, opts: V2SetOptions = {}): Promise<V2Result> {
    checkSet(opts);
    return this.write((tx) => applyPut(tx, key, opts));
  }

  async createInOrder(key: string, opts: V2CreateInOrderOptions = {}): Promise<V2Result> {
    checkCreateInOrder(opts);
    return this.write((tx) => applyPost(tx, key, opts));
  }

  async delete(key: string, opts: V2DeleteOptions = {}): Promise<V2Result> {
    checkDelete(opts);
    return this.write((tx) => applyDelete(tx, key, opts));
  }

  async expireNow(): Promise<V2Result[]> {
    return writeTxn(this.db, () => expireDue(this.tx()));
  }

  async hasTtlKeys(): Promise<boolean> {
    return readTxn(this.db, () => this.t.minExpire() !== null);
  }

  async advanceIndex(): Promise<number> {
    return writeTxn(this.db, () => {
      const index = this.t.index() + 1;
      this.t.setIndex(index);
      return index;
    });
  }

  async watch(key: string, opts: V2WatchOptions = {}, onEvent?: (ev: V2Result) => void): Promise<V2Watcher> {
    const waitIndex = checkIndex(opts.waitIndex, 'waitIndex');
    const path = cleanKey(key);
    const recursive = opts.recursive ?? false;
    const { index, since, hit } = this.read((tx) => {
      const since = waitIndex === 0 ? tx.index + 1 : waitIndex;
      const start = historyStart(tx.index, this.capacity);
      if (since < start) throw historyClearedError(start, since, tx.index);
      const hit = since <= tx.index ? tx.t.scan(path, recursive, since) : undefined;
      return { index: tx.index, since, hit };
    });
    const w = new Watch(index, opts.stream ?? false, onEvent, (done) => this.forget(done));
    this.watches.add(w);
    if (hit) {
      // Found in the history: etcd sends that one event and never registers the watcher, so a
      // stream then stays silent until cancelled. Delivered after the caller has the handle.
      setImmediate(() => w.deliver(eventResult(hit, index)));
    } else {
      this.hub.add({ watch: w, key: path, recursive, sinceIndex: since, lastSeen: index });
    }
    return w;
  }

  private forget(w: Watch): void {
    this.watches.delete(w);
    this.hub.remove(w);
  }

  close(): void {
    for (const w of [...this.watches]) w.cancel();
  }
}
