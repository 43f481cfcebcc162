// etcd 3.4's auth store over our store's meta table: who a request is (token or client
// certificate), what it may do, and the user/role operations as raft proposals. Every proposal
// takes one raft entry whether it is applied or refused, as in etcd.
import type { PeerCertificate } from 'node:tls';
import type { Metadata } from '@grpc/grpc-js';
import bcrypt from 'bcryptjs';
import type { Store } from '../../store/index.js';
import * as E from './errors.js';
import { hasRootRole, userPerms } from './ops.js';
import { mergePerms, rangePermitted, READ, WRITE } from './perms.js';
import { decodeState, encodeState, META_KEY, type AuthState } from './state.js';
import { SimpleTokens } from './tokens.js';

export interface AuthInfo {
  username: string;
  /** The auth revision the identity was established at; 0: nobody. */
  revision: number;
}

export const NO_USER: AuthInfo = { username: '', revision: 0 };

/** What an incoming gRPC call offers: metadata (the token) and, over TLS, the peer certificate. */
export interface CallIdentity {
  metadata: Metadata;
  getAuthContext?: () => { sslPeerCertificate?: PeerCertificate } | null;
}

export interface AuthOptions {
  tokenTtlSeconds?: number;
  bcryptCost?: number;
  /** --client-cert-auth: a verified client certificate's CN names the user when no token is sent. */
  clientCertAuth?: boolean;
  clock?: () => number;
}

const DEFAULT_BCRYPT_COST = 10;

export class AuthStore {
  readonly tokens: SimpleTokens;
  private readonly bcryptCost: number;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    private state: AuthState,
    private readonly opts: AuthOptions,
  ) {
    this.tokens = new SimpleTokens(opts.tokenTtlSeconds ?? 0, opts.clock ?? Date.now);
    const cost = opts.bcryptCost ?? DEFAULT_BCRYPT_COST;
    this.bcryptCost = cost >= 4 && cost <= 31 ? cost : DEFAULT_BCRYPT_COST;
    if (state.enabled) this.tokens.enable();
  }

  static async load(store: Store, opts: AuthOptions = {}): Promise<AuthStore> {
    return new AuthStore(store, decodeState(await store.getMeta(META_KEY)), opts);
  }

  get enabled(): boolean {
    return this.state.enabled;
  }

  get revision(): number {
    return this.state.revision;
  }

  /** The state, for operations run inside propose(). */
  get current(): AuthState {
    return this.state;
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.bcryptCost);
  }

  /**
   * One raft proposal, applied by fn (given the entry's raft index). Proposals run one at a time;
   * the entry is written (the auth record saved, the raft index advanced) even when fn refuses.
   */
  propose<R>(fn: (index: number) => Promise<R> | R): Promise<R> {
    const run = async (): Promise<R> => {
      const index = Number((await this.store.getMeta('raft_index')) ?? '0') + 1;
      try {
        return await fn(index);
      } finally {
        await this.store.setMeta(META_KEY, encodeState(this.state));
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Who the call is: its token's user, else (with --client-cert-auth) its certificate's CN. */
  authInfo(call: CallIdentity): AuthInfo | undefined {
    const token = call.metadata.get('token')[0] ?? call.metadata.get('authorization')[0];
    if (token !== undefined) {
      const user = this.tokens.user(String(token));
      if (user === undefined) throw E.errInvalidAuthToken();
      return { username: user, revision: this.state.revision };
    }
    if (!this.opts.clientCertAuth) return undefined;
    const cert = call.getAuthContext?.()?.sslPeerCertificate;
    if (!cert || call.metadata.get('grpcgateway-accept').length > 0) return undefined;
    const cn = cert.subject?.CN as string | string[] | undefined;
    return { username: (Array.isArray(cn) ? cn[0] : cn) ?? '', revision: this.state.revision };
  }

  /** The checks etcd makes when applying a proposal: a refusal still takes its raft entry. */
  async checkProposal(call: CallIdentity, check: (ai: AuthInfo) => Promise<void> | void): Promise<void> {
    const ai = this.authInfo(call) ?? NO_USER; // an invalid token is refused before proposing
    if (!this.state.enabled) return;
    try {
      await check(ai);
    } catch (err) {
      await this.propose(() => undefined);
      throw err;
    }
  }

  /** The checks of a serializable read (range, read-only txn, watch): no raft entry. */
  checkRead(call: CallIdentity, check: (ai: AuthInfo) => void): void {
    check(this.authInfo(call) ?? NO_USER);
  }

  /** Membership operations need the root role. */
  checkAdmin(call: CallIdentity): void {
    this.isAdminPermitted(this.authInfo(call));
  }

  /** So do hash, defragment and snapshot, whose refusals etcd reports untranslated. */
  checkMaintenance(call: CallIdentity): void {
    try {
      this.checkAdmin(call);
    } catch (err) {
      throw E.untranslated(err);
    }
  }

  isAdminPermitted(ai: AuthInfo | undefined): void {
    if (!this.state.enabled) return;
    if (!ai || ai.username === '') throw E.errUserEmpty();
    const u = this.state.users.get(ai.username);
    if (!u) throw E.errUserNotFound();
    if (!hasRootRole(u)) throw E.errPermissionDenied();
  }

  isRangePermitted(ai: AuthInfo, key: Buffer, rangeEnd: Buffer): void {
    this.isOpPermitted(ai, key, rangeEnd, READ);
  }

  isPutPermitted(ai: AuthInfo, key: Buffer): void {
    this.isOpPermitted(ai, key, Buffer.alloc(0), WRITE);
  }

  isDeleteRangePermitted(ai: AuthInfo, key: Buffer, rangeEnd: Buffer): void {
    this.isOpPermitted(ai, key, rangeEnd, WRITE);
  }

  private isOpPermitted(ai: AuthInfo, key: Buffer, rangeEnd: Buffer, type: typeof READ | typeof WRITE): void {
    if (!this.state.enabled) return;
    if (ai.revision === 0) throw E.errUserEmpty();
    if (ai.revision < this.state.revision) throw E.errAuthOldRevision();
    const u = this.state.users.get(ai.username);
    if (!u) throw E.errPermissionDenied();
    if (hasRootRole(u)) return;
    if (!rangePermitted(mergePerms(userPerms(this.state, u)), key, rangeEnd, type)) throw E.errPermissionDenied();
  }

  hasRole(user: string, role: string): boolean {
    return this.state.users.get(user)?.roles.includes(role) ?? false;
  }

  /** Authenticate's first step, outside raft. */
  async checkPassword(name: string, password: string): Promise<void> {
    if (!this.state.enabled) throw E.errAuthNotEnabled();
    const u = this.state.users.get(name);
    if (!u) throw E.errAuthFailed();
    if (u.noPassword) throw E.errNoPasswordUser();
    if (!(await bcrypt.compare(password, u.password))) throw E.errAuthFailed();
  }
}
