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
  /**
   * Raft still counts the member as a learner: 3.4's member update replaces the raft attributes
   * (peer URLs and IsLearner) in the member record only, so the record says voting, raft does not.
   */
  raftLearner?: boolean;
}

/** Why etcd's ValidateConfigurationChange refuses a change (membership's errors). */
export type Refusal = 'ID exists' | 'ID not found' | 'peerURL exists' | 'too many learner members in cluster';

/** etcd 3.4 allows one learner. */
const MAX_LEARNERS = 1;

interface Saved {
  clusterId: string;
  members: { id: string; name: string; peerURLs: string[]; clientURLs: string[]; isLearner: boolean; raftLearner?: boolean }[];
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

  /** ValidateConfigurationChange for an added member (learner or voting). */
  refuseAdd(m: Member): Refusal | undefined {
    if (this.get(m.id)) return 'ID exists';
    if (this.members.some((o) => o.peerURLs.some((u) => m.peerURLs.includes(u)))) return 'peerURL exists';
    if (m.isLearner && this.members.filter((o) => o.isLearner).length + 1 > MAX_LEARNERS) return 'too many learner members in cluster';
    return undefined;
  }

  /** ValidateConfigurationChange for an update: the member exists, its new URLs are no one else's. */
  refuseUpdate(id: bigint, peerURLs: string[]): Refusal | undefined {
    if (!this.get(id)) return 'ID not found';
    if (this.members.some((o) => o.id !== id && o.peerURLs.some((u) => peerURLs.includes(u)))) return 'peerURL exists';
    return undefined;
  }

  /** IsReadyToAddVotingMember: a quorum of the voting members, the new one included, has started. */
  readyToAddVotingMember(): boolean {
    const voting = this.members.filter((m) => !m.isLearner);
    const started = voting.filter((m) => m.name !== '').length;
    const n = voting.length + 1;
    return (started === 1 && n === 2) || started >= Math.floor(n / 2) + 1;
  }

  /** isConnectedFullySince: every voting member but this one is a peer it talks to; here none is. */
  connectedToAllVoters(self: bigint): boolean {
    return this.members.every((m) => m.isLearner || m.id === self);
  }

  /** With one live member, a majority exists only while it is the only voter. */
  hasQuorum(self: bigint): boolean {
    const voters = this.members.filter((m) => !m.isLearner && m.raftLearner !== true);
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
