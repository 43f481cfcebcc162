// Compaction, hashing, size accounting and defragmentation of the v3 tables.
import type { Db } from './db.js';
import type { Statements, HistoryRow } from './statements.js';
import { toKeyValue } from './statements.js';
import { META } from './schema.js';
import { errCompacted, errFutureRev } from '../errors.js';
import { Crc32c, encodeKeyValue, revisionKey } from '../hash.js';

/** Drops history that no read at or after rev can see: for each key, every change at or below
 * rev but the newest, and that one too when it is a deletion (etcd's keep set). */
export function compact(db: Db, s: Statements, rev: number): void {
  const compacted = s.compactRevision();
  if (rev <= compacted) throw errCompacted(compacted);
  if (rev > s.revision()) throw errFutureRev();
  s.setMeta.run(META.compactRevision, String(rev));
  s.shaped(
    `DELETE FROM kv_history WHERE rev <= :rev AND (tombstone = 1 OR rev < (SELECT MAX(h2.rev) FROM kv_history h2 WHERE h2.key = kv_history.key AND h2.rev <= :rev))`,
  ).run({ rev });
}

/** The bbolt value etcd stores for a change: the full KeyValue, or just the key for a deletion. */
export function storedValue(row: HistoryRow): Buffer {
  if (row.tombstone === 1) return encodeKeyValue({ key: row.key, createRevision: 0, modRevision: 0, version: 0, value: Buffer.alloc(0), lease: 0n });
  return encodeKeyValue(toKeyValue(row));
}

/** etcd's HashKV at rev: the same history gives the same number as a real etcd member. Below
 * the compacted revision it counts only the changes a compaction at rev would keep (all of them
 * when that keep set is empty), as etcd 3.4 does. */
export function hashKV(s: Statements, rev: number): { hash: number; compactRevision: number; revision: number } {
  const current = s.revision();
  const compacted = s.compactRevision();
  if (rev > 0 && rev <= compacted) throw errCompacted(compacted);
  if (rev > current) throw errFutureRev();
  const at = rev > 0 ? rev : current;
  const keepEmpty = s.historicCount({ kind: 'from', key: Buffer.from([0]) }, at) === 0 ? 1 : 0;
  const crc = new Crc32c().update('key');
  const rows = s.shaped(
    `SELECT h.rev AS rev, h.sub AS sub, h.key AS key, h.value AS value, h.create_rev AS create_rev, h.version AS version, CAST(h.lease AS TEXT) AS lease, h.tombstone AS tombstone FROM kv_history h ` +
      `WHERE h.rev <= :at AND (h.rev > :compacted OR :keepEmpty OR (h.tombstone = 0 AND h.rev = (SELECT MAX(h2.rev) FROM kv_history h2 WHERE h2.key = h.key AND h2.rev <= :at))) ORDER BY h.rev, h.sub`,
  );
  for (const row of rows.iterate({ at, compacted, keepEmpty }) as IterableIterator<HistoryRow>) {
    crc.update(revisionKey(row.rev, row.sub, row.tombstone === 1)).update(storedValue(row));
  }
  return { hash: crc.digest(), compactRevision: compacted, revision: current };
}

export function dbSizes(db: Db): { dbSize: number; dbSizeInUse: number } {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return { dbSize: pages * pageSize, dbSizeInUse: (pages - free) * pageSize };
}

/** Gives the free pages back to the file system, as etcd's defrag rewrites the bbolt file. */
export function defragment(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
