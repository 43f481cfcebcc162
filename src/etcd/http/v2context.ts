// What the v2 HTTP handlers share: the member, its v2 keyspace (a second connection to the data
// file), v2 auth, and the raft bookkeeping etcd does for v2 requests. etcd keeps its v2 store even
// without --enable-v2 (membership lives there), so the keyspace is opened, and its index moved as
// etcd moves it, whether or not the API is served.
import { dataFile, type Store } from '../../store/index.js';
import { openDb, type Db } from '../../store/sqlite/db.js';
import { createV2Store, type V2Store } from '../../store/v2/index.js';
import type { EtcdServer } from '../server.js';
import { V2Auth } from './v2authrules.js';
import { AuthResources } from './v2authstore.js';

export interface V2Context {
  server: EtcdServer;
  keys: V2Store;
  auth: V2Auth;
  /** A v2 raft proposal: takes the next raft index. */
  propose(): Promise<number>;
  /** Runs a proposal once the member has a quorum; without one, fails as etcd's request timeout. */
  agree<T>(fn: () => Promise<T>): Promise<T>;
  /** Wall-clock milliseconds (member IDs of added members are salted with the time). */
  now(): number;
  /** When this member started (etcd's /v2/stats/self). */
  startedAt: number;
  /** The member's raft term and committed index, as every keys answer reports them. */
  raft(): Promise<{ index: number; term: number }>;
}

/** etcd's request timeout: 5 s plus two election timeouts (1 s each by default). */
const REQUEST_TIMEOUT_MS = 7000;

/** What a v2 request gets when its proposal is not committed in time. */
export class RequestTimeout extends Error {
  constructor() {
    super('etcdserver: request timed out');
  }
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RequestTimeout()), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** etcd proposes a SYNC every 500 ms while v2 keys have TTLs; it expires the due ones. */
const SYNC_INTERVAL_MS = 500;

export interface V2Keyspace {
  keys: V2Store;
  close(): void;
}

/**
 * Opens the v2 keyspace beside the v3 store, before the member boots. On a restart etcd's member
 * republishes its attributes into the v2 store, which takes one v2 index.
 */
export async function openV2Keyspace(dataDir: string, store: Store, opts: { clock?: () => number } = {}): Promise<V2Keyspace> {
  const restart = (await store.getMeta('etcd_membership')) !== undefined;
  const db: Db = openDb(dataFile(dataDir));
  const keys = createV2Store(db, opts.clock ? { clock: opts.clock } : {});
  if (restart) await keys.advanceIndex();
  const sync = setInterval(() => void syncTtls(keys, store).catch(() => undefined), SYNC_INTERVAL_MS).unref();
  return {
    keys,
    close: () => {
      clearInterval(sync);
      keys.close();
      if (db.open) db.close();
    },
  };
}

async function syncTtls(keys: V2Store, store: Store): Promise<void> {
  if (!(await keys.hasTtlKeys())) return;
  await store.advanceRaftIndex();
  await keys.expireNow();
}

export function v2Context(server: EtcdServer, keys: V2Store, now: () => number = Date.now): V2Context {
  return {
    server,
    keys,
    auth: new V2Auth(new AuthResources(server.store, keys)),
    now,
    startedAt: now(),
    propose: () => server.store.advanceRaftIndex(),
    agree: (fn) => within(REQUEST_TIMEOUT_MS, server.agree(fn)),
    raft: async () => ({ index: Number((await server.store.getMeta('raft_index')) ?? '0'), term: server.term }),
  };
}
