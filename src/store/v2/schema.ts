// The v2 keyspace's tables, in the same SQLite file as the v3 store (prefix v2_). v2_nodes holds
// the live tree (the root is implicit), v2_events the bounded event history that watches read,
// v2_meta the store index.
import type { Db } from '../sqlite/db.js';
import { retryBusy } from '../sqlite/db.js';

/** A fresh etcd's v2 store shows index 3 (its own bootstrap writes); the first write gets 4. */
export const V2_INITIAL_INDEX = 3;

const DDL = `
CREATE TABLE IF NOT EXISTS v2_meta (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS v2_nodes (
  path           TEXT PRIMARY KEY,
  parent         TEXT NOT NULL,
  dir            INTEGER NOT NULL,
  value          TEXT NOT NULL,
  created_index  INTEGER NOT NULL,
  modified_index INTEGER NOT NULL,
  expire_at      REAL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS v2_nodes_parent ON v2_nodes (parent);
CREATE INDEX IF NOT EXISTS v2_nodes_expiry ON v2_nodes (expire_at) WHERE expire_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS v2_events (
  idx      INTEGER PRIMARY KEY,
  key      TEXT NOT NULL,
  action   TEXT NOT NULL,
  refresh  INTEGER NOT NULL,
  prev_key TEXT,
  prev_dir INTEGER NOT NULL,
  removed  TEXT,
  body     TEXT NOT NULL
);
`;

export function ensureV2Schema(db: Db): void {
  retryBusy(() =>
    db
      .transaction(() => {
        db.exec(DDL);
        db.prepare('INSERT OR IGNORE INTO v2_meta (name, value) VALUES (?, ?)').run('index', V2_INITIAL_INDEX);
      })
      .immediate(),
  );
}

/** A v3 snapshot carries no v2 keyspace (as in etcd): a restored store starts without one. */
export function dropV2Schema(db: Db): void {
  db.exec('DROP TABLE IF EXISTS v2_events; DROP TABLE IF EXISTS v2_nodes; DROP TABLE IF EXISTS v2_meta;');
}
