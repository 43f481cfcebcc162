// kubectl cp SRC POD:DEST: SRC must exist; `test -d DEST` in the pod (output discarded, 10s)
// decides whether SRC goes into DEST; the archive (makeTar: members named from DEST's base down,
// SRC's file modes, uid/gid and times; symlinks as links; an empty directory as itself) is piped
// into `tar -xmf - [-C DIR]` (with --no-preserve `--no-same-permissions --no-same-owner`).
// tar-stream writes the archive: ustar headers with PAX records for long names, as Go's tar does.
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import type { OutStream } from '../../../shared/io.js';
import { joinLocal, joinRemote, localBase, localDir, remoteBase, remoteDir, type FileSpec } from './filespec.js';
import { goPathError } from './go-path-error.js';
import { DISCARD, execInPod, type RemoteExec } from './remote.js';

export interface ToPod {
  exec: Omit<RemoteExec, 'command' | 'stdout' | 'stderr'>;
  src: string;
  dest: FileSpec;
  noPreserve: boolean;
  stdout: OutStream;
  stderr: OutStream;
  cwd: string;
}

const DEST_CHECK_MS = 10_000;

function header(st: Stats, name: string, type: tar.Header['type']): Partial<tar.Header> & { name: string } {
  return { name, type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: st.mtime, size: type === 'file' ? st.size : 0 };
}

function lstat(path: string): Stats {
  try {
    return lstatSync(path);
  } catch (err) {
    throw goPathError('lstat', path, err);
  }
}

/** recursiveTar: srcDir/srcFile into the archive as destFile (relative to the extraction dir). */
function recursiveTar(pack: tar.Pack, srcDir: string, srcFile: string, destFile: string, cwd: string): void {
  const path = joinLocal(srcDir, srcFile);
  const st = lstat(resolve(cwd, path));
  if (st.isDirectory()) {
    const names = readdirSync(resolve(cwd, path)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    if (names.length === 0) pack.entry(header(st, destFile, 'directory'));
    for (const n of names) recursiveTar(pack, srcDir, joinLocal(srcFile, n), joinRemote(destFile, n), cwd);
  } else if (st.isSymbolicLink()) {
    pack.entry({ ...header(st, destFile, 'symlink'), linkname: readlinkSync(resolve(cwd, path)) });
  } else {
    let data: Buffer;
    try {
      data = readFileSync(resolve(cwd, path));
    } catch (err) {
      throw goPathError('open', path, err);
    }
    pack.entry(header(st, destFile, 'file'), data);
  }
}

/** makeTar: the archive as a stream, or the error making it. */
function makeTar(src: string, dest: string, cwd: string): { stream: Readable; failed: Promise<never> } {
  const pack = tar.pack();
  const stream = Readable.from(pack);
  const failed = new Promise<never>((_resolve, reject) => {
    try {
      const srcPath = joinLocal(src, '');
      recursiveTar(pack, localDir(srcPath), localBase(srcPath), remoteBase(dest), cwd);
      pack.finalize();
    } catch (err) {
      pack.destroy();
      reject(err as Error);
    }
  });
  return { stream, failed };
}

/** checkDestinationIsDir: whether `test -d DEST` succeeds in the pod (DeadlineExceeded ends the copy). */
async function destinationIsDir(o: ToPod): Promise<boolean> {
  const stop = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => { stop.abort(); reject(new Error('context deadline exceeded')); }, DEST_CHECK_MS);
  });
  const test = execInPod({ ...o.exec, command: ['test', '-d', o.dest.file], stdout: DISCARD, stderr: DISCARD, signal: stop.signal }).then(() => true, () => false);
  try {
    return await Promise.race([test, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export async function copyToPod(o: ToPod): Promise<void> {
  try {
    statSync(resolve(o.cwd, o.src));
  } catch {
    throw new Error(`${o.src} doesn't exist in local filesystem`);
  }
  let destFile = o.dest.file;
  if (await destinationIsDir(o)) destFile = joinRemote(destFile, localBase(o.src));
  const archive = makeTar(o.src, destFile, o.cwd);
  const command = o.noPreserve ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-'] : ['tar', '-xmf', '-'];
  const dir = remoteDir(destFile);
  if (dir.length > 0) command.push('-C', dir);
  await Promise.race([archive.failed, execInPod({ ...o.exec, command, stdin: archive.stream, stdout: o.stdout, stderr: o.stderr })]);
}
