// What etcdctl does to a data directory or snapshot file without a server: snapshot status,
// snapshot restore (a new member's data dir from a snapshot, with the membership the restore flags
// describe), and defragmentation of a stopped member's database.
import { openStore, restoreSnapshot, snapshotStatus, type SnapshotInfo } from '../store/index.js';
import { Membership } from './membership.js';
import { memberId } from './ids.js';
import { TERM_KEY } from './server.js';

export { SnapshotError } from '../store/index.js';

export interface RestoreOptions {
  snapshot: string;
  dataDir: string;
  name: string;
  /** name → peer URLs, as --initial-cluster spells them. */
  initialCluster: Map<string, string[]>;
  initialClusterToken: string;
  initialAdvertisePeerUrls: string[];
  skipHashCheck?: boolean;
}

export interface Restored {
  info: SnapshotInfo;
  clusterId: bigint;
  members: { id: bigint; peerURLs: string[] }[];
}

export class RestoreError extends Error {}

export function parseInitialCluster(text: string): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const part of text.split(',').filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    members.set(name, [...(members.get(name) ?? []), eq < 0 ? '' : part.slice(eq + 1)]);
  }
  return members;
}

export async function restoreDataDir(o: RestoreOptions): Promise<Restored> {
  if (!o.initialCluster.has(o.name)) throw new RestoreError(`couldn't find local name "${o.name}" in the initial cluster configuration`);
  const info = restoreSnapshot(o.snapshot, o.dataDir, o.skipHashCheck ? { skipHashCheck: true } : {});
  const membership = Membership.fromInitialCluster(o.initialCluster, o.initialClusterToken);
  const store = openStore(o.dataDir);
  try {
    await membership.save(store);
    await store.setMeta('etcd_member_id', String(memberId(o.initialAdvertisePeerUrls, o.initialClusterToken)));
    await store.setMeta(TERM_KEY, ''); // a restored member starts a new raft log
  } finally {
    await store.close();
  }
  return { info, clusterId: membership.clusterId, members: membership.members.map((m) => ({ id: m.id, peerURLs: m.peerURLs })) };
}

export function snapshotFileStatus(path: string): SnapshotInfo {
  return snapshotStatus(path);
}

export async function defragDataDir(dataDir: string): Promise<void> {
  const store = openStore(dataDir);
  try {
    await store.defragment();
  } finally {
    await store.close();
  }
}
