// The protobuf encoding of etcdserverpb.ResponseHeader (four varint fields), for the clientv3
// lease responses whose only protobuf-marshalable part is the embedded header.
import type { Header } from './types.js';
import { varint } from '../snapshot/proto.js';

export function encodeHeader(h: Header | undefined): Uint8Array {
  const fields = [h?.cluster_id, h?.member_id, h?.revision, h?.raft_term];
  const bytes: number[] = [];
  fields.forEach((v, i) => {
    const n = BigInt(v ?? 0);
    if (n !== 0n) bytes.push((i + 1) << 3, ...varint(n));
  });
  return Uint8Array.from(bytes);
}
