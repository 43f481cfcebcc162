// The store's public face: the interface, its errors, and the backends that implement it.
export type * from './types.js';
export { StoreError, errCompacted, errFutureRev } from './errors.js';
export { classify, inRange, prefixEnd } from './keyrange.js';
export { SqliteStore, DEFAULT_MEMBER_ID, MAX_TXN_OPS, MAX_REQUEST_BYTES, type SqliteStoreOptions } from './sqlite/store.js';
export { dataFile, restoreSnapshot, snapshotStatus, SnapshotError } from './sqlite/snapshot.js';

import { SqliteStore, type SqliteStoreOptions } from './sqlite/store.js';
import { dataFile } from './sqlite/snapshot.js';

/** Opens (creating if needed) the store kept in an etcd-style data directory. */
export function openStore(dataDir: string, opts: SqliteStoreOptions = {}): SqliteStore {
  return SqliteStore.open(dataFile(dataDir), opts);
}
