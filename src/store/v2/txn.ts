// What every v2 operation shares inside its transaction: walking the tree as etcd's store.walk
// does, and recording a write (index + 1, one history event, history trimmed to its capacity).
import { V2Error, V2_CODE } from './errors.js';
import { keyPrefixes, parentKey } from './keys.js';
import { ROOT_ROW, type NodeRow, type V2Tables } from './tables.js';
import type { V2Result } from './types.js';

export interface Tx {
  t: V2Tables;
  /** The clock, read once for the whole operation. */
  now: number;
  /** The store index when the transaction began. */
  index: number;
  historyCapacity: number;
}

/** etcd's internalGet: 104 at the first ancestor that is a file, 100 at the first missing one. */
export function lookup(tx: Tx, path: string): NodeRow {
  let curr = ROOT_ROW;
  for (const p of keyPrefixes(path)) {
    if (!curr.dir) throw new V2Error(V2_CODE.notDir, curr.path, tx.index);
    const child = tx.t.node(p);
    if (!child) throw new V2Error(V2_CODE.keyNotFound, p, tx.index);
    curr = child;
  }
  return curr;
}

/** lookup, but a missing key is undefined (other errors still throw). */
export function lookupIfExists(tx: Tx, path: string): NodeRow | undefined {
  try {
    return lookup(tx, path);
  } catch (err) {
    if (err instanceof V2Error && err.errorCode === V2_CODE.keyNotFound) return undefined;
    throw err;
  }
}

/** etcd's walk with checkDir: makes missing directories (index `createdIndex`), 104 at a file. */
export function ensureDirs(tx: Tx, dir: string, createdIndex: number): void {
  for (const p of keyPrefixes(dir)) {
    const node = tx.t.node(p);
    if (node?.dir) continue;
    if (node) throw new V2Error(V2_CODE.notDir, node.path, tx.index);
    const row: NodeRow = { path: p, dir: true, value: '', createdIndex, modifiedIndex: createdIndex, expireAt: null };
    tx.t.put(row, parentKey(p));
  }
}

export function saveNode(tx: Tx, row: NodeRow): void {
  tx.t.put(row, parentKey(row.path));
}

export interface RecordOptions {
  /** A TTL refresh: kept in the history for its index, never reported to watchers. */
  refresh?: boolean;
  /** The paths a removal took away, for watchers waiting on any of them. */
  removed?: string[];
}

/** Commits a write's index and event; returns the result as etcd answers it. */
export function record(tx: Tx, result: V2Result, opts: RecordOptions = {}): V2Result {
  const { action, node, prevNode, index } = result;
  tx.t.setIndex(index);
  tx.index = index;
  tx.t.addEvent({
    idx: index,
    key: node.key,
    action,
    refresh: opts.refresh ?? false,
    prevKey: prevNode?.key ?? null,
    prevDir: prevNode?.dir === true,
    removed: opts.removed ?? null,
    body: JSON.stringify(prevNode ? { action, node, prevNode } : { action, node }),
  });
  tx.t.pruneEvents(historyStart(index, tx.historyCapacity));
  return result;
}

/** The oldest index a watch may ask for: etcd keeps the last `capacity` events (its own first ones at 1..3). */
export function historyStart(index: number, capacity: number): number {
  return Math.max(1, index - capacity + 1);
}
