// Range, put and delete over the history and live tables, as etcd's mvcc applies them. A write
// transaction allocates at most one new revision; each change in it gets the next sub-revision.
import type {
  DeleteRangeRequest,
  DeleteRangeResponse,
  KeyValue,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  SortTarget,
} from '../types.js';
import { classify } from '../keyrange.js';
import { errCompacted, errEmptyKey, errFutureRev, errKeyNotFound, errLeaseNotFound } from '../errors.js';
import type { HistoryRow, Statements } from './statements.js';
import { toKeyValue } from './statements.js';

/** The state of one write transaction: the revision it began at and how many changes it made. */
export class WriteTx {
  changes = 0;
  constructor(readonly beginRev: number) {}
  /** The revision as of now inside the transaction (etcd's txn.Rev() plus pending changes). */
  get rev(): number {
    return this.changes > 0 ? this.beginRev + 1 : this.beginRev;
  }
}

export interface LeaseCheck {
  exists(id: bigint): boolean;
}

export function range(s: Statements, req: RangeRequest, tx?: WriteTx): RangeResponse {
  if (req.key.length === 0) throw errEmptyKey();
  const current = tx ? tx.rev : s.revision();
  const rev = req.revision && req.revision > 0 ? req.revision : current;
  if (rev > current) throw errFutureRev();
  const compacted = s.compactRevision();
  if (rev < compacted) throw errCompacted(compacted);
  const r = classify(req);
  const limit = req.limit ?? 0;
  const needsAll = needsFullScan(req);
  const fetchLimit = needsAll || limit <= 0 ? 0 : limit + 1;
  const latest = rev === current;
  const count = latest ? s.liveCount(r) : s.historicCount(r, rev);
  const header = { revision: current };
  if (req.countOnly) return { header, kvs: [], more: false, count };
  const rows = latest ? s.liveRange(r, fetchLimit) : s.historicRange(r, rev, fetchLimit);
  let kvs = rows.map(toKeyValue).filter((kv) => passesFilters(req, kv));
  sortKvs(kvs, req);
  let more = false;
  if (limit > 0 && kvs.length > limit) {
    kvs = kvs.slice(0, limit);
    more = true;
  }
  if (req.keysOnly) kvs = kvs.map((kv) => ({ ...kv, value: Buffer.alloc(0) }));
  return { header, kvs, more, count };
}

function needsFullScan(req: RangeRequest): boolean {
  const sorted = (req.sortOrder ?? 'NONE') !== 'NONE' && !(req.sortOrder === 'ASCEND' && (req.sortTarget ?? 'KEY') === 'KEY');
  const unsortedTarget = (req.sortOrder ?? 'NONE') === 'NONE' && (req.sortTarget ?? 'KEY') !== 'KEY';
  return sorted || unsortedTarget || !!(req.minModRevision || req.maxModRevision || req.minCreateRevision || req.maxCreateRevision);
}

function passesFilters(req: RangeRequest, kv: KeyValue): boolean {
  if (req.minModRevision && kv.modRevision < req.minModRevision) return false;
  if (req.maxModRevision && kv.modRevision > req.maxModRevision) return false;
  if (req.minCreateRevision && kv.createRevision < req.minCreateRevision) return false;
  if (req.maxCreateRevision && kv.createRevision > req.maxCreateRevision) return false;
  return true;
}

const SORT_KEYS: Record<SortTarget, (a: KeyValue, b: KeyValue) => number> = {
  KEY: (a, b) => Buffer.compare(a.key, b.key),
  VERSION: (a, b) => a.version - b.version,
  CREATE: (a, b) => a.createRevision - b.createRevision,
  MOD: (a, b) => a.modRevision - b.modRevision,
  VALUE: (a, b) => Buffer.compare(a.value, b.value),
};

/** etcd sorts the key-ordered result; a target other than KEY with order NONE means ASCEND. */
function sortKvs(kvs: KeyValue[], req: RangeRequest): void {
  const target = req.sortTarget ?? 'KEY';
  let order = req.sortOrder ?? 'NONE';
  if (order === 'NONE' && target !== 'KEY') order = 'ASCEND';
  if (order === 'NONE' || (order === 'ASCEND' && target === 'KEY')) return;
  const cmp = SORT_KEYS[target];
  kvs.sort(order === 'ASCEND' ? cmp : (a, b) => cmp(b, a)); // stable: ties keep key order
}

export function put(s: Statements, leases: LeaseCheck, req: PutRequest, tx: WriteTx): PutResponse {
  if (req.key.length === 0) throw errEmptyKey();
  const prev = s.liveRow.get(req.key);
  if ((req.ignoreValue || req.ignoreLease) && !prev) throw errKeyNotFound();
  const value = req.ignoreValue && prev ? prev.value : req.value;
  const lease = req.ignoreLease && prev ? BigInt(prev.lease) : (req.lease ?? 0n);
  if (lease !== 0n && !leases.exists(lease)) throw errLeaseNotFound();
  const rev = tx.beginRev + 1;
  const sub = tx.changes++;
  const createRev = prev ? prev.create_rev : rev;
  const version = prev ? prev.version + 1 : 1;
  s.insertHistory.run(rev, sub, req.key, value, createRev, version, lease, 0);
  s.upsertLive.run(req.key, rev, sub, lease);
  const resp: PutResponse = { header: { revision: rev } };
  if (req.prevKv && prev) resp.prevKv = toKeyValue(prev);
  return resp;
}

export function deleteRange(s: Statements, req: DeleteRangeRequest, tx: WriteTx): DeleteRangeResponse {
  if (req.key.length === 0) throw errEmptyKey();
  const rows = s.liveRange(classify(req), 0);
  for (const row of rows) deleteRow(s, row, tx);
  return {
    header: { revision: tx.rev },
    deleted: rows.length,
    prevKvs: req.prevKv ? rows.map(toKeyValue) : [],
  };
}

export function deleteRow(s: Statements, row: HistoryRow, tx: WriteTx): void {
  const rev = tx.beginRev + 1;
  s.insertHistory.run(rev, tx.changes++, row.key, Buffer.alloc(0), 0, 0, 0n, 1);
  s.deleteLive.run(row.key);
}
