// Go's os.MkdirAll (Node's recursive mkdir loops for ever under /proc): an existing directory is
// fine, an existing non-directory on the way is ENOTDIR; errors name the path as given.
import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { localDir } from './filespec.js';
import { goPathError } from './go-path-error.js';

const isDir = (abs: string): boolean | undefined => {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return undefined;
  }
};

/** os.MkdirAll: an existing non-directory on the way is ENOTDIR; errors name the path given. */
export function mkdirAll(dir: string, cwd: string): void {
  const abs = resolve(cwd, dir);
  const state = isDir(abs);
  if (state === true) return;
  if (state === false) throw goPathError('mkdir', dir, { code: 'ENOTDIR' });
  const parent = localDir(dir);
  if (parent !== dir) mkdirAll(parent, cwd);
  try {
    mkdirSync(abs, 0o755);
  } catch (err) {
    if (isDir(abs) !== true) throw goPathError('mkdir', dir, err);
  }
}

