// The permission checks etcd 3.4 runs for KV requests: a put needs write on its key (read too
// with prev_kv) and write on every key already attached to its lease; a txn needs read on every
// compared range and the rights of each top-level op (nested txns go unchecked, as in etcd).
import type { DeleteRangeRequest, PutRequest, RequestOp, TxnRequest } from '../../store/index.js';
import type { AuthInfo, AuthStore } from './store.js';

/** Keys attached to a lease (none when it does not exist). */
export type LeaseKeys = (id: bigint) => Promise<Buffer[]>;

const EMPTY = Buffer.alloc(0);

export async function checkLeasePuts(auth: AuthStore, ai: AuthInfo, lease: bigint, keysOf: LeaseKeys): Promise<void> {
  if (lease === 0n) return;
  for (const key of await keysOf(lease)) auth.isPutPermitted(ai, key);
}

export async function checkPut(auth: AuthStore, ai: AuthInfo, r: PutRequest, keysOf: LeaseKeys): Promise<void> {
  auth.isPutPermitted(ai, r.key);
  await checkLeasePuts(auth, ai, r.lease ?? 0n, keysOf);
  if (r.prevKv) auth.isRangePermitted(ai, r.key, EMPTY);
}

export function checkDelete(auth: AuthStore, ai: AuthInfo, r: DeleteRangeRequest): void {
  auth.isDeleteRangePermitted(ai, r.key, r.rangeEnd ?? EMPTY);
  if (r.prevKv) auth.isRangePermitted(ai, r.key, r.rangeEnd ?? EMPTY);
}

function checkOps(auth: AuthStore, ai: AuthInfo, ops: RequestOp[]): void {
  for (const op of ops) {
    if ('requestRange' in op) auth.isRangePermitted(ai, op.requestRange.key, op.requestRange.rangeEnd ?? EMPTY);
    else if ('requestPut' in op) auth.isPutPermitted(ai, op.requestPut.key);
    else if ('requestDeleteRange' in op) {
      const d = op.requestDeleteRange;
      if (d.prevKv) auth.isRangePermitted(ai, d.key, d.rangeEnd ?? EMPTY);
      auth.isDeleteRangePermitted(ai, d.key, d.rangeEnd ?? EMPTY);
    }
  }
}

export function checkTxn(auth: AuthStore, ai: AuthInfo, r: TxnRequest): void {
  for (const c of r.compare) auth.isRangePermitted(ai, c.key, c.rangeEnd ?? EMPTY);
  checkOps(auth, ai, r.success);
  checkOps(auth, ai, r.failure);
}

/** A txn of reads only is served without a raft entry. */
export const isTxnReadOnly = (r: TxnRequest): boolean => [...r.success, ...r.failure].every((op) => 'requestRange' in op);
