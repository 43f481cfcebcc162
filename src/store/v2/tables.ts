// Prepared statements over the v2 tables. No semantics here: rows in, rows out.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../sqlite/db.js';
import { ROOT, subtreePrefix } from './keys.js';

export interface NodeRow {
  path: string;
  dir: boolean;
  /** '' for directories. */
  value: string;
  createdIndex: number;
  modifiedIndex: number;
  /** ms since the epoch; null = permanent. */
  expireAt: number | null;
}

export interface EventRow {
  idx: number;
  key: string;
  action: string;
  refresh: boolean;
  prevKey: string | null;
  prevDir: boolean;
  /** Every path a delete/expire removed (the node and all below it). */
  removed: string[] | null;
  /** JSON of { action, node, prevNode }. */
  body: string;
}

interface RawNode {
  path: string;
  dir: number;
  value: string;
  created_index: number;
  modified_index: number;
  expire_at: number | null;
}

interface RawEvent {
  idx: number;
  key: string;
  action: string;
  refresh: number;
  prev_key: string | null;
  prev_dir: number;
  removed: string | null;
  body: string;
}

export const ROOT_ROW: NodeRow = { path: ROOT, dir: true, value: '', createdIndex: 0, modifiedIndex: 0, expireAt: null };

const NODE_COLS = 'path, dir, value, created_index, modified_index, expire_at';

function toNode(r: RawNode): NodeRow {
  const { path, value } = r;
  return { path, dir: r.dir === 1, value, createdIndex: r.created_index, modifiedIndex: r.modified_index, expireAt: r.expire_at };
}

function toEvent(r: RawEvent): EventRow {
  const removed = r.removed === null ? null : (JSON.parse(r.removed) as string[]);
  const { idx, key, action, body } = r;
  return { idx, key, action, refresh: r.refresh === 1, prevKey: r.prev_key, prevDir: r.prev_dir === 1, removed, body };
}

const SQL = {
  getIndex: "SELECT value FROM v2_meta WHERE name = 'index'",
  setIndex: "UPDATE v2_meta SET value = ? WHERE name = 'index'",
  node: `SELECT ${NODE_COLS} FROM v2_nodes WHERE path = ?`,
  children: `SELECT ${NODE_COLS} FROM v2_nodes WHERE parent = ? ORDER BY path`,
  hasChild: 'SELECT 1 FROM v2_nodes WHERE parent = ? LIMIT 1',
  subtree: `SELECT ${NODE_COLS} FROM v2_nodes WHERE path >= ? AND path < ? ORDER BY path`,
  subtreePaths: 'SELECT path FROM v2_nodes WHERE path >= ? AND path < ? ORDER BY path',
  deleteRange: 'DELETE FROM v2_nodes WHERE path >= ? AND path < ?',
  deleteOne: 'DELETE FROM v2_nodes WHERE path = ?',
  upsert: `INSERT OR REPLACE INTO v2_nodes (path, parent, dir, value, created_index, modified_index, expire_at)
           VALUES (@path, @parent, @dir, @value, @createdIndex, @modifiedIndex, @expireAt)`,
  minExpire: 'SELECT min(expire_at) FROM v2_nodes WHERE expire_at IS NOT NULL',
  nextDue: `SELECT ${NODE_COLS} FROM v2_nodes WHERE expire_at IS NOT NULL AND expire_at <= ?
            ORDER BY expire_at, path LIMIT 1`,
  addEvent: `INSERT INTO v2_events (idx, key, action, refresh, prev_key, prev_dir, removed, body)
             VALUES (@idx, @key, @action, @refresh, @prevKey, @prevDir, @removed, @body)`,
  pruneEvents: 'DELETE FROM v2_events WHERE idx < ?',
  eventsAfter: 'SELECT * FROM v2_events WHERE idx > ? AND idx <= ? AND refresh = 0 ORDER BY idx',
  // etcd's scan: the key itself; below it when recursive; a deleted/expired dir that was a prefix.
  scan: `SELECT * FROM v2_events WHERE idx >= @from AND refresh = 0 AND (
           key = @key
           OR (@recursive = 1 AND substr(key, 1, length(@prefix)) = @prefix)
           OR (action IN ('delete', 'expire') AND prev_dir = 1 AND substr(@key, 1, length(prev_key)) = prev_key)
         ) ORDER BY idx LIMIT 1`,
} as const;

type Stmts = Record<keyof typeof SQL, Statement>;

/** Statements whose rows are one column, returned bare. */
const PLUCKED = ['getIndex', 'subtreePaths', 'minExpire'] as const;

/** One handle's statements; every method runs inside the caller's transaction. */
export class V2Tables {
  private readonly s: Stmts;

  constructor(db: Db) {
    const entries = Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]);
    this.s = Object.fromEntries(entries) as Stmts;
    for (const single of PLUCKED) this.s[single].pluck();
  }

  index(): number {
    return this.s.getIndex.get() as number;
  }

  setIndex(index: number): void {
    this.s.setIndex.run(index);
  }

  node(path: string): NodeRow | undefined {
    if (path === ROOT) return ROOT_ROW;
    const r = this.s.node.get(path) as RawNode | undefined;
    return r && toNode(r);
  }

  children(path: string): NodeRow[] {
    return (this.s.children.all(path) as RawNode[]).map(toNode);
  }

  hasChildren(path: string): boolean {
    return this.s.hasChild.get(path) !== undefined;
  }

  /** Every node strictly below path, in key order. */
  subtree(path: string): NodeRow[] {
    return (this.s.subtree.all(...rangeOf(path)) as RawNode[]).map(toNode);
  }

  /** Deletes path and everything below it; returns the removed paths (descendants first). */
  removeTree(path: string): string[] {
    const below = this.s.subtreePaths.all(...rangeOf(path)) as string[];
    this.s.deleteRange.run(...rangeOf(path));
    this.s.deleteOne.run(path);
    return [...below.reverse(), path];
  }

  put(row: NodeRow, parent: string): void {
    this.s.upsert.run({ ...row, parent, dir: row.dir ? 1 : 0 });
  }

  minExpire(): number | null {
    return this.s.minExpire.get() as number | null;
  }

  nextDue(cutoff: number): NodeRow | undefined {
    const r = this.s.nextDue.get(cutoff) as RawNode | undefined;
    return r && toNode(r);
  }

  addEvent(e: EventRow): void {
    const removed = e.removed === null ? null : JSON.stringify(e.removed);
    this.s.addEvent.run({ ...e, refresh: e.refresh ? 1 : 0, prevDir: e.prevDir ? 1 : 0, removed });
  }

  pruneEvents(before: number): void {
    this.s.pruneEvents.run(before);
  }

  /** Events a live watcher is told of (no refreshes), after `after` up to `upTo`. */
  eventsAfter(after: number, upTo: number): EventRow[] {
    return (this.s.eventsAfter.all(after, upTo) as RawEvent[]).map(toEvent);
  }

  /** etcd's EventHistory.scan: the first event at or after `from` that a new watcher matches. */
  scan(key: string, recursive: boolean, from: number): EventRow | undefined {
    const args = { from, key, recursive: recursive ? 1 : 0, prefix: subtreePrefix(key) };
    const r = this.s.scan.get(args) as RawEvent | undefined;
    return r && toEvent(r);
  }
}

/** [low, high) bounds of the keys strictly below path ('/' + 1 = '0'). */
function rangeOf(path: string): [string, string] {
  const prefix = subtreePrefix(path);
  return [prefix, `${prefix.slice(0, -1)}0`];
}
