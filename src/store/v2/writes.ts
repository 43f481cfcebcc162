// The v2 store's writing operations that leave a node in place: set, create (also in order),
// update and compareAndSwap, with etcd 3.4's rules and error causes.
import { V2Error, V2_CODE } from './errors.js';
import { ROOT, cleanKey, inOrderKey, parentKey } from './keys.js';
import { makeNode, reprNode } from './render.js';
import type { NodeRow } from './tables.js';
import { ensureDirs, lookup, lookupIfExists, record, saveNode, type Tx } from './txn.js';
import type { V2Action, V2Node, V2Result } from './types.js';

/** etcd treats an expiry before 2000-01-01 as none (only when creating). */
const MIN_EXPIRE_MS = Date.UTC(2000, 0, 1);

export interface WriteArgs {
  value: string;
  dir: boolean;
  /** ms since the epoch; null = permanent. */
  expireAt: number | null;
  refresh: boolean;
}

interface CreateArgs extends WriteArgs {
  unique: boolean;
  replace: boolean;
  action: V2Action;
}

function rootReadOnly(tx: Tx): V2Error {
  return new V2Error(V2_CODE.rootReadOnly, ROOT, tx.index);
}

/** etcd's internalCreate: makes parents, replaces a file (replace) or refuses an existing key. */
function internalCreate(tx: Tx, key: string, a: CreateArgs): V2Result {
  const next = tx.index + 1;
  const path = a.unique ? inOrderKey(key, next) : cleanKey(key);
  if (path === ROOT) throw rootReadOnly(tx);
  const expireAt = a.expireAt !== null && a.expireAt < MIN_EXPIRE_MS ? null : a.expireAt;
  ensureDirs(tx, parentKey(path), next);
  const existing = tx.t.node(path);
  let prevNode: V2Node | undefined;
  if (existing) {
    if (!a.replace) throw new V2Error(V2_CODE.nodeExist, path, tx.index);
    if (existing.dir) throw new V2Error(V2_CODE.notFile, path, tx.index);
    prevNode = reprNode(existing, tx.now);
  }
  const row: NodeRow = { path, dir: a.dir, value: a.dir ? '' : a.value, createdIndex: next, modifiedIndex: next, expireAt };
  saveNode(tx, row);
  const node = makeNode({ key: path, value: a.dir ? undefined : a.value, dir: a.dir, expireAt, modifiedIndex: next, createdIndex: next }, tx.now);
  return prevNode ? { action: a.action, node, prevNode, index: next } : { action: a.action, node, index: next };
}

/** PUT without conditions: creates or replaces (a file by a file or a dir; never a dir). */
export function setNode(tx: Tx, key: string, a: WriteArgs): V2Result {
  const path = cleanKey(key);
  const existing = a.refresh ? lookup(tx, path) : lookupIfExists(tx, path);
  const value = a.refresh && existing ? existing.value : a.value;
  const result = internalCreate(tx, path, { ...a, value, unique: false, replace: true, action: 'set' });
  return record(tx, result, { refresh: a.refresh });
}

/** PUT prevExist=false, or POST (unique: the key gets a 20-digit index name under `key`). */
export function createNode(tx: Tx, key: string, a: WriteArgs, unique: boolean): V2Result {
  const result = internalCreate(tx, key, { ...a, unique, replace: false, action: 'create' });
  return record(tx, result);
}

/** PUT prevExist=true: a dir's value cannot be set (102) and etcd leaves its modifiedIndex alone. */
export function updateNode(tx: Tx, key: string, a: WriteArgs): V2Result {
  const path = cleanKey(key);
  if (path === ROOT) throw rootReadOnly(tx);
  const n = lookup(tx, path);
  if (n.dir && a.value.length !== 0) throw new V2Error(V2_CODE.notFile, path, tx.index);
  const next = tx.index + 1;
  const value = a.refresh ? n.value : a.value;
  const prevNode = reprNode(n, tx.now);
  const row: NodeRow = n.dir ? { ...n, expireAt: a.expireAt } : { ...n, value, modifiedIndex: next, expireAt: a.expireAt };
  saveNode(tx, row);
  const node = makeNode(
    { key: path, value: n.dir ? undefined : value, dir: n.dir, expireAt: row.expireAt, modifiedIndex: next, createdIndex: n.createdIndex },
    tx.now,
  );
  return record(tx, { action: 'update', node, prevNode, index: next }, { refresh: a.refresh });
}

/** etcd's getCompareFailCause, or null when the node matches. */
export function compareFailure(n: NodeRow, prevValue: string, prevIndex: number): string | null {
  const indexOk = prevIndex === 0 || n.modifiedIndex === prevIndex;
  const valueOk = prevValue === '' || n.value === prevValue;
  if (indexOk && valueOk) return null;
  if (indexOk) return `[${prevValue} != ${n.value}]`;
  if (valueOk) return `[${prevIndex} != ${n.modifiedIndex}]`;
  return `[${prevValue} != ${n.value}] [${prevIndex} != ${n.modifiedIndex}]`;
}

/** PUT with prevValue and/or prevIndex. */
export function compareAndSwap(tx: Tx, key: string, prevValue: string, prevIndex: number, a: WriteArgs): V2Result {
  const path = cleanKey(key);
  if (path === ROOT) throw rootReadOnly(tx);
  const n = lookup(tx, path);
  if (n.dir) throw new V2Error(V2_CODE.notFile, path, tx.index);
  const cause = compareFailure(n, prevValue, prevIndex);
  if (cause !== null) throw new V2Error(V2_CODE.testFailed, cause, tx.index);
  const next = tx.index + 1;
  const value = a.refresh ? n.value : a.value;
  const prevNode = reprNode(n, tx.now);
  const row: NodeRow = { ...n, value, modifiedIndex: next, expireAt: a.expireAt };
  saveNode(tx, row);
  const node = makeNode({ key: path, value, expireAt: row.expireAt, modifiedIndex: next, createdIndex: n.createdIndex }, tx.now);
  return record(tx, { action: 'compareAndSwap', node, prevNode, index: next }, { refresh: a.refresh });
}
