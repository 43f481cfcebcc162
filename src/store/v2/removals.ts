// The v2 store's removing operations: delete, compareAndDelete and TTL expiry.
import { V2Error, V2_CODE } from './errors.js';
import { ROOT, cleanKey } from './keys.js';
import { makeNode, reprNode } from './render.js';
import { lookup, record, type Tx } from './txn.js';
import { compareFailure } from './writes.js';
import type { V2Result } from './types.js';

export interface DeleteArgs {
  dir: boolean;
  recursive: boolean;
}

/** DELETE without conditions: a dir needs dir (else 102), a non-empty one recursive (else 108). */
export function deleteNode(tx: Tx, key: string, a: DeleteArgs): V2Result {
  const path = cleanKey(key);
  if (path === ROOT) throw new V2Error(V2_CODE.rootReadOnly, ROOT, tx.index);
  const dir = a.dir || a.recursive;
  const n = lookup(tx, path);
  if (n.dir && !dir) throw new V2Error(V2_CODE.notFile, n.path, tx.index);
  if (n.dir && !a.recursive && tx.t.hasChildren(n.path)) throw new V2Error(V2_CODE.dirNotEmpty, n.path, tx.index);
  const next = tx.index + 1;
  const prevNode = reprNode(n, tx.now);
  const removed = tx.t.removeTree(n.path);
  const node = makeNode({ key: path, dir: n.dir, modifiedIndex: next, createdIndex: n.createdIndex }, tx.now);
  return record(tx, { action: 'delete', node, prevNode, index: next }, { removed });
}

/** DELETE with prevValue and/or prevIndex; files only. etcd has no root check here (102, no cause). */
export function compareAndDelete(tx: Tx, key: string, prevValue: string, prevIndex: number): V2Result {
  const path = cleanKey(key);
  const n = lookup(tx, path);
  if (n.dir) throw new V2Error(V2_CODE.notFile, path === ROOT ? '' : path, tx.index);
  const cause = compareFailure(n, prevValue, prevIndex);
  if (cause !== null) throw new V2Error(V2_CODE.testFailed, cause, tx.index);
  const next = tx.index + 1;
  const prevNode = reprNode(n, tx.now);
  const removed = tx.t.removeTree(path);
  const node = makeNode({ key: path, modifiedIndex: next, createdIndex: n.createdIndex }, tx.now);
  return record(tx, { action: 'compareAndDelete', node, prevNode, index: next }, { removed });
}

/**
 * etcd's DeleteExpiredKeys: every node whose expiry is at or before the clock goes, earliest
 * first, a directory with everything below it, one expire event (and index) each.
 */
export function expireDue(tx: Tx): V2Result[] {
  const out: V2Result[] = [];
  for (let n = tx.t.nextDue(tx.now); n; n = tx.t.nextDue(tx.now)) {
    const next = tx.index + 1;
    // etcd expires within half a second, so the old node shows no time left (TTL 0, omitted).
    const prevNode = reprNode(n, n.expireAt ?? tx.now);
    const removed = tx.t.removeTree(n.path);
    const node = makeNode({ key: n.path, dir: n.dir, modifiedIndex: next, createdIndex: n.createdIndex }, tx.now);
    out.push(record(tx, { action: 'expire', node, prevNode, index: next }, { removed }));
  }
  return out;
}
