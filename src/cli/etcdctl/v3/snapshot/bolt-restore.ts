// `snapshot restore` of a real etcd's (bbolt) snapshot, as etcd 3.4's clientv3/snapshot Restore
// does it: the database copied to member/snap/db (its trailing sha256 checked, then cut off) with
// the consistent index set to the new raft log's commit index; a WAL whose log adds the members
// one conf change each; a snap file holding the v2 store with the members.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clusterId, memberId } from '../../../../etcd/ids.js';
import { ExitError } from '../../../shared/exit.js';
import { EXIT } from '../exit-codes.js';
import { zapLine } from '../logs.js';
import { boltValue } from './bolt-reader.js';
import type { RestoreOptions } from './format.js';
import {
  CONF_CHANGE_ADD_NODE, ENTRY_CONF_CHANGE, confChange, entry, hardState, metadata, raftSnapshot, snapFile, walSnapshot,
} from './raft-records.js';
import { memberContext, v2StoreJson, type RestoredMember } from './v2-members.js';
import { RECORD, SEGMENT_SIZE, WalEncoder } from './wal.js';
import CRC32C from 'crc-32/crc32c.js';

const SHA256_SIZE = 32;
const TERM = 1n;

type Log = (line: string) => void;

/** The members --initial-cluster names, sorted by ID as RaftCluster.Members returns them. */
export function restoredMembers(cluster: Map<string, string[]>, token: string): RestoredMember[] {
  const ms = [...cluster].map(([name, urls]) => ({ id: memberId(urls, token), name, peerURLs: [...urls].sort() }));
  return ms.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Go's %v of a []byte: [1 2 3]. */
const goBytes = (b: Buffer): string => `[${[...b].join(' ')}]`;

/** saveDB: the copy, its integrity check, then the consistent index. */
function saveDb(file: Buffer, dbPath: string, commit: number, o: RestoreOptions, log: Log): void {
  const hasHash = file.length % 512 === SHA256_SIZE;
  const db = Buffer.from(hasHash ? file.subarray(0, file.length - SHA256_SIZE) : file);
  writeFileSync(dbPath, db, { mode: 0o600 });
  if (!hasHash && !o.skipHashCheck) throw new ExitError(EXIT.error, 'snapshot missing hash but --skip-hash-check=false');
  if (hasHash && !o.skipHashCheck) {
    const want = file.subarray(file.length - SHA256_SIZE);
    const got = createHash('sha256').update(db).digest();
    if (!want.equals(got)) throw new ExitError(EXIT.error, `expected sha256 ${goBytes(want)}, got ${goBytes(got)}`);
  }
  const compacted = boltValue(db, 'meta', 'finishedCompactRev');
  if (compacted !== undefined && compacted.length >= 8) {
    log(zapLine('info', 'mvcc/kvstore.go:388', 'restored last compact revision', {
      'meta-bucket-name': 'meta', 'meta-bucket-name-key': 'finishedCompactRev', 'restored-compact-revision': Number(compacted.readBigInt64BE(0)),
    }, true));
  }
  // bbolt's data pages carry no checksum: the 8-byte value is rewritten where it lies
  const index = boltValue(db, 'meta', 'consistent_index');
  if (index?.length !== 8) throw new ExitError(EXIT.error, `snapshot ${o.file} has no consistent index in its "meta" bucket: not an etcd 3.4 backend`);
  index.writeBigUInt64BE(BigInt(commit));
  writeFileSync(dbPath, db, { mode: 0o600 });
}

/** The WAL of a new raft log: metadata, an empty snapshot, one AddNode per member, the hard state, a snapshot at the commit. */
function walBytes(members: RestoredMember[], local: RestoredMember, cid: bigint): Buffer {
  const commit = BigInt(members.length);
  const w = new WalEncoder().encode(RECORD.crc).encode(RECORD.metadata, metadata(local.id, cid)).encode(RECORD.snapshot, walSnapshot(0n, 0n));
  members.forEach((m, i) => {
    const cc = confChange(CONF_CHANGE_ADD_NODE, m.id, Buffer.from(memberContext(m)));
    w.encode(RECORD.entry, entry(ENTRY_CONF_CHANGE, TERM, BigInt(i + 1), cc));
  });
  w.encode(RECORD.state, hardState(TERM, members[0]!.id, commit));
  return w.encode(RECORD.snapshot, walSnapshot(commit, TERM)).bytes();
}

/** snap.Snapshotter.SaveSnap: <term>-<index>.snap, a snappb.Snapshot around the raftpb.Snapshot. */
function snapBytes(members: RestoredMember[]): Buffer {
  const snap = raftSnapshot(Buffer.from(v2StoreJson(members)), members.map((m) => m.id), BigInt(members.length), TERM);
  return snapFile(CRC32C.buf(snap, 0), snap);
}

function saveWalAndSnap(members: RestoredMember[], o: RestoreOptions, walDir: string, snapDir: string, log: Log): void {
  const cid = clusterId(members.map((m) => m.id));
  for (const m of members) {
    log(zapLine('info', 'membership/cluster.go:392', 'added member', { 'cluster-id': cid.toString(16), 'local-member-id': '0', 'added-peer-id': m.id.toString(16), 'added-peer-peer-urls': m.peerURLs }, true));
  }
  const local = members.find((m) => m.name === o.name)!;
  mkdirSync(walDir, { recursive: true, mode: 0o700 });
  const wal = join(walDir, '0000000000000000-0000000000000000.wal');
  writeFileSync(wal, walBytes(members, local, cid), { mode: 0o600 });
  truncateSync(wal, SEGMENT_SIZE); // preallocated, as wal.Create leaves a segment
  const hex = (n: bigint) => n.toString(16).padStart(16, '0');
  writeFileSync(join(snapDir, `${hex(TERM)}-${hex(BigInt(members.length))}.snap`), snapBytes(members), { mode: 0o666 });
}

export function restoreBolt(o: RestoreOptions, cwd: string, log: Log): void {
  const where = { path: o.file, 'wal-dir': o.walDir, 'data-dir': o.dataDir, 'snap-dir': `${o.dataDir}/member/snap` };
  log(zapLine('info', 'snapshot/v3_snapshot.go:296', 'restoring snapshot', where, true));
  const members = restoredMembers(o.cluster, o.token);
  const snapDir = resolve(cwd, o.dataDir, 'member', 'snap');
  mkdirSync(snapDir, { recursive: true, mode: 0o700 });
  saveDb(readFileSync(resolve(cwd, o.file)), join(snapDir, 'db'), members.length, o, log);
  saveWalAndSnap(members, o, resolve(cwd, o.walDir), snapDir, log);
  log(zapLine('info', 'snapshot/v3_snapshot.go:309', 'restored snapshot', where, true));
}
