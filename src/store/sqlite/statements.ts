// Prepared statements over the v3 tables and the row ↔ KeyValue mapping.
import type { Statement } from 'better-sqlite3';
import type { KeyValue } from '../types.js';
import type { RangeKind } from '../keyrange.js';
import type { Db } from './db.js';
import { META } from './schema.js';

export interface HistoryRow {
  rev: number;
  sub: number;
  key: Buffer;
  value: Buffer;
  create_rev: number;
  version: number;
  /** int64 as decimal text: lease IDs do not fit a double. */
  lease: string;
  tombstone: number;
}

export function toKeyValue(row: HistoryRow): KeyValue {
  return {
    key: row.key,
    createRevision: row.create_rev,
    modRevision: row.rev,
    version: row.version,
    value: row.value,
    lease: BigInt(row.lease),
  };
}

const COLS = 'h.rev AS rev, h.sub AS sub, h.key AS key, h.value AS value, h.create_rev AS create_rev, h.version AS version, CAST(h.lease AS TEXT) AS lease, h.tombstone AS tombstone';

/** The WHERE clause selecting a key range over column col (parameters :key and :end). */
export function rangeWhere(r: RangeKind, col: string): string {
  switch (r.kind) {
    case 'one':
      return `${col} = :key`;
    case 'from':
      return `${col} >= :key`;
    case 'between':
      return `${col} >= :key AND ${col} < :end`;
  }
}

export function rangeParams(r: RangeKind): { key: Buffer; end?: Buffer } {
  return r.kind === 'between' ? { key: r.key, end: r.end } : { key: r.key };
}

/** Statements that do not depend on a range's shape, prepared once per connection. */
export class Statements {
  readonly getMeta: Statement<[string], { value: string }>;
  readonly setMeta: Statement<[string, string]>;
  readonly bumpMeta: Statement<[string]>;
  readonly liveRow: Statement<[Buffer], HistoryRow>;
  readonly insertHistory: Statement<[number, number, Buffer, Buffer, number, number, bigint, number]>;
  readonly upsertLive: Statement<[Buffer, number, number, bigint]>;
  readonly deleteLive: Statement<[Buffer]>;
  readonly prevRow: Statement<[Buffer, number], HistoryRow>;
  readonly historySince: Statement<[number, number], HistoryRow>;
  private readonly byShape = new Map<string, Statement>();

  constructor(private readonly db: Db) {
    this.getMeta = db.prepare('SELECT value FROM meta WHERE name = ?');
    this.setMeta = db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
    this.bumpMeta = db.prepare("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE name = ?");
    this.liveRow = db.prepare(`SELECT ${COLS} FROM kv_live l JOIN kv_history h ON h.rev = l.rev AND h.sub = l.sub WHERE l.key = ?`);
    this.insertHistory = db.prepare('INSERT INTO kv_history (rev, sub, key, value, create_rev, version, lease, tombstone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.upsertLive = db.prepare('INSERT INTO kv_live (key, rev, sub, lease) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET rev = excluded.rev, sub = excluded.sub, lease = excluded.lease');
    this.deleteLive = db.prepare('DELETE FROM kv_live WHERE key = ?');
    this.prevRow = db.prepare(`SELECT ${COLS} FROM kv_history h WHERE h.key = ? AND h.rev < ? ORDER BY h.rev DESC LIMIT 1`);
    this.historySince = db.prepare(`SELECT ${COLS} FROM kv_history h WHERE h.rev > ? AND h.rev <= ? ORDER BY h.rev, h.sub`);
  }

  metaNumber(name: string): number {
    return Number(this.getMeta.get(name)?.value ?? 0);
  }

  revision(): number {
    return this.metaNumber(META.revision);
  }

  compactRevision(): number {
    return this.metaNumber(META.compactRevision);
  }

  /** A statement cached by its SQL text (range shapes vary by kind and options). */
  shaped(sql: string): Statement {
    let s = this.byShape.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.byShape.set(sql, s);
    }
    return s;
  }

  /** The live rows of a range, in key order. */
  liveRange(r: RangeKind, limit: number): HistoryRow[] {
    const sql = `SELECT ${COLS} FROM kv_live l JOIN kv_history h ON h.rev = l.rev AND h.sub = l.sub WHERE ${rangeWhere(r, 'l.key')} ORDER BY l.key${limit > 0 ? ' LIMIT :limit' : ''}`;
    return this.shaped(sql).all({ ...rangeParams(r), ...(limit > 0 ? { limit } : {}) }) as HistoryRow[];
  }

  liveCount(r: RangeKind): number {
    const sql = `SELECT COUNT(*) AS n FROM kv_live l WHERE ${rangeWhere(r, 'l.key')}`;
    return (this.shaped(sql).get(rangeParams(r)) as { n: number }).n;
  }

  /** The rows of a range as they stood at revision rev (the newest change <= rev, not deleted). */
  historicRange(r: RangeKind, rev: number, limit: number): HistoryRow[] {
    const sql =
      `SELECT * FROM (SELECT h.rev AS rev, h.sub AS sub, h.key AS key, h.value AS value, h.create_rev AS create_rev, h.version AS version, CAST(h.lease AS TEXT) AS lease, h.tombstone AS tombstone, MAX(h.rev) ` +
      `FROM kv_history h WHERE ${rangeWhere(r, 'h.key')} AND h.rev <= :rev GROUP BY h.key) WHERE tombstone = 0 ORDER BY key${limit > 0 ? ' LIMIT :limit' : ''}`;
    return this.shaped(sql).all({ ...rangeParams(r), rev, ...(limit > 0 ? { limit } : {}) }) as HistoryRow[];
  }

  historicCount(r: RangeKind, rev: number): number {
    const sql = `SELECT COUNT(*) AS n FROM (SELECT h.tombstone AS tombstone, MAX(h.rev) FROM kv_history h WHERE ${rangeWhere(r, 'h.key')} AND h.rev <= :rev GROUP BY h.key) WHERE tombstone = 0`;
    return (this.shaped(sql).get({ ...rangeParams(r), rev }) as { n: number }).n;
  }

  /** Changes to a range with from <= rev <= to, in revision order. */
  rangeHistory(r: RangeKind, from: number, to: number): HistoryRow[] {
    const sql = `SELECT ${COLS} FROM kv_history h WHERE ${rangeWhere(r, 'h.key')} AND h.rev >= :from AND h.rev <= :to ORDER BY h.rev, h.sub`;
    return this.shaped(sql).all({ ...rangeParams(r), from, to }) as HistoryRow[];
  }
}
