// The cluster's members, kept in the store's metadata as etcd keeps them in its v2 store and
// backend. A single process serves one member; any other voting member can never start here, so
// adding one costs the cluster its quorum, exactly as on a real one-member etcd.
import type { Store } from '../store/index.js';
import { clusterId, memberId } from './ids.js';

export interface Member {
  id: bigint;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  isLearner: boolean;
}

interface Saved {
  clusterId: string;
  members: { id: string; name: string; peerURLs: string[]; clientURLs: string[]; isLearner: boolean }[];
}

const KEY = 'etcd_membership';

export class Membership {
  constructor(
    readonly clusterId: bigint,
    readonly members: Member[],
  ) {}

  static fromInitialCluster(initial: Map<string, string[]>, token: string): Membership {
    const members = [...initial].map(([name, peerURLs]) => ({ id: memberId(peerURLs, token), name: '', peerURLs, clientURLs: [], isLearner: false, initialName: name }));
    return new Membership(
      clusterId(members.map((m) => m.id)),
      members.map(({ initialName: _, ...m }) => m),
    );
  }

  static async load(store: Store): Promise<Membership | undefined> {
    const text = await store.getMeta(KEY);
    if (!text) return undefined;
    const saved = JSON.parse(text) as Saved;
    return new Membership(
      BigInt(saved.clusterId),
      saved.members.map((m) => ({ ...m, id: BigInt(m.id) })),
    );
  }

  async save(store: Store): Promise<void> {
    const saved: Saved = { clusterId: String(this.clusterId), members: this.members.map((m) => ({ ...m, id: String(m.id) })) };
    await store.setMeta(KEY, JSON.stringify(saved));
  }

  /** The members in ID order, as etcd lists them. */
  sorted(): Member[] {
    return [...this.members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get(id: bigint): Member | undefined {
    return this.members.find((m) => m.id === id);
  }

  /** With one live member, a majority exists only while it is the only voter. */
  hasQuorum(self: bigint): boolean {
    const voters = this.members.filter((m) => !m.isLearner);
    return voters.length === 1 && voters[0]!.id === self;
  }

  private quorumLostAt: number | undefined;

  /** A leader that loses its quorum stays leader for one election timeout (etcd's check-quorum),
   * counted from when this process first sees the loss. */
  hasLeader(self: bigint, now: number, electionTimeoutMs: number): boolean {
    if (this.hasQuorum(self)) {
      this.quorumLostAt = undefined;
      return true;
    }
    this.quorumLostAt ??= now;
    return now - this.quorumLostAt < electionTimeoutMs;
  }
}
