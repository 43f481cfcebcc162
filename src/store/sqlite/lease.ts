// Leases as etcd's lessor keeps them: an ID, a granted TTL and an expiry; revoking (or expiring)
// a lease deletes the keys attached to it in one revision. Expiry is absolute time on the store's
// clock, so it holds across processes and across restarts with no daemon running.
import type { Statement } from 'better-sqlite3';
import { errLeaseExists, errLeaseNotFound, errLeaseTTLTooLarge } from '../errors.js';
import type { Db } from './db.js';
import type { Statements } from './statements.js';
import { deleteRow, type LeaseCheck, type WriteTx } from './mvcc.js';

/** etcd's minimum TTL: 1.5 election timeouts (10 ticks × 100 ms), rounded up to whole seconds. */
export const MIN_LEASE_TTL = 2;
export const MAX_LEASE_TTL = 9_000_000_000;

interface LeaseRow {
  id: string;
  ttl: number;
  expires_at: number;
}

/** etcd's request-ID generator: 16 bits of the member ID, then a counter seeded from the clock. */
export class LeaseIds {
  private suffix: bigint;
  constructor(
    private readonly memberId: bigint,
    nowMs: number,
  ) {
    this.suffix = BigInt.asUintN(40, BigInt(nowMs)) << 8n;
  }
  next(): bigint {
    this.suffix += 1n;
    const prefix = BigInt.asUintN(16, this.memberId) << 48n;
    return BigInt.asUintN(63, prefix | BigInt.asUintN(48, this.suffix));
  }
}

export class Leases implements LeaseCheck {
  private readonly get: Statement<[bigint], LeaseRow>;
  private readonly insert: Statement<[bigint, number, number]>;
  private readonly remove: Statement<[bigint]>;
  private readonly renew: Statement<[number, bigint]>;
  private readonly all: Statement<[], { id: string }>;
  private readonly due: Statement<[number], { id: string }>;
  private readonly attached: Statement<[bigint], { key: Buffer }>;
  private readonly earliest: Statement<[], number | null>;
  private readonly dataVersion: Statement<[], number>;
  /**
   * Every read and write first expires what is due; most find nothing. The earliest expiry is kept
   * while no other connection has committed (SQLite's data_version) and this one has not granted or
   * revoked a lease: until then nothing can be due before it.
   */
  private quietUntil: { expiry: number; version: number } | undefined;

  constructor(
    db: Db,
    private readonly s: Statements,
    private readonly ids: LeaseIds,
  ) {
    this.get = db.prepare('SELECT CAST(id AS TEXT) AS id, ttl, expires_at FROM leases WHERE id = ?');
    this.insert = db.prepare('INSERT INTO leases (id, ttl, expires_at) VALUES (?, ?, ?)');
    this.remove = db.prepare('DELETE FROM leases WHERE id = ?');
    this.renew = db.prepare('UPDATE leases SET expires_at = ? WHERE id = ?');
    this.all = db.prepare('SELECT CAST(id AS TEXT) AS id FROM leases ORDER BY id');
    this.due = db.prepare('SELECT CAST(id AS TEXT) AS id FROM leases WHERE expires_at <= ? ORDER BY expires_at, id');
    this.attached = db.prepare('SELECT key FROM kv_live WHERE lease = ? ORDER BY key');
    this.earliest = db.prepare<[], number | null>('SELECT MIN(expires_at) FROM leases').pluck();
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  exists(id: bigint): boolean {
    return this.get.get(id) !== undefined;
  }

  grant(ttl: number, id: bigint, now: number): { ID: bigint; TTL: number } {
    if (ttl > MAX_LEASE_TTL) throw errLeaseTTLTooLarge();
    const TTL = Math.max(ttl, MIN_LEASE_TTL);
    let ID = id;
    if (ID === 0n) do ID = this.ids.next(); while (this.exists(ID));
    else if (this.exists(ID)) throw errLeaseExists();
    this.insert.run(ID, TTL, now + TTL * 1000);
    this.quietUntil = undefined;
    return { ID, TTL };
  }

  /** Deletes the lease and its keys (all in the transaction's one revision). */
  revoke(id: bigint, tx: WriteTx): void {
    if (!this.exists(id)) throw errLeaseNotFound();
    for (const { key } of this.attached.all(id)) {
      const row = this.s.liveRow.get(key);
      if (row) deleteRow(this.s, row, tx);
    }
    this.remove.run(id);
    this.quietUntil = undefined;
  }

  timeToLive(id: bigint, now: number): { TTL: number; grantedTTL: number; keys: Buffer[] } | undefined {
    const row = this.get.get(id);
    if (!row) return undefined;
    const keys = this.attached.all(id).map((r) => r.key);
    return { TTL: Math.max(0, Math.trunc((row.expires_at - now) / 1000)), grantedTTL: row.ttl, keys };
  }

  keepAlive(id: bigint, now: number): number {
    const row = this.get.get(id);
    if (!row || row.expires_at <= now) return 0;
    this.renew.run(now + row.ttl * 1000, id);
    return row.ttl;
  }

  list(): bigint[] {
    return this.all.all().map((r) => BigInt(r.id));
  }

  dueAt(now: number): bigint[] {
    const version = this.dataVersion.get()!;
    const quiet = this.quietUntil;
    if (quiet && quiet.version === version && now < quiet.expiry) return [];
    const due = this.due.all(now).map((r) => BigInt(r.id));
    this.quietUntil = due.length ? undefined : { expiry: this.earliest.get() ?? Infinity, version };
    return due;
  }
}
