// clientv3/concurrency as etcdctl's lock and elect use it: a session lease kept alive, and a key
// `<prefix>/<lease hex>` whose creation revision orders the waiters.
import { failWith, type EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { hex } from '../printers/format.js';
import { display } from '../printers/printer.js';
import type { LeaseGrantResponse, RangeResponse, TxnResponse } from '../printers/types.js';
import { keyRange } from './kv-range.js';

export interface Session {
  lease: string;
  close(): void;
}

export async function newSession(c: EtcdClient, ttl: number): Promise<Session> {
  const grant = await c.unary<LeaseGrantResponse>('Lease', 'LeaseGrant', { TTL: ttl, ID: 0 }).catch(failWith);
  const lease = String(grant.ID);
  const svc = c.service('Lease') as unknown as { LeaseKeepAlive(md: unknown): NodeJS.ReadWriteStream & { write(o: object): boolean; end(): void } };
  const stream = svc.LeaseKeepAlive(c.metadata());
  stream.on('data', () => undefined);
  stream.on('error', () => undefined);
  const timer = setInterval(() => stream.write({ ID: lease }), (ttl * 1000) / 3);
  return { lease, close: () => { clearInterval(timer); stream.end(); } };
}

export interface Held {
  key: string;
  /** the revision of the acquiring txn (ETCD_LOCK_REV) */
  rev: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates `<pfx>/<lease hex>` (with `value`) and waits until it is the oldest key of the prefix. */
export async function acquire(c: EtcdClient, s: Session, name: string, value: string): Promise<Held> {
  const pfx = `${name}/`;
  const key = `${pfx}${hex(s.lease)}`;
  const owner = { request_range: { ...keyRange(pfx, undefined, true, false), sort_target: 2, sort_order: 1, limit: 1 } };
  const resp = await c.unary<TxnResponse>('KV', 'Txn', {
    compare: [{ result: 0, target: 1, key: Buffer.from(key), create_revision: 0 }],
    success: [{ request_put: { key: Buffer.from(key), value: Buffer.from(value), lease: s.lease } }, owner],
    failure: [{ request_range: { key: Buffer.from(key) } }, owner],
  }).catch(failWith);
  const myRev = resp.succeeded === true ? String(resp.header?.revision)
    : String(resp.responses?.[0]?.response_range?.kvs?.[0]?.create_revision);
  for (;;) {
    const first = await c.unary<RangeResponse>('KV', 'Range', owner.request_range).catch(failWith);
    const oldest = first.kvs?.[0];
    if (oldest === undefined || String(oldest.create_revision) === myRev) return { key, rev: String(resp.header?.revision) };
    await sleep(100);
  }
}

export async function release(c: EtcdClient, key: string): Promise<void> {
  await c.unary('KV', 'DeleteRange', { key: Buffer.from(key) }).catch(failWith);
}

/** Resolves on the first SIGINT (lock and elect clean up and exit 0, unlike other commands). */
export function interrupted(): Promise<void> {
  return new Promise((resolve) => process.once('SIGINT', () => resolve()));
}

/** Prints the held key as `get` would, holds it until SIGINT, then gives it up. */
export async function holdUntilInterrupted(ctx: CommandContext, c: EtcdClient, key: string, stop: Promise<void>): Promise<number> {
  const resp = await c.unary<RangeResponse>('KV', 'Range', { key: Buffer.from(key) }).catch(failWith);
  display(ctx, { kind: 'get', resp, rpc: ['KV', 'Range'] }, c.proto.def);
  await stop;
  await release(c, key);
  return EXIT.success;
}
