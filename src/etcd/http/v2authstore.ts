// etcd v2 auth's store (etcdserver/api/v2auth): users and roles that etcd keeps as JSON under /2
// in its v2 store, reached through its own v2 requests. Ours keeps the same records in the store's
// metadata, and takes raft and v2 indexes exactly where etcd's requests would: a quorum read or a
// write is a raft proposal (refused or not); each successful write takes a v2 index; the first
// write of a process first (re)creates /2, /2/users/, /2/roles/ and /2/enabled.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../store/index.js';
import type { V2Store } from '../../store/v2/index.js';

export interface RWPermission {
  read: string[];
  write: string[];
}
export interface Permissions {
  kv: RWPermission;
}
export interface Role {
  role: string;
  permissions: Permissions;
  grant?: Permissions;
  revoke?: Permissions;
}
export interface User {
  user: string;
  password?: string;
  roles: string[] | null;
  grant?: string[];
  revoke?: string[];
}

/** v2auth.Error: an HTTP status and a message starting `auth: `. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`auth: ${message}`);
  }
}

export const ROOT = 'root';
export const GUEST = 'guest';
const ALL: Permissions = { kv: { read: ['/*'], write: ['/*'] } };
export const rootRole = (): Role => ({ role: ROOT, permissions: structuredClone(ALL) });
export const guestRole = (): Role => ({ role: GUEST, permissions: structuredClone(ALL) });

interface Doc {
  /** /2, /2/users/, /2/roles/ exist. */
  tree: boolean;
  /** /2/enabled; absent until the tree is first made. */
  enabled?: boolean;
  users: Record<string, string>;
  roles: Record<string, string>;
}

const META_KEY = 'etcd_v2_auth';
const NOT_FOUND = 100;
const EXISTS = 105;

/** A v2 store error from a resource request (only the code matters to v2auth). */
class ResourceError extends Error {
  constructor(readonly code: number) {
    super(String(code));
  }
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

export function checkPassword(hash: string | undefined, password: string): boolean {
  const [kind, salt, want] = (hash ?? '').split('$');
  if (kind !== 'scrypt' || salt === undefined || want === undefined) return false;
  const got = scryptSync(password, Buffer.from(salt, 'base64'), 32);
  const expected = Buffer.from(want, 'base64');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** The /2 records with etcd's request accounting. */
export class AuthResources {
  private ensuredOnce = false;
  /** Writes run one at a time: each reads the records, then saves them. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly keys: V2Store,
  ) {}

  private async load(): Promise<Doc> {
    const text = await this.store.getMeta(META_KEY);
    return text ? (JSON.parse(text) as Doc) : { tree: false, users: {}, roles: {} };
  }

  /** A proposal that changes the records: saving them is the raft entry, the change a v2 index. */
  private async commit(doc: Doc): Promise<void> {
    await this.store.setMeta(META_KEY, JSON.stringify(doc));
    await this.keys.advanceIndex();
  }

  /** A proposal that changes nothing (a quorum read, a refused write). */
  private async propose(): Promise<void> {
    await this.store.advanceRaftIndex();
  }

  async enabled(): Promise<boolean> {
    return (await this.load()).enabled === true;
  }

  private async ensureTree(): Promise<void> {
    if (this.ensuredOnce) return;
    const doc = await this.load();
    for (let i = 0; i < 3; i++) {
      if (doc.tree) await this.propose();
      else if (i < 2) await this.commit(doc);
      else {
        doc.tree = true;
        await this.commit(doc);
      }
    }
    if (doc.enabled === undefined) {
      doc.enabled = false;
      await this.commit(doc);
    } else await this.propose();
    this.ensuredOnce = true;
  }

  /** requestResource for a user or role record; throws ResourceError(100) when missing. */
  async get(kind: 'users' | 'roles', name: string, quorum: boolean): Promise<string> {
    if (quorum) await this.propose();
    const doc = await this.load();
    const value = doc.tree ? doc[kind][name] : undefined;
    if (value === undefined) throw new ResourceError(NOT_FOUND);
    return value;
  }

  /** requestResource on /users/ or /roles/: the names, or ResourceError(100) before the tree exists. */
  async list(kind: 'users' | 'roles'): Promise<string[]> {
    const doc = await this.load();
    if (!doc.tree) throw new ResourceError(NOT_FOUND);
    return Object.keys(doc[kind]);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** setResource: create (prevExist false) or update (prevExist true). */
  set(kind: 'users' | 'roles', name: string, value: unknown, prevExist: boolean): Promise<void> {
    return this.serial(() => this.setNow(kind, name, value, prevExist));
  }

  private async setNow(kind: 'users' | 'roles', name: string, value: unknown, prevExist: boolean): Promise<void> {
    await this.ensureTree();
    const doc = await this.load();
    const exists = doc[kind][name] !== undefined;
    if (exists !== prevExist) {
      await this.propose();
      throw new ResourceError(exists ? EXISTS : NOT_FOUND);
    }
    doc[kind][name] = JSON.stringify(value);
    await this.commit(doc);
  }

  setEnabled(on: boolean): Promise<void> {
    return this.serial(async () => {
      await this.ensureTree();
      const doc = await this.load();
      doc.enabled = on;
      await this.commit(doc);
    });
  }

  delete(kind: 'users' | 'roles', name: string): Promise<void> {
    return this.serial(() => this.deleteNow(kind, name));
  }

  private async deleteNow(kind: 'users' | 'roles', name: string): Promise<void> {
    await this.ensureTree();
    const doc = await this.load();
    if (doc[kind][name] === undefined) {
      await this.propose();
      throw new ResourceError(NOT_FOUND);
    }
    delete doc[kind][name];
    await this.commit(doc);
  }
}

export function isMissing(err: unknown): boolean {
  return err instanceof ResourceError && err.code === NOT_FOUND;
}

export function isExisting(err: unknown): boolean {
  return err instanceof ResourceError && err.code === EXISTS;
}
