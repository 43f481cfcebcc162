// Opening the SQLite file that holds a store: WAL so readers never block the writer and several
// processes can share the file, a long busy timeout, and every write one IMMEDIATE transaction
// (the write lock is taken up front, so a transaction never fails half-way for lack of it).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

const BUSY_TIMEOUT_MS = 10_000;
/** How long a caller waits, in all, for other processes to let go of the write lock. */
const LOCK_PATIENCE_MS = 120_000;

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/** Runs fn until it does not fail for a lock held by another process (bounded by LOCK_PATIENCE_MS). */
export function retryBusy<T>(fn: () => T): T {
  const deadline = Date.now() + LOCK_PATIENCE_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || Date.now() > deadline) throw err;
      sleepSync(Math.min(1 + attempt, 20));
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export function openDb(path: string, opts: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:' && !opts.readonly) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return retryBusy(() => {
    const db = new Database(path, { readonly: opts.readonly ?? false, timeout: BUSY_TIMEOUT_MS, fileMustExist: opts.readonly ?? false });
    try {
      if (!opts.readonly) db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a committed transaction survives the death of any process; a power
      // loss may take back the last transactions but never corrupts the file (see README).
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = OFF');
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  });
}

/** Runs fn in one IMMEDIATE transaction, waiting out other processes' locks. */
export function writeTxn<T>(db: Db, fn: () => T): T {
  const txn = db.transaction(fn);
  return retryBusy(() => txn.immediate());
}

/** Runs fn in one read transaction: every statement in it sees the same snapshot. */
export function readTxn<T>(db: Db, fn: () => T): T {
  const txn = db.transaction(fn);
  return retryBusy(() => txn.deferred());
}
