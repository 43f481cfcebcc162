// Snapshot files and data directories, behind one interface: a real etcd 3.4 snapshot is a bbolt
// database (status, and restore into a data dir a real etcd starts on); kubedojo's etcd streams
// its own format (status and restore).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import { EXIT } from '../exit-codes.js';
import { zapLine } from '../logs.js';
import type { SnapshotStatus } from '../printers/types.js';
import { boltFormat } from './bolt.js';
import { kubedojoFormat } from './kubedojo.js';
import type { RestoreOptions, SnapshotFormat } from './format.js';

const FORMATS: SnapshotFormat[] = [boltFormat, kubedojoFormat];

/** os.Stat, then bolt.Open read-only: a directory cannot be opened, an empty file gets
 * initialised, which a read-only descriptor refuses. */
function read(file: string, cwd: string): Buffer {
  let st;
  try {
    // Go's stat of "" fails; resolve() would make it the working directory
    if (file === '') throw new Error('empty');
    st = statSync(resolve(cwd, file));
  } catch {
    throw new ExitError(EXIT.error, `stat ${file}: no such file or directory`);
  }
  if (st.isDirectory()) throw new ExitError(EXIT.error, `open ${file}: is a directory`);
  if (st.size === 0) throw new ExitError(EXIT.error, `write ${file}: bad file descriptor`);
  return readFileSync(resolve(cwd, file));
}

function formatOf(data: Buffer): SnapshotFormat {
  const f = FORMATS.find((x) => x.detect(data));
  if (f === undefined) throw new ExitError(EXIT.error, 'invalid database');
  return f;
}

export function snapshotStatus(file: string, cwd: string): Promise<SnapshotStatus> {
  const data = read(file, cwd);
  return formatOf(data).status(data, resolve(cwd, file));
}

export function restoreSnapshot(o: RestoreOptions, cwd: string, log: (line: string) => void): Promise<void> {
  // restore logs where it is going before it opens the file
  if (o.file === '' || !existsSync(resolve(cwd, o.file))) {
    log(zapLine('info', 'snapshot/v3_snapshot.go:296', 'restoring snapshot', { path: o.file, 'wal-dir': o.walDir, 'data-dir': o.dataDir, 'snap-dir': `${o.dataDir}/member/snap` }, true));
    throw new ExitError(EXIT.error, `open ${o.file}: no such file or directory`);
  }
  return formatOf(read(o.file, cwd)).restore(o, cwd, log);
}

/** `defrag --data-dir`: offline. kubedojo's data dir is compacted for real; a bolt one is left as it is. */
export async function defragDataDir(dir: string, cwd: string): Promise<void> {
  const db = resolve(cwd, dir, 'member', 'snap', 'db');
  if (!existsSync(db)) throw new ExitError(EXIT.error, `open ${dir}/member/snap/db: no such file or directory`);
  if (!kubedojoFormat.detect(readFileSync(db).subarray(0, 32))) return;
  const offline = await import('../../../../etcd/offline.js');
  await offline.defragDataDir(resolve(cwd, dir));
}
