// kubectl cp POD:SRC DEST: the pod's `tar cf - SRC` (with --retries `sh -c 'tar cf - SRC | tail
// -c+N'`, resumed after the bytes already read) read as TarPipe does, the archive unpacked as
// untarAll does: members must start with SRC's prefix, which is replaced by DEST; members that
// would land outside DEST and symlinks are skipped with a warning; files are created afresh
// (no modes kept). The remote tar's stderr goes to stdout, as the real one wires it.
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tar from 'tar-stream';
import type { OutStream } from '../../../shared/io.js';
import { ArchiveEnd } from './archive-end.js';
import { archivePrefix, isRelative, joinLocal, localDir, remotePath, type FileSpec } from './filespec.js';
import { goPathError } from './go-path-error.js';
import { mkdirAll } from './mkdir-all.js';
import { execInPod, type RemoteExec } from './remote.js';

export interface FromPod {
  exec: Omit<RemoteExec, 'command' | 'stdout' | 'stderr'>;
  src: FileSpec;
  dest: string;
  /** --retries: 0 none, negative without end */
  maxTries: number;
  stdout: OutStream;
  stderr: OutStream;
  cwd: string;
}

/** Go's archive/tar wording for what tar-stream reports. */
function tarError(err: Error): Error {
  if (/unexpected end of data/i.test(err.message)) return new Error('unexpected EOF');
  if (/invalid tar header/i.test(err.message)) return new Error('archive/tar: invalid tar header');
  return err;
}

/** TarPipe: the pod's archive into `into`, resumed while retries last; ends `into` when done. */
async function tarPipe(o: FromPod, into: tar.Extract, stop: AbortSignal): Promise<void> {
  const end = new ArchiveEnd();
  let [bytesRead, retries, from] = [0, 0, 0];
  for (;;) {
    const attempt = new AbortController();
    const onStop = () => attempt.abort();
    stop.addEventListener('abort', onStop);
    const stdout = { write: (c: string | Uint8Array) => {
      if (end.done || stop.aborted) return true;
      const chunk = Buffer.from(c);
      bytesRead += chunk.length;
      end.feed(chunk);
      if (end.done) attempt.abort();
      return into.write(chunk);
    } };
    const command = o.maxTries === 0 ? ['tar', 'cf', '-', o.src.file] : ['sh', '-c', `tar cf - ${o.src.file} | tail -c+${from}`];
    try {
      // the remote tar's stderr goes to stdout, and nothing once the archive has been read
      const stderr = { write: (c: string | Uint8Array) => (attempt.signal.aborted ? true : o.stdout.write(c)) };
      await execInPod({ ...o.exec, command, stdout, stderr, signal: attempt.signal });
    } catch (err) {
      if (!attempt.signal.aborted) throw err;
    } finally {
      stop.removeEventListener('abort', onStop);
    }
    if (end.done || stop.aborted) break;
    if (o.maxTries >= 0 && retries >= o.maxTries) {
      o.stdout.write(`Dropping out copy after ${retries} retries\n`);
      break;
    }
    retries++;
    o.stdout.write(`Resuming copy at ${bytesRead} bytes, retry ${retries}/${o.maxTries}\n`);
    from = bytesRead + 1;
  }
  into.end(undefined);
}

type Entry = AsyncIterable<Uint8Array> & { header: tar.Header; resume(): unknown };

async function writeFile(path: string, entry: Entry, cwd: string): Promise<void> {
  let fd: number;
  try {
    fd = openSync(resolve(cwd, path), 'w', 0o666);
  } catch (err) {
    throw goPathError('open', path, err);
  }
  try {
    for await (const chunk of entry) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** untarAll: the members of the archive under DEST. */
export async function untarAll(o: Pick<FromPod, 'src' | 'dest' | 'stderr' | 'cwd'>, extract: tar.Extract): Promise<void> {
  const prefix = archivePrefix(o.src.file);
  let symlinkWarned = false;
  for await (const entry of extract as AsyncIterable<Entry>) {
    const h = entry.header;
    if (!h.name.startsWith(prefix)) throw new Error('tar contents corrupted');
    const dest = joinLocal(o.dest, remotePath(h.name.slice(prefix.length)));
    if (!isRelative(o.dest, dest, o.cwd)) {
      o.stderr.write(`warning: file ${JSON.stringify(dest)} is outside target destination, skipping\n`);
      entry.resume();
      continue;
    }
    mkdirAll(localDir(dest), o.cwd);
    if (h.type === 'directory') mkdirAll(dest, o.cwd);
    else if (h.type === 'symlink') {
      const hint = symlinkWarned ? '' : ` (consider using "kubectl exec -n ${JSON.stringify(o.src.podNamespace)} ${JSON.stringify(o.src.podName)} -- tar cf - ${JSON.stringify(o.src.file)} | tar xf -")`;
      o.stderr.write(`warning: skipping symlink: ${JSON.stringify(dest)} -> ${JSON.stringify(h.linkname ?? '')}${hint}\n`);
      symlinkWarned = true;
    } else {
      await writeFile(dest, entry, o.cwd);
      continue;
    }
    entry.resume();
  }
}

export async function copyFromPod(o: FromPod): Promise<void> {
  const extract = tar.extract();
  const stop = new AbortController();
  const untar = untarAll(o, extract).catch((err: Error) => {
    stop.abort();
    throw tarError(err);
  });
  const pipe = tarPipe(o, extract, stop.signal).catch((err: unknown) => {
    stop.abort();
    extract.destroy();
    throw err;
  });
  await Promise.all([pipe, untar]);
}
