// One etcd member over the store: identity, raft-like term and index, membership, alarms, and the
// response header every API fills. The APIs (gRPC v3, HTTP v2) are layered on top in grpc/ and http/.
import type { Store } from '../store/index.js';
import type { EtcdConfig } from './config.js';
import type { Logger } from './log.js';
import { Membership, type Member } from './membership.js';
import { hexId, memberId } from './ids.js';
import { AuthStore } from './auth/store.js';

export { CLUSTER_VERSION, ETCD_VERSION } from './version.js';
/**
 * What a fresh single member's raft log holds: its conf change, the leader's empty entry, its
 * published attributes and the cluster version. (A GET /health, a quorum read, then takes 5.)
 */
const BOOT_RAFT_INDEX = 4;
/** The raft term of the member's last start; empty on a data dir fresh from a snapshot restore. */
export const TERM_KEY = 'etcd_raft_term';

export interface WireHeader {
  clusterId: string;
  memberId: string;
  revision: string;
  raftTerm: string;
}

export class EtcdServer {
  term = 0;
  readonly alarms = new Set<number>();

  private constructor(
    readonly config: EtcdConfig,
    readonly store: Store,
    readonly membership: Membership,
    readonly id: bigint,
    private readonly log: Logger,
    readonly auth: AuthStore,
  ) {}

  /** Bootstraps a new member or restarts an existing one, as etcd does on its data dir. */
  static async boot(config: EtcdConfig, store: Store, log: Logger, clock?: () => number): Promise<EtcdServer> {
    const existing = await Membership.load(store);
    const membership = existing ?? Membership.fromInitialCluster(config.initialCluster, config.initialClusterToken);
    const id = existing ? BigInt((await store.getMeta('etcd_member_id')) ?? '0') : memberId(config.initialAdvertisePeerUrls, config.initialClusterToken);
    const auth = await AuthStore.load(store, { tokenTtlSeconds: config.authTokenTtl, bcryptCost: config.bcryptCost, clientCertAuth: config.clientTls.clientCertAuth, ...(clock ? { clock } : {}) });
    const server = new EtcdServer(config, store, membership, id, log, auth);
    await server.startRaft(!existing, !(await store.getMeta(TERM_KEY)));
    return server;
  }

  /** fresh: a new member; freshLog: no raft log yet (new, or restored from a snapshot). */
  private async startRaft(fresh: boolean, freshLog: boolean): Promise<void> {
    const self = this.self();
    const cluster = hexId(this.membership.clusterId);
    this.log.log('I', 'etcdserver', `${fresh ? 'starting' : 'restarting'} member ${hexId(this.id)} in cluster ${cluster}`);
    const { raftIndex } = await this.store.status(); // before this boot's own bookkeeping
    const before = Number((await this.store.getMeta(TERM_KEY)) || '1');
    this.term = before + 1;
    this.log.raft(`${hexId(this.id)} became leader at term ${this.term}`);
    this.log.raft(`raft.node: ${hexId(this.id)} elected leader ${hexId(this.id)} at term ${this.term}`);
    self.name = this.config.name;
    self.clientURLs = this.config.advertiseClientUrls;
    await this.membership.save(this.store);
    await this.store.setMeta('etcd_member_id', String(this.id));
    await this.store.setMeta(TERM_KEY, String(this.term));
    // A restart appends the new leader's empty entry and the member's published attributes.
    await this.store.setMeta('raft_index', String(freshLog ? BOOT_RAFT_INDEX : raftIndex + 2));
    this.log.log('I', 'etcdserver', `published {Name:${this.config.name} ClientURLs:[${this.config.advertiseClientUrls.join(' ')}]} to cluster ${cluster}`);
  }

  self(): Member {
    const me = this.membership.get(this.id);
    if (!me) throw new Error(`member ${hexId(this.id)} is not in its own cluster`);
    return me;
  }

  header(revision: number): WireHeader {
    return { clusterId: String(this.membership.clusterId), memberId: String(this.id), revision: String(revision), raftTerm: String(this.term) };
  }

  /** A header for the cluster API, which etcd leaves without a revision. */
  clusterHeader(): Omit<WireHeader, 'revision'> {
    const { revision: _, ...rest } = this.header(0);
    return rest;
  }

  /** Runs a proposal (or linearizable read) — or never answers, as a member without quorum. */
  async agree<R>(fn: () => Promise<R>): Promise<R> {
    if (!this.membership.hasQuorum(this.id)) return new Promise<R>(() => undefined);
    return fn();
  }

  async saveMembership(): Promise<void> {
    await this.membership.save(this.store);
  }
}
