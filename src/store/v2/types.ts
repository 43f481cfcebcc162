// The etcd v2 keyspace (the legacy keys API), kept apart from the v3 store: same SQLite file,
// own tables. Shapes follow etcd 3.4's v2store as the v2 HTTP API shows it, so the etcd server
// maps /v2/keys requests onto this interface one to one:
//   GET  ?wait=false          → get(key, {recursive, sorted})
//   GET  ?wait=true           → watch(key, {recursive, waitIndex, stream})
//   PUT                       → set(key, {value, dir, ttl, prevExist, prevValue, prevIndex, refresh})
//   POST                      → createInOrder(key, {value, dir, ttl})
//   DELETE                    → delete(key, {dir, recursive, prevValue, prevIndex})
// Keys are rooted and cleaned as Go's path.Clean does: `foo`, `/foo/` and `//foo` are all `/foo`.

export type V2Action =
  | 'get'
  | 'set'
  | 'create'
  | 'update'
  | 'delete'
  | 'compareAndSwap'
  | 'compareAndDelete'
  | 'expire';

/**
 * A node as etcd's JSON shows it, fields in etcd's order. Optional fields are absent exactly when
 * etcd omits them: `value` for directories and for the node of a delete/expire event, `dir` for
 * files, `expiration`/`ttl` for permanent nodes (and `ttl` when it is 0), `nodes` when there are
 * no (listed) children. The root is `{ key: '/', dir: true, createdIndex: 0, modifiedIndex: 0 }`;
 * on the wire etcd omits its key and indexes (see encodeV2Result).
 */
export interface V2Node {
  key: string;
  value?: string;
  dir?: true;
  /** RFC 3339 in UTC with up to nine fraction digits, trailing zeros dropped (Go's RFC3339Nano). */
  expiration?: string;
  /** Whole seconds left, rounded up. */
  ttl?: number;
  nodes?: V2Node[];
  modifiedIndex: number;
  createdIndex: number;
}

/** One response (or watch event): etcd's Event plus the store index etcd sends as X-Etcd-Index. */
export interface V2Result {
  action: V2Action;
  node: V2Node;
  prevNode?: V2Node;
  index: number;
}

export interface V2GetOptions {
  /** List every level below a directory, not only its children. */
  recursive?: boolean;
  /** Sort each listed level by key. */
  sorted?: boolean;
}

export interface V2SetOptions {
  /** Absent means "" (a form without value). Ignored when dir is set. */
  value?: string;
  /** Make (or, with set, replace a file by) a directory. */
  dir?: boolean;
  /** Seconds to live; absent = permanent. 0 expires at once, as in etcd. */
  ttl?: number;
  /** true: the key must exist (update, or compareAndSwap with prevValue/prevIndex); false: create. */
  prevExist?: boolean;
  /** compareAndSwap on the current value. An empty string is error 201, as etcd's form check. */
  prevValue?: string;
  /** compareAndSwap on the current modifiedIndex (0 = no condition). */
  prevIndex?: number;
  /** Only reset the TTL (needs ttl, no value); watchers are not told. */
  refresh?: boolean;
}

export interface V2CreateInOrderOptions {
  value?: string;
  dir?: boolean;
  ttl?: number;
}

export interface V2DeleteOptions {
  /** Allow deleting an empty directory. */
  dir?: boolean;
  /** Delete a directory with everything below it (implies dir). */
  recursive?: boolean;
  /** compareAndDelete on the current value (empty string is error 201). */
  prevValue?: string;
  /** compareAndDelete on the current modifiedIndex (0 = no condition). */
  prevIndex?: number;
}

export interface V2WatchOptions {
  /** Also report changes below the key. */
  recursive?: boolean;
  /** First index of interest; 0 or absent = the next write. Older than the history → 401. */
  waitIndex?: number;
  /** Keep reporting (etcd's stream=true); otherwise the watch ends after one event. */
  stream?: boolean;
}

export interface V2Watcher {
  /** The store index when the watch began (etcd's X-Etcd-Index for a watch response). */
  readonly startIndex: number;
  /** The first event delivered, or null when the watch ended without one. */
  readonly firstEvent: Promise<V2Result | null>;
  /** Settles once the watch has ended: after its one event (not streaming) or when cancelled. */
  readonly done: Promise<void>;
  /** Stops delivery at once; idempotent. */
  cancel(): void;
}

export interface V2StoreOptions {
  /** Milliseconds since the epoch (fractions allowed). Default: the wall clock. */
  clock?: () => number;
  /** Events kept for watches from an index; etcd keeps 1000. */
  historyCapacity?: number;
  /** How often a waiting watcher looks for writes (from any process). Default 10 ms. */
  pollIntervalMs?: number;
}

/** etcd v2 store semantics. Failures reject with V2Error. Every write is one transaction. */
export interface V2Store {
  /** The current store index (3 on a fresh store, as a fresh etcd shows). */
  index(): Promise<number>;
  get(key: string, opts?: V2GetOptions): Promise<V2Result>;
  /** PUT: set, create (prevExist=false), update (prevExist=true), compareAndSwap. */
  set(key: string, opts?: V2SetOptions): Promise<V2Result>;
  /** POST: creates `<key>/<20-digit index>`. */
  createInOrder(key: string, opts?: V2CreateInOrderOptions): Promise<V2Result>;
  /** DELETE: delete, or compareAndDelete when prevValue/prevIndex is given. */
  delete(key: string, opts?: V2DeleteOptions): Promise<V2Result>;
  /**
   * GET ?wait=true. Rejects with 401 when waitIndex is older than the history. onEvent is called
   * for each event (once unless stream); the same first event also settles firstEvent.
   */
  watch(key: string, opts?: V2WatchOptions, onEvent?: (event: V2Result) => void): Promise<V2Watcher>;
  /** Removes every key whose TTL has run out now, one expire event each; returns those events. */
  expireNow(): Promise<V2Result[]>;
  /** Whether any node has a TTL (etcd then proposes a SYNC every 500 ms to expire them). */
  hasTtlKeys(): Promise<boolean>;
  /**
   * Takes the next index for a write outside the keys API (etcd's own records under /0, such as
   * a member publishing its attributes on start): no event a keys watcher could see.
   */
  advanceIndex(): Promise<number>;
  /** Ends every watcher of this handle. The caller still owns (and closes) the Db. */
  close(): void;
}
