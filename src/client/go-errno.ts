// Go's text for the errno behind a Node error (syscall.Errno's Error()), as *fs.PathError, *net.OpError
// and friends print it: `open /x: no such file or directory`. Codes Go words otherwise keep Node's message.
const TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', ENOTDIR: 'not a directory', EISDIR: 'is a directory',
  EEXIST: 'file exists', ELOOP: 'too many levels of symbolic links', EPERM: 'operation not permitted', ENOSPC: 'no space left on device',
  EROFS: 'read-only file system', ENAMETOOLONG: 'file name too long', ENOEXEC: 'exec format error',
  ECONNREFUSED: 'connection refused', ENOTSOCK: 'socket operation on non-socket', ETIMEDOUT: 'connection timed out',
};

/** Go's text for an errno code, if this table has it. */
export function goErrnoCodeText(code: string): string | undefined {
  return TEXT[code];
}

export function goErrnoText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return TEXT[e.code ?? ''] ?? e.message;
}
