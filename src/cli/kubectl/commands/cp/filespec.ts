// kubectl cp's file specs ([[namespace/]pod:]file/path) and its path rules: local paths are the
// client's (node:path), remote ones always POSIX; a trailing slash is dropped from both, remote
// backslashes become slashes, and `../` shortcuts are stripped from what the pod sends back.
import { posix, resolve, relative, dirname, basename, join } from 'node:path';

export const FILESPEC_FORMAT = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

export interface FileSpec {
  podName: string;
  podNamespace: string;
  file: string;
}

export function stripTrailingSlash(file: string): string {
  return file.length > 0 && file !== '/' && (file.endsWith('/') || file.endsWith('\\')) ? file.slice(0, -1) : file;
}

export const remotePath = (file: string): string => stripTrailingSlash(file).replaceAll('\\', '/');

/** extractFileSpec: a local path, or a pod's (with its namespace) remote one. */
export function extractFileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new Error(FILESPEC_FORMAT);
  if (i < 0) return { podName: '', podNamespace: '', file: stripTrailingSlash(arg) };
  const pieces = arg.slice(0, i).split('/');
  const file = remotePath(arg.slice(i + 1));
  if (pieces.length === 1) return { podName: pieces[0]!, podNamespace: '', file };
  if (pieces.length === 2) return { podName: pieces[1]!, podNamespace: pieces[0]!, file };
  throw new Error(FILESPEC_FORMAT);
}

/** stripPathShortcuts: leading `../` removed, `.` and `..` become empty, a leading `/` dropped. */
export function stripPathShortcuts(p: string): string {
  let path = p;
  while (path.startsWith('../')) path = path.slice(3);
  if (path === '.' || path === '..') path = '';
  return path.startsWith('/') ? path.slice(1) : path;
}

/** Go's path.Clean ('' is '.'). */
export const cleanRemote = (p: string): string => posix.normalize(p === '' ? '.' : p).replace(/(.)\/$/, '$1');

/** The prefix every member of the pod's archive has: the source without leading slashes, cleaned. */
export function archivePrefix(src: string): string {
  return stripPathShortcuts(cleanRemote(src.replace(/^[/\\]+/, '')));
}

/** localPath.Join with a remote path (filepath.Join: cleaned; '' when both are empty). */
export function joinLocal(dest: string, rel: string): string {
  const joined = [dest, rel].filter((s) => s !== '').join('/');
  return joined === '' ? '' : stripTrailingSlash(join(joined));
}

/** isRelative: target is dest or below it. */
export function isRelative(dest: string, target: string, cwd: string): boolean {
  const rel = relative(resolve(cwd, dest), resolve(cwd, target)) || '.';
  return rel === '.' || rel === stripPathShortcuts(rel);
}

/** Go's filepath.Dir / filepath.Base of a local path. */
export const localDir = (p: string): string => (p === '' ? '.' : dirname(p));
export const localBase = (p: string): string => (p === '' ? '.' : basename(p) || '/');

/** Go's path.Dir / path.Base / path.Join of remote paths. */
export const remoteDir = (p: string): string => posix.dirname(p === '' ? '.' : cleanRemote(p));
export const remoteBase = (p: string): string => (p === '' ? '.' : posix.basename(cleanRemote(p)) || '/');
export const joinRemote = (a: string, b: string): string => cleanRemote([a, b].filter((s) => s !== '').join('/'));
