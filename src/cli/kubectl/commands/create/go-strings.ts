// Go's %q of a string (strconv.Quote) and the wording of its file-system errors.
import { goQuote } from '../../../../printers/go-quote.js';

export { goQuote };

const ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** The syscall error's text (a *PathError's Err), as Go prints it. */
export function goErrno(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return (e.code && ERRNO[e.code]) || e.message;
}
