// Test support only (imported by *.test.ts): shared by the v2 store's tests: a store on a temporary SQLite file with a settable clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../sqlite/db.js';
import { createV2Store } from './store.js';
import type { V2Store, V2StoreOptions } from './types.js';

/** 2026-01-02T03:04:05Z: a fixed, realistic time (etcd ignores expiries before 2000). */
export const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);

export interface TestStore {
  store: V2Store;
  db: Db;
  dir: string;
  file: string;
  clock: { now: number };
  /** Another handle on the same file (as a second process would have). */
  reopen(opts?: V2StoreOptions): V2Store;
  cleanup(): void;
}

export function makeTestStore(opts: V2StoreOptions = {}): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-v2-'));
  const file = join(dir, 'state.db');
  const db = openDb(file);
  const clock = { now: T0 };
  const store = createV2Store(db, { clock: () => clock.now, ...opts });
  const extra: Db[] = [];
  return {
    store,
    db,
    dir,
    file,
    clock,
    reopen(o: V2StoreOptions = {}) {
      const db2 = openDb(file);
      extra.push(db2);
      return createV2Store(db2, { clock: () => clock.now, ...o });
    },
    cleanup() {
      store.close();
      for (const d of [db, ...extra]) d.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}
