// Member and cluster IDs computed as etcd computes them, so a default member is 8e9e05c52164694d
// in cluster cdf818194e3a8c32, exactly as a real etcd started with no flags.
import { createHash } from 'node:crypto';

/** sha1(sorted peer URLs joined + cluster token [+ unix seconds, for `member add`]), first 8 bytes. */
export function memberId(peerUrls: string[], clusterToken: string, nowUnixSeconds?: number): bigint {
  const text = [...peerUrls].sort().join('') + clusterToken + (nowUnixSeconds === undefined ? '' : String(nowUnixSeconds));
  return createHash('sha1').update(text).digest().readBigUInt64BE(0);
}

/** sha1 of the sorted member IDs as big-endian uint64s, first 8 bytes. */
export function clusterId(memberIds: bigint[]): bigint {
  const sorted = [...memberIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const buf = Buffer.alloc(8 * sorted.length);
  sorted.forEach((id, i) => buf.writeBigUInt64BE(id, 8 * i));
  return createHash('sha1').update(buf).digest().readBigUInt64BE(0);
}

export const hexId = (id: bigint): string => id.toString(16);
