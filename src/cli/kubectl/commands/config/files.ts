// The file operations clientcmd performs, relative to the command's working directory and failing
// with Go's *PathError texts (`open kc.lock: file exists`, `read kc: is a directory`).
import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { goErrnoCodeText } from '../../../../client/go-errno.js';

/** An error worded as Go's os package words it, keeping the errno code. */
export class GoFsError extends Error {
  constructor(op: string, path: string, readonly code: string) {
    super(`${op} ${path}: ${goErrnoCodeText(code) ?? code.toLowerCase()}`);
  }
}

export function isNotExist(err: unknown): boolean {
  return err instanceof GoFsError && err.code === 'ENOENT';
}

function wrap(err: unknown, op: string, path: string): GoFsError {
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code !== 'string') throw err;
  return new GoFsError(code === 'EISDIR' && op === 'open' ? 'read' : op, path, code);
}

export class Files {
  constructor(readonly cwd: string) {}

  abs(path: string): string {
    return resolve(this.cwd, path);
  }

  /** os.ReadFile */
  async read(path: string): Promise<Buffer> {
    if (path === '') throw new GoFsError('open', path, 'ENOENT');
    try {
      return await readFile(this.abs(path));
    } catch (err) {
      throw wrap(err, 'open', path);
    }
  }

  /** os.Stat succeeding */
  async exists(path: string): Promise<boolean> {
    if (path === '') return false;
    return stat(this.abs(path)).then(() => true, () => false);
  }

  /** The directory of path, created (0755) when missing, as WriteToFile and lockFile do. */
  async ensureDir(path: string): Promise<void> {
    const dir = dirname(path);
    if (await this.exists(dir)) return;
    try {
      await mkdir(this.abs(dir), { recursive: true, mode: 0o755 });
    } catch (err) {
      throw wrap(err, 'mkdir', dir);
    }
  }

  /** os.WriteFile(path, data, 0600): a new file gets 0600, an existing one keeps its mode. */
  async write(path: string, data: string): Promise<void> {
    await this.ensureDir(path);
    if (path === '') throw new GoFsError('open', path, 'ENOENT');
    try {
      await writeFile(this.abs(path), data, { mode: 0o600 });
    } catch (err) {
      throw wrap(err, 'open', path);
    }
  }

  /** os.OpenFile(path, O_CREATE|O_EXCL, 0) */
  async createExclusive(path: string): Promise<void> {
    try {
      const handle = await open(this.abs(path), 'wx', 0);
      await handle.close();
    } catch (err) {
      throw wrap(err, 'open', path);
    }
  }

  async remove(path: string): Promise<void> {
    await rm(this.abs(path), { force: true });
  }
}
