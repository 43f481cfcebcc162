// Snapshot files: a consistent copy of the SQLite store (VACUUM INTO runs in one read
// transaction, so writers may go on meanwhile) followed, as etcd's snapshots are, by the SHA-256
// of everything before it, which restore checks unless told not to.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { SnapshotInfo } from '../types.js';
import type { Db } from './db.js';
import { openDb } from './db.js';
import { Statements } from './statements.js';
import { hashKV } from './maintenance.js';
import { dropV2Schema } from '../v2/schema.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const TRAILER = 32;

export class SnapshotError extends Error {}

/** The data file of a store kept in an etcd-style data directory. */
export function dataFile(dataDir: string): string {
  return join(dataDir, 'member', 'snap', 'db');
}

export function saveSnapshot(db: Db, path: string): SnapshotInfo {
  const work = mkdtempSync(join(tmpdir(), 'kubedojo-snap-'));
  try {
    const copy = join(work, 'db');
    db.prepare('VACUUM INTO ?').run(copy);
    const body = readFileSync(copy);
    const info = describe(copy, body.length + TRAILER);
    writeFileSync(path, Buffer.concat([body, createHash('sha256').update(body).digest()]), { mode: 0o600 });
    return info;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Reads a snapshot file's hash, revision, row count and size (etcd's `snapshot status`). */
export function snapshotStatus(path: string): SnapshotInfo {
  const size = statSync(path).size; // throws ENOENT for the caller to word
  const body = snapshotBody(path, true);
  const work = mkdtempSync(join(tmpdir(), 'kubedojo-snap-'));
  try {
    const copy = join(work, 'db');
    writeFileSync(copy, body);
    return describe(copy, size);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes a snapshot's store into a new etcd-style data directory. As etcd does on restore, the
 * leases start their full TTL again and the v2 keyspace starts empty. */
export function restoreSnapshot(path: string, dataDir: string, opts: { skipHashCheck?: boolean; now?: number } = {}): SnapshotInfo {
  if (existsSync(dataDir)) throw new SnapshotError(`data-dir "${dataDir}" exists`);
  const body = snapshotBody(path, !opts.skipHashCheck);
  const file = dataFile(dataDir);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, body, { mode: 0o600 });
  const db = openDb(file);
  try {
    dropV2Schema(db);
    db.prepare('UPDATE leases SET expires_at = ? + ttl * 1000').run(opts.now ?? Date.now());
  } finally {
    db.close();
  }
  return describe(file, statSync(path).size);
}

function snapshotBody(path: string, checkHash: boolean): Buffer {
  const raw = readFileSync(path);
  if (raw.length < SQLITE_MAGIC.length + TRAILER || !raw.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new SnapshotError('invalid database');
  }
  const body = raw.subarray(0, raw.length - TRAILER);
  if (checkHash && !createHash('sha256').update(body).digest().equals(raw.subarray(raw.length - TRAILER))) {
    throw new SnapshotError('expected sha256 hash does not match the snapshot');
  }
  return body;
}

/** etcd's bookkeeping keys in a single member's bbolt file: meta/consistent_index,
 * members/<id>, cluster/clusterVersion and auth/authRevision. */
const BOLT_BOOKKEEPING_KEYS = 4;

/** The keys the same data would have in a real member's bbolt file (what `snapshot status`
 * counts): one per change in the history, one per lease, the bookkeeping keys, and the two
 * compaction marks once compacted. (Auth users and roles are not counted.) */
function boltKeyCount(db: Db, s: Statements): number {
  const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return count('kv_history') + count('leases') + BOLT_BOOKKEEPING_KEYS + (s.compactRevision() >= 0 ? 2 : 0);
}

function describe(file: string, totalSize: number): SnapshotInfo {
  const db = openDb(file);
  try {
    const s = new Statements(db);
    return { hash: hashKV(s, 0).hash, revision: s.revision(), totalKey: boltKeyCount(db, s), totalSize };
  } catch {
    throw new SnapshotError('invalid database');
  } finally {
    db.close();
  }
}
