// kubedojo's own snapshot format (what our etcd's Snapshot RPC streams: a SQLite copy of the
// store plus its SHA-256), read and restored by the etcd layer's offline operations.
import { resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import { EXIT } from '../exit-codes.js';
import { zapLine } from '../logs.js';
import type { SnapshotFormat } from './format.js';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export const kubedojoFormat: SnapshotFormat = {
  name: 'kubedojo',
  detect: (data) => data.length > MAGIC.length && data.subarray(0, MAGIC.length).equals(MAGIC),
  // The store code is loaded only here: status and restore are its sole users in etcdctl.
  status: async (_data, path) => {
    const offline = await import('../../../../etcd/offline.js');
    try {
      return offline.snapshotFileStatus(path);
    } catch {
      throw new ExitError(EXIT.error, 'invalid database');
    }
  },
  restore: async (o, cwd, log) => {
    const offline = await import('../../../../etcd/offline.js');
    const where = { path: o.file, 'wal-dir': o.walDir, 'data-dir': o.dataDir, 'snap-dir': `${o.dataDir}/member/snap` };
    log(zapLine('info', 'snapshot/v3_snapshot.go:296', 'restoring snapshot', where, true));
    let restored;
    try {
      restored = await offline.restoreDataDir({
        snapshot: resolve(cwd, o.file),
        dataDir: resolve(cwd, o.dataDir),
        name: o.name,
        initialCluster: o.cluster,
        initialClusterToken: o.token,
        initialAdvertisePeerUrls: o.peerUrls,
        skipHashCheck: o.skipHashCheck,
      });
    } catch (err) {
      throw new ExitError(EXIT.error, err instanceof offline.SnapshotError && /sha256/.test(err.message) ? 'expected sha256 hash mismatch' : String((err as Error).message));
    }
    for (const m of restored.members) {
      log(zapLine('info', 'membership/cluster.go:392', 'added member', { 'cluster-id': restored.clusterId.toString(16), 'local-member-id': '0', 'added-peer-id': m.id.toString(16), 'added-peer-peer-urls': m.peerURLs }, true));
    }
    log(zapLine('info', 'snapshot/v3_snapshot.go:309', 'restored snapshot', where, true));
  },
};
