// The messages etcd 3.4's snapshot restore writes into a new member's WAL and snap file, with the
// field numbers of raft/raftpb/raft.proto, wal/walpb/record.proto,
// etcdserver/api/snap/snappb/snap.proto and etcdserver/etcdserverpb/etcdserver.proto.
import { ProtoWriter } from './proto.js';

export const ENTRY_CONF_CHANGE = 1;
export const CONF_CHANGE_ADD_NODE = 0;

/** etcdserverpb.Metadata: the WAL's metadata record. */
export function metadata(nodeId: bigint, clusterId: bigint): Buffer {
  return new ProtoWriter().uint(1, nodeId).uint(2, clusterId).finish();
}

/** raftpb.ConfChange (ID, Type, NodeID, Context). */
export function confChange(type: number, nodeId: bigint, context: Buffer): Buffer {
  return new ProtoWriter().uint(1, 0).uint(2, type).uint(3, nodeId).bytes(4, context).finish();
}

/** raftpb.Entry (Type, Term, Index, Data). */
export function entry(type: number, term: bigint, index: bigint, data: Buffer): Buffer {
  return new ProtoWriter().uint(1, type).uint(2, term).uint(3, index).bytes(4, data).finish();
}

/** raftpb.HardState (Term, Vote, Commit). */
export function hardState(term: bigint, vote: bigint, commit: bigint): Buffer {
  return new ProtoWriter().uint(1, term).uint(2, vote).uint(3, commit).finish();
}

/** walpb.Snapshot (Index, Term): the position a WAL snapshot record marks. */
export function walSnapshot(index: bigint, term: bigint): Buffer {
  return new ProtoWriter().uint(1, index).uint(2, term).finish();
}

/** raftpb.Snapshot: data plus metadata (ConfState with its voters, Index, Term). */
export function raftSnapshot(data: Buffer, voters: bigint[], index: bigint, term: bigint): Buffer {
  const conf = new ProtoWriter();
  for (const v of voters) conf.uint(1, v);
  conf.uint(5, 0); // auto_leave
  const meta = new ProtoWriter().bytes(1, conf.finish()).uint(2, index).uint(3, term).finish();
  return new ProtoWriter().bytes(1, data).bytes(2, meta).finish();
}

/** snappb.Snapshot: a CRC-32C of the data, then the data. */
export function snapFile(crc: number, data: Buffer): Buffer {
  return new ProtoWriter().uint(1, crc >>> 0).bytes(2, data).finish();
}
