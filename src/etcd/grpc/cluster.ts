// etcdserverpb.Cluster: membership. Members added here never start (one process is one member),
// so a voting member costs the quorum as it would on a real one-member cluster.
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { EtcdServer } from '../server.js';
import type { Member } from '../membership.js';
import { memberId } from '../ids.js';
import { EtcdError, unary } from './status.js';

type Wire = Record<string, unknown>;

const wireMember = (m: Member): Wire => ({ ID: String(m.id), name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs, isLearner: m.isLearner });
const notFound = (): EtcdError => new EtcdError('etcdserver: member not found', 'NotFound');

export function clusterService(server: EtcdServer, clock: () => number = Date.now): UntypedServiceImplementation {
  const { membership } = server;
  const list = (): Wire[] => membership.sorted().map(wireMember);
  const changed = async (): Promise<void> => {
    await server.saveMembership();
  };
  return {
    memberList: unary(async () => ({ header: server.clusterHeader(), members: list() })),
    memberAdd: unary(async (req, call) =>
      server.agree(async () => {
        server.auth.checkAdmin(call);
        const peerURLs = (req.peerURLs as string[]) ?? [];
        const member: Member = { id: memberId(peerURLs, '', Math.floor(clock() / 1000)) /* etcd hashes added members with no token */, name: '', peerURLs, clientURLs: [], isLearner: req.isLearner === true };
        membership.members.push(member);
        await changed();
        return { header: server.clusterHeader(), member: wireMember(member), members: list() };
      }),
    ),
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
        const m = membership.get(BigInt(req.ID as string));
        if (!m) throw notFound();
        m.peerURLs = (req.peerURLs as string[]) ?? [];
        await changed();
        return { header: server.clusterHeader(), members: list() };
      }),
    ),
    memberPromote: unary(async (req, call) =>
      server.agree(async () => {
        server.auth.checkAdmin(call);
        const m = membership.get(BigInt(req.ID as string));
        if (!m) throw notFound();
        if (!m.isLearner) throw new EtcdError('etcdserver: can only promote a learner member', 'FailedPrecondition');
        throw new EtcdError('etcdserver: can only promote a learner member which is in sync with leader', 'FailedPrecondition');
      }),
    ),
  };
}
