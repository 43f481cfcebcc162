// Keys-API requests onto store operations, as etcd's v2 applier picks them (PUT: prevExist,
// prevValue/prevIndex; DELETE: compareAndDelete when a condition is given), with the form checks
// etcd's HTTP layer makes on the same fields (codes 201, 202, 203, 211, 212, index 0).
import { V2_CODE, v2RequestError } from './errors.js';
import { compareAndDelete, deleteNode } from './removals.js';
import type { Tx } from './txn.js';
import type { V2CreateInOrderOptions, V2DeleteOptions, V2Result, V2SetOptions } from './types.js';
import { compareAndSwap, createNode, setNode, updateNode, type WriteArgs } from './writes.js';

function isUint(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** An index parameter (prevIndex, waitIndex): a non-negative integer, absent = 0. */
export function checkIndex(value: number | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!isUint(value)) throw v2RequestError(V2_CODE.indexNaN, `invalid value for "${name}"`);
  return value;
}

function checkTtl(ttl: number | undefined): void {
  if (ttl !== undefined && !isUint(ttl)) throw v2RequestError(V2_CODE.ttlNaN, 'invalid value for "ttl"');
}

function checkPrevValue(prevValue: string | undefined): void {
  if (prevValue === '') throw v2RequestError(V2_CODE.prevValueRequired, '"prevValue" cannot be empty');
}

/** Checks a PUT's fields in the order etcd's parseKeyRequest does. */
export function checkSet(o: V2SetOptions): void {
  checkIndex(o.prevIndex, 'prevIndex');
  checkPrevValue(o.prevValue);
  checkTtl(o.ttl);
  if (!o.refresh) return;
  if (o.value !== undefined && o.value !== '') {
    throw v2RequestError(V2_CODE.refreshValue, 'A value was provided on a refresh');
  }
  if (o.ttl === undefined) throw v2RequestError(V2_CODE.refreshTTLRequired, 'No TTL value set');
}

export function checkCreateInOrder(o: V2CreateInOrderOptions): void {
  checkTtl(o.ttl);
}

export function checkDelete(o: V2DeleteOptions): void {
  checkIndex(o.prevIndex, 'prevIndex');
  checkPrevValue(o.prevValue);
}

function writeArgs(tx: Tx, o: V2SetOptions): WriteArgs {
  const expireAt = o.ttl === undefined ? null : tx.now + o.ttl * 1000;
  return { value: o.value ?? '', dir: o.dir ?? false, expireAt, refresh: o.refresh ?? false };
}

/** etcd's applierV2store.Put. */
export function applyPut(tx: Tx, key: string, o: V2SetOptions): V2Result {
  const a = writeArgs(tx, o);
  const prevValue = o.prevValue ?? '';
  const prevIndex = o.prevIndex ?? 0;
  const conditional = prevIndex > 0 || prevValue !== '';
  if (o.prevExist === true) {
    return conditional ? compareAndSwap(tx, key, prevValue, prevIndex, a) : updateNode(tx, key, a);
  }
  if (o.prevExist === false) return createNode(tx, key, a, false);
  if (conditional) return compareAndSwap(tx, key, prevValue, prevIndex, a);
  return setNode(tx, key, a);
}

/** etcd's applierV2store.Post. */
export function applyPost(tx: Tx, key: string, o: V2CreateInOrderOptions): V2Result {
  return createNode(tx, key, writeArgs(tx, o), true);
}

/** etcd's applierV2store.Delete. */
export function applyDelete(tx: Tx, key: string, o: V2DeleteOptions): V2Result {
  const prevValue = o.prevValue ?? '';
  const prevIndex = o.prevIndex ?? 0;
  if (prevIndex > 0 || prevValue !== '') return compareAndDelete(tx, key, prevValue, prevIndex);
  return deleteNode(tx, key, { dir: o.dir ?? false, recursive: o.recursive ?? false });
}
