// The SQLite backend of the Store interface. Every write is one IMMEDIATE transaction that
// first revokes the leases whose time is up, then applies the request and bumps the revision
// (when something changed) and the raft index (always: in etcd every write is a proposal).
import type * as T from '../types.js';
import { errRequestTooLarge } from '../errors.js';
import { type Db, openDb, readTxn, writeTxn } from './db.js';
import { ensureSchema, META } from './schema.js';
import { Statements } from './statements.js';
import { WriteTx, deleteRange, put, range } from './mvcc.js';
import { applyTxn, checkTxnLimits, isReadOnly } from './txn.js';
import { LeaseIds, Leases } from './lease.js';
import { WatchHub } from './watch.js';
import { compact, dbSizes, defragment, hashKV } from './maintenance.js';
import { saveSnapshot } from './snapshot.js';

export interface SqliteStoreOptions {
  /** Milliseconds since the epoch; injectable so tests control lease expiry. */
  clock?: () => number;
  /** Its low 16 bits start every generated lease ID, as in etcd (default: etcd's default member). */
  memberId?: bigint;
  maxTxnOps?: number;
  maxRequestBytes?: number;
}

export const DEFAULT_MEMBER_ID = 0x8e9e05c52164694dn;
export const MAX_TXN_OPS = 128;
export const MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

export class SqliteStore implements T.Store {
  private readonly s: Statements;
  private readonly leases: Leases;
  private readonly hub: WatchHub;
  private readonly clock: () => number;
  private readonly maxTxnOps: number;
  private readonly maxRequestBytes: number;

  constructor(
    private readonly db: Db,
    opts: SqliteStoreOptions = {},
  ) {
    ensureSchema(db);
    this.clock = opts.clock ?? Date.now;
    this.maxTxnOps = opts.maxTxnOps ?? MAX_TXN_OPS;
    this.maxRequestBytes = opts.maxRequestBytes ?? MAX_REQUEST_BYTES;
    this.s = new Statements(db);
    this.leases = new Leases(db, this.s, new LeaseIds(opts.memberId ?? DEFAULT_MEMBER_ID, this.clock()));
    this.hub = new WatchHub(db, this.s);
  }

  static open(file: string, opts: SqliteStoreOptions = {}): SqliteStore {
    return new SqliteStore(openDb(file), opts);
  }

  /** Runs fn in a write transaction and, if it changed anything, commits a new revision. */
  private write<R>(fn: (tx: WriteTx) => R): R {
    this.expireDue();
    const result = writeTxn(this.db, () => this.apply(fn));
    this.hub.kick();
    return result;
  }

  /** Inside a write transaction: fn's changes, then the revision (if anything changed) and the raft index. */
  private apply<R>(fn: (tx: WriteTx) => R): R {
    const tx = new WriteTx(this.s.revision());
    const r = fn(tx);
    if (tx.changes > 0) this.s.setMeta.run(META.revision, String(tx.beginRev + 1));
    this.s.bumpMeta.run(META.raftIndex);
    return r;
  }

  private read<R>(fn: () => R): R {
    this.expireDue();
    return readTxn(this.db, fn);
  }

  private header(): T.Header {
    return { revision: this.s.revision() };
  }

  async range(req: T.RangeRequest): Promise<T.RangeResponse> {
    return this.read(() => range(this.s, req));
  }

  async put(req: T.PutRequest): Promise<T.PutResponse> {
    this.checkSize(req.key.length + req.value.length);
    return this.write((tx) => put(this.s, this.leases, req, tx));
  }

  async deleteRange(req: T.DeleteRangeRequest): Promise<T.DeleteRangeResponse> {
    this.checkSize(req.key.length + (req.rangeEnd?.length ?? 0));
    return this.write((tx) => deleteRange(this.s, req, tx));
  }

  async txn(req: T.TxnRequest): Promise<T.TxnResponse> {
    checkTxnLimits(req, this.maxTxnOps);
    this.checkSize(txnSize(req));
    if (isReadOnly(req)) return this.read(() => applyTxn(this.s, this.leases, req, new WriteTx(this.s.revision())));
    return this.write((tx) => applyTxn(this.s, this.leases, req, tx));
  }

  async compact(req: T.CompactionRequest): Promise<{ header: T.Header }> {
    this.write(() => compact(this.db, this.s, req.revision));
    return { header: this.header() };
  }

  watch(req: T.WatchRequest, deliver: (resp: T.WatchResponse) => void): T.Watcher {
    return this.hub.add(req, deliver);
  }

  async leaseGrant(req: T.LeaseGrantRequest): Promise<T.LeaseGrantResponse> {
    const now = this.clock();
    const granted = this.write(() => this.leases.grant(req.TTL, req.ID ?? 0n, now));
    return { header: this.header(), ...granted };
  }

  async leaseRevoke(id: bigint): Promise<{ header: T.Header }> {
    const revision = this.write((tx) => {
      this.leases.revoke(id, tx);
      return tx.rev;
    });
    return { header: { revision } };
  }

  async leaseTimeToLive(id: bigint, keys = false): Promise<T.LeaseTimeToLiveResponse> {
    const now = this.clock();
    const found = this.read(() => this.leases.timeToLive(id, now));
    const header = this.header();
    if (!found) return { header, ID: id, TTL: -1, grantedTTL: 0, keys: [] };
    return { header, ID: id, TTL: found.TTL, grantedTTL: found.grantedTTL, keys: keys ? found.keys : [] };
  }

  async leaseKeepAlive(id: bigint): Promise<T.LeaseKeepAliveResponse> {
    const now = this.clock();
    this.expireDue();
    const TTL = writeTxn(this.db, () => this.leases.keepAlive(id, now));
    return { header: this.header(), ID: id, TTL };
  }

  async leaseLeases(): Promise<{ header: T.Header; leases: { ID: bigint }[] }> {
    const ids = this.read(() => this.leases.list());
    return { header: this.header(), leases: ids.map((ID) => ({ ID })) };
  }

  async expireLeases(): Promise<bigint[]> {
    return this.expireDue();
  }

  /** Revokes each lease whose time is up, one revision per lease, as etcd's lessor does. */
  private expireDue(): bigint[] {
    const now = this.clock();
    const due = this.leases.dueAt(now);
    const revoked: bigint[] = [];
    for (const id of due) {
      const done = writeTxn(this.db, () => {
        if (!this.leases.dueAt(now).includes(id)) return false; // another process got there first
        this.apply((tx) => this.leases.revoke(id, tx));
        return true;
      });
      if (done) revoked.push(id);
    }
    if (revoked.length > 0) this.hub.kick();
    return revoked;
  }

  async status(): Promise<T.StatusResponse> {
    return this.read(() => ({
      header: this.header(),
      ...dbSizes(this.db),
      raftIndex: this.s.metaNumber(META.raftIndex),
      // the gauge etcd sets on compaction: 0 until the first one
      compactRevision: Math.max(0, this.s.compactRevision()),
    }));
  }

  async hashKV(revision = 0): Promise<T.HashKVResponse> {
    const h = this.read(() => hashKV(this.s, revision));
    return { header: { revision: h.revision }, hash: h.hash, compactRevision: h.compactRevision };
  }

  async defragment(): Promise<void> {
    defragment(this.db);
  }

  async snapshotSave(path: string): Promise<T.SnapshotInfo> {
    this.expireDue();
    return saveSnapshot(this.db, path);
  }

  async getMeta(name: string): Promise<string | undefined> {
    return this.s.getMeta.get(name)?.value;
  }

  async setMeta(name: string, value: string): Promise<void> {
    writeTxn(this.db, () => {
      this.s.setMeta.run(name, value);
      if (name !== META.raftIndex) this.s.bumpMeta.run(META.raftIndex);
    });
  }

  async advanceRaftIndex(): Promise<number> {
    return writeTxn(this.db, () => {
      this.s.bumpMeta.run(META.raftIndex);
      return this.s.metaNumber(META.raftIndex);
    });
  }

  async close(): Promise<void> {
    this.hub.close();
    if (this.db.open) this.db.close();
  }

  private checkSize(bytes: number): void {
    if (bytes > this.maxRequestBytes) throw errRequestTooLarge();
  }
}

/** Approximate encoded size of a txn: what etcd measures against --max-request-bytes. */
function txnSize(req: T.TxnRequest): number {
  const opSize = (op: T.RequestOp): number => {
    if ('requestPut' in op) return op.requestPut.key.length + op.requestPut.value.length + 8;
    if ('requestRange' in op) return op.requestRange.key.length + (op.requestRange.rangeEnd?.length ?? 0) + 8;
    if ('requestDeleteRange' in op) return op.requestDeleteRange.key.length + (op.requestDeleteRange.rangeEnd?.length ?? 0) + 8;
    return txnSize(op.requestTxn);
  };
  const cmp = req.compare.reduce((n, c) => n + c.key.length + (c.value?.length ?? 0) + 16, 0);
  return cmp + [...req.success, ...req.failure].reduce((n, op) => n + opSize(op), 0);
}
