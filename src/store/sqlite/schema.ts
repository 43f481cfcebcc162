// The v3 keyspace in SQLite, laid out as etcd's MVCC backend: an append-only history in which a
// change is addressed by (revision, sub-revision), as bbolt's key bucket is, and an index of the
// live keys (etcd's in-memory tree index, kept on disk so every process shares it).
import type { Db } from './db.js';
import { retryBusy } from './db.js';

const DDL = `
CREATE TABLE IF NOT EXISTS meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS kv_history (
  rev        INTEGER NOT NULL,
  sub        INTEGER NOT NULL,
  key        BLOB    NOT NULL,
  value      BLOB    NOT NULL,
  create_rev INTEGER NOT NULL,
  version    INTEGER NOT NULL,
  lease      INTEGER NOT NULL,
  tombstone  INTEGER NOT NULL,
  PRIMARY KEY (rev, sub)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kv_history_key ON kv_history (key, rev);

CREATE TABLE IF NOT EXISTS kv_live (
  key   BLOB PRIMARY KEY,
  rev   INTEGER NOT NULL,
  sub   INTEGER NOT NULL,
  lease INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kv_live_lease ON kv_live (lease) WHERE lease != 0;

CREATE TABLE IF NOT EXISTS leases (
  id          INTEGER PRIMARY KEY,
  ttl         INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS leases_expiry ON leases (expires_at);
`;

/** Names of the counters kept in meta. */
export const META = {
  revision: 'revision',
  compactRevision: 'compact_revision',
  raftIndex: 'raft_index',
} as const;

export function ensureSchema(db: Db): void {
  retryBusy(() =>
    db
      .transaction(() => {
        db.exec(DDL);
        const seed = db.prepare('INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)');
        // etcd's first revision is 1 on an empty store; the first write gets 2.
        seed.run(META.revision, '1');
        // mvcc's compactMainRev starts at -1: `compaction 0` is a valid first compaction
        seed.run(META.compactRevision, '-1');
        seed.run(META.raftIndex, '0');
      })
      .immediate(),
  );
}
