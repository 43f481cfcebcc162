// etcdserverpb.Cluster: membership. Members added here never start (one process is one member),
// so a voting member costs the quorum as it would on a real one-member cluster.
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { EtcdServer } from '../server.js';
import type { Member, Refusal } from '../membership.js';
import { newURLs } from '../../client/etcd-urls.js';
import { memberId } from '../ids.js';
import { EtcdError, unary } from './status.js';

type Wire = Record<string, unknown>;

const wireMember = (m: Member): Wire => ({ ID: String(m.id), name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs, isLearner: m.isLearner });
const notFound = (): EtcdError => new EtcdError('etcdserver: member not found', 'NotFound');

/** togRPCError for membership's refusals. */
function refused(r: Refusal): EtcdError {
  switch (r) {
    case 'ID exists': return new EtcdError('etcdserver: member ID already exist', 'FailedPrecondition');
    case 'ID not found': return notFound();
    case 'peerURL exists': return new EtcdError('etcdserver: Peer URLs already exists', 'FailedPrecondition');
    default: return new EtcdError(`etcdserver: ${r}`, 'FailedPrecondition');
  }
}

/** ClusterServer.MemberAdd's types.NewURLs: the URLs as the member will hold them. */
function addedUrls(req: Wire): string[] {
  try {
    return newURLs((req.peerURLs as string[] | undefined) ?? []);
  } catch {
    throw new EtcdError('etcdserver: given member URLs are invalid', 'InvalidArgument');
  }
}

/** mayAddMember (strict reconfig check), before anything is proposed. */
function mayAdd(server: EtcdServer, isLearner: boolean): void {
  const { membership } = server;
  // etcdserver.ErrNotEnoughStartedMembers is not a gRPC status: the client sees code Unknown
  if (!isLearner && !membership.readyToAddVotingMember()) throw new EtcdError('etcdserver: re-configuration failed due to not enough started members', 'Unknown');
  if (!membership.connectedToAllVoters(server.id)) throw new EtcdError('etcdserver: unhealthy cluster', 'Unavailable');
}

export function clusterService(server: EtcdServer, clock: () => number = Date.now): UntypedServiceImplementation {
  const { membership } = server;
  const list = (): Wire[] => membership.sorted().map(wireMember);
  const changed = async (): Promise<void> => {
    await server.saveMembership();
  };
  return {
    memberList: unary(async () => ({ header: server.clusterHeader(), members: list() })),
    memberAdd: unary(async (req, call) => {
      const peerURLs = addedUrls(req);
      server.auth.checkAdmin(call);
      const isLearner = req.isLearner === true;
      mayAdd(server, isLearner);
      return server.agree(async () => {
        const member: Member = { id: memberId(peerURLs, '', Math.floor(clock() / 1000)) /* etcd hashes added members with no token */, name: '', peerURLs, clientURLs: [], isLearner };
        const refusal = membership.refuseAdd(member);
        if (refusal !== undefined) throw refused(refusal);
        membership.members.push(member);
        await changed();
        return { header: server.clusterHeader(), member: wireMember(member), members: list() };
      });
    }),
    memberRemove: unary(async (req, call) =>
      server.agree(async () => {
        server.auth.checkAdmin(call);
        const i = membership.members.findIndex((m) => m.id === BigInt(req.ID as string));
        if (i < 0) throw notFound();
        membership.members.splice(i, 1);
        await changed();
        return { header: server.clusterHeader(), members: list() };
      }),
    ),
    memberUpdate: unary(async (req, call) =>
      server.agree(async () => {
        server.auth.checkAdmin(call);
        // the server takes the URLs as sent (only clientv3 checks them)
        const peerURLs = (req.peerURLs as string[] | undefined) ?? [];
        const id = BigInt(req.ID as string);
        const refusal = membership.refuseUpdate(id, peerURLs);
        if (refusal !== undefined) throw refused(refusal);
        const m = membership.get(id)!;
        // the new raft attributes say voting; raft itself still has a learner
        if (m.isLearner) m.raftLearner = true;
        Object.assign(m, { peerURLs, isLearner: false });
        await changed();
        return { header: server.clusterHeader(), members: list() };
      }),
    ),
    memberPromote: unary(async (req, call) =>
      server.agree(async () => {
        server.auth.checkAdmin(call);
        const m = membership.get(BigInt(req.ID as string));
        if (!m) throw notFound();
        // isLearnerReady looks at raft's progress first: only the leader itself is in sync
        if (m.id !== server.id) throw new EtcdError('etcdserver: can only promote a learner member which is in sync with leader', 'FailedPrecondition');
        throw new EtcdError('etcdserver: can only promote a learner member', 'FailedPrecondition');
      }),
    ),
  };
}
