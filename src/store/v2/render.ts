// Turning stored rows into V2Node, as etcd's NodeExtern: expiration/TTL computed against the
// clock, listings without hidden names, sorted by key on request.
import { compareKeys, isHiddenName, baseName, parentKey } from './keys.js';
import type { NodeRow, V2Tables } from './tables.js';
import type { V2Node } from './types.js';

/** Go's time.Time JSON form, RFC3339Nano in UTC: trailing zeros of the fraction dropped. */
export function formatExpiration(ms: number): string {
  let secs = Math.floor(ms / 1000);
  // Whole microseconds: a double holding today's epoch milliseconds has no finer digits to give.
  let ns = Math.round((ms - secs * 1000) * 1e3) * 1e3;
  if (ns >= 1e9) {
    secs += 1;
    ns -= 1e9;
  }
  const base = new Date(secs * 1000).toISOString().slice(0, 19);
  const frac = ns === 0 ? '' : `.${String(ns).padStart(9, '0').replace(/0+$/, '')}`;
  return `${base}${frac}Z`;
}

/** etcd's TTL: seconds left, the fraction rounded up (truncated toward zero when negative). */
export function ttlSeconds(expireAt: number, now: number): number {
  const left = expireAt - now;
  const whole = Math.trunc(left / 1000);
  return (left - whole * 1000 > 0 ? whole + 1 : whole) || 0;
}

export interface NodeFields {
  key: string;
  value?: string;
  dir?: boolean;
  expireAt?: number | null;
  nodes?: V2Node[];
  modifiedIndex: number;
  createdIndex: number;
}

/** Builds a V2Node with etcd's field order and omissions. */
export function makeNode(f: NodeFields, now: number): V2Node {
  const n: Partial<V2Node> = { key: f.key };
  if (f.value !== undefined) n.value = f.value;
  if (f.dir) n.dir = true;
  if (f.expireAt !== undefined && f.expireAt !== null) {
    n.expiration = formatExpiration(f.expireAt);
    const ttl = ttlSeconds(f.expireAt, now);
    if (ttl !== 0) n.ttl = ttl;
  }
  if (f.nodes !== undefined && f.nodes.length > 0) n.nodes = f.nodes;
  n.modifiedIndex = f.modifiedIndex;
  n.createdIndex = f.createdIndex;
  return n as V2Node;
}

/** etcd's node.Repr(false, …): a file with its value, a directory without children. */
export function reprNode(row: NodeRow, now: number): V2Node {
  return makeNode(
    {
      key: row.path,
      value: row.dir ? undefined : row.value,
      dir: row.dir,
      expireAt: row.expireAt,
      modifiedIndex: row.modifiedIndex,
      createdIndex: row.createdIndex,
    },
    now,
  );
}

/** What get returns for a node: a directory lists its (visible) children, every level if recursive. */
export function loadNode(t: V2Tables, row: NodeRow, recursive: boolean, sorted: boolean, now: number): V2Node {
  if (!row.dir) return reprNode(row, now);
  const rows = recursive ? t.subtree(row.path) : t.children(row.path);
  const byParent = new Map<string, NodeRow[]>();
  for (const r of rows) {
    const parent = parentKey(r.path);
    const list = byParent.get(parent);
    if (list) list.push(r);
    else byParent.set(parent, [r]);
  }
  const build = (dir: NodeRow): V2Node => {
    const kids = (byParent.get(dir.path) ?? []).filter((k) => !isHiddenName(baseName(k.path)));
    // Unsorted, etcd lists a Go map: for a small directory that is (most often) insertion order.
    if (!sorted) kids.sort((a, b) => a.createdIndex - b.createdIndex);
    const nodes = kids.map((k) => (k.dir && recursive ? build(k) : reprNode(k, now)));
    if (sorted) nodes.sort((a, b) => compareKeys(a.key, b.key));
    return makeNode({ key: dir.path, dir: true, expireAt: dir.expireAt, nodes, modifiedIndex: dir.modifiedIndex, createdIndex: dir.createdIndex }, now);
  };
  return build(row);
}
