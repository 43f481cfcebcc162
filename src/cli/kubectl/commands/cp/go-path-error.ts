// Go's %v of an *fs.PathError (`open /x: no such file or directory`) from a Node fs error.
import { goErrnoText } from '../../../../client/go-errno.js';

export function goPathError(op: string, path: string, err: unknown): Error {
  return new Error(`${op} ${path}: ${goErrnoText(err)}`);
}
