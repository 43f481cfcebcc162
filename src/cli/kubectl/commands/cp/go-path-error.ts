// Go's %v of an *fs.PathError (`open /x: no such file or directory`) from a Node fs error.
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', ENOTDIR: 'not a directory', EISDIR: 'is a directory',
  EEXIST: 'file exists', ELOOP: 'too many levels of symbolic links', EPERM: 'operation not permitted', ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
};

export function goPathError(op: string, path: string, err: unknown): Error {
  const e = err as NodeJS.ErrnoException;
  return new Error(`${op} ${path}: ${ERRNO_TEXT[e.code ?? ''] ?? e.message}`);
}
