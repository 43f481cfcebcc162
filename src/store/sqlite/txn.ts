// etcd's Txn: compares evaluated against the state before the transaction, then one branch of
// operations applied in order inside one write transaction (one revision for all its changes).
import type { Compare, KeyValue, RequestOp, ResponseOp, TxnRequest, TxnResponse } from '../types.js';
import { classify, overlaps, type RangeKind } from '../keyrange.js';
import { errDuplicateKey, errTooManyOps } from '../errors.js';
import type { Statements } from './statements.js';
import { toKeyValue } from './statements.js';
import { deleteRange, put, range, type LeaseCheck, type WriteTx } from './mvcc.js';

export function checkTxnLimits(req: TxnRequest, maxOps: number): void {
  if (req.compare.length > maxOps || req.success.length > maxOps || req.failure.length > maxOps) throw errTooManyOps();
  checkDuplicates(req.success);
  checkDuplicates(req.failure);
  for (const op of [...req.success, ...req.failure]) if ('requestTxn' in op) checkTxnLimits(op.requestTxn, maxOps);
}

/** etcd refuses a branch that puts one key twice, or puts a key that a delete in it covers. */
function checkDuplicates(ops: RequestOp[]): void {
  const puts: Buffer[] = [];
  const dels: RangeKind[] = [];
  collectWrites(ops, puts, dels);
  const seen = new Set<string>();
  for (const key of puts) {
    const hex = key.toString('hex');
    if (seen.has(hex)) throw errDuplicateKey();
    seen.add(hex);
    const one: RangeKind = { kind: 'one', key };
    if (dels.some((d) => overlaps(d, one))) throw errDuplicateKey();
  }
}

function collectWrites(ops: RequestOp[], puts: Buffer[], dels: RangeKind[]): void {
  for (const op of ops) {
    if ('requestPut' in op) puts.push(op.requestPut.key);
    else if ('requestDeleteRange' in op) dels.push(classify(op.requestDeleteRange));
    else if ('requestTxn' in op) {
      // Either branch of a nested txn may run: both count against the outer branch.
      collectWrites(op.requestTxn.success, puts, dels);
      collectWrites(op.requestTxn.failure, puts, dels);
    }
  }
}

/** A txn with no put or delete in any branch is a read: etcd serves it without a raft entry. */
export function isReadOnly(req: TxnRequest): boolean {
  return [...req.success, ...req.failure].every((op) => 'requestRange' in op || ('requestTxn' in op && isReadOnly(op.requestTxn)));
}

export function applyTxn(s: Statements, leases: LeaseCheck, req: TxnRequest, tx: WriteTx): TxnResponse {
  const succeeded = req.compare.every((c) => evaluate(s, c));
  const ops = succeeded ? req.success : req.failure;
  const responses = ops.map((op) => applyOp(s, leases, op, tx));
  return { header: { revision: tx.rev }, succeeded, responses };
}

function applyOp(s: Statements, leases: LeaseCheck, op: RequestOp, tx: WriteTx): ResponseOp {
  if ('requestRange' in op) return { responseRange: range(s, op.requestRange, tx) };
  if ('requestPut' in op) return { responsePut: put(s, leases, op.requestPut, tx) };
  if ('requestDeleteRange' in op) return { responseDeleteRange: deleteRange(s, op.requestDeleteRange, tx) };
  return { responseTxn: applyTxn(s, leases, op.requestTxn, tx) };
}

const EMPTY: KeyValue = {
  key: Buffer.alloc(0),
  createRevision: 0,
  modRevision: 0,
  version: 0,
  value: Buffer.alloc(0),
  lease: 0n,
};

/** A compare holds when every key in its range satisfies it; a missing key counts as zeros,
 * except for a value compare, which a missing key always fails. */
function evaluate(s: Statements, c: Compare): boolean {
  const r = classify(c);
  const kvs = r.kind === 'one' ? [s.liveRow.get(r.key)].filter((x) => x !== undefined).map(toKeyValue) : s.liveRange(r, 0).map(toKeyValue);
  if (kvs.length === 0) return c.target === 'VALUE' ? false : holds(c, EMPTY);
  return kvs.every((kv) => holds(c, kv));
}

function holds(c: Compare, kv: KeyValue): boolean {
  const diff = difference(c, kv);
  switch (c.result) {
    case 'EQUAL':
      return diff === 0;
    case 'NOT_EQUAL':
      return diff !== 0;
    case 'GREATER':
      return diff > 0;
    case 'LESS':
      return diff < 0;
  }
}

function difference(c: Compare, kv: KeyValue): number {
  const sign = (a: bigint | number, b: bigint | number): number => (a > b ? 1 : a < b ? -1 : 0);
  switch (c.target) {
    case 'VALUE':
      return Buffer.compare(kv.value, c.value ?? Buffer.alloc(0));
    case 'VERSION':
      return sign(kv.version, c.version ?? 0);
    case 'CREATE':
      return sign(kv.createRevision, c.createRevision ?? 0);
    case 'MOD':
      return sign(kv.modRevision, c.modRevision ?? 0);
    case 'LEASE':
      return sign(kv.lease, c.lease ?? 0n);
  }
}
