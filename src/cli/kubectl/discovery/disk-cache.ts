// The discovery cache's files, shared with the real kubectl: client-go's CachedDiscoveryClient
// file rules. One folder per server under <cache root>/discovery, files trusted for 6 hours from
// their mtime, written to a temp file in the same folder then renamed (dirs 0750, files 0660).
// After Invalidate only the files this process wrote count; `fresh` stays true while every file
// used was this process's own (a miss on fresh data is a real miss, not a reason to refetch).
import { chmodSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** cli-runtime's ttl for kubectl's discovery cache. */
export const DISCOVERY_TTL_MS = 6 * 60 * 60 * 1000;

/**
 * The cache root: --cache-dir when set and not the default, else $KUBECACHEDIR, else
 * $HOME/.kube/cache (a relative path when HOME is empty, as homedir.HomeDir gives "").
 */
export function cacheRoot(flag: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const fallback = env.KUBECACHEDIR || join(env.HOME ?? '', '.kube', 'cache');
  return resolve(cwd, flag !== undefined && flag !== '' ? flag : fallback);
}

/** computeDiscoverCacheDir: the host without its scheme, every rune outside `[(\w/.)]` as `_`. */
export function discoveryCacheDir(root: string, host: string): string {
  const schemeless = host.replace('https://', '').replace('http://', '');
  // filepath.Join cleans the result: no trailing slash, as path.join would keep.
  return join(root, 'discovery', schemeless.replace(/[^(\w/.)]/gu, '_')).replace(/(.)\/+$/, '$1');
}

/** os.PathError's text: `mkdir /x/y: not a directory`. */
export function goPathError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const detail = /^[A-Z]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message;
  return e.syscall && e.path ? `${e.syscall} ${e.path}: ${detail}` : detail;
}

export class DiskCache {
  private ours = new Set<string>();
  private invalidated = false;
  private allOurs = true;

  constructor(readonly dir: string, private readonly ttlMs = DISCOVERY_TTL_MS, private readonly now: () => number = Date.now) {}

  /** CachedDiscoveryClient.Fresh */
  get fresh(): boolean {
    return this.allOurs;
  }

  path(rel: string): string {
    return join(this.dir, rel);
  }

  /** getCachedFile: the text, or undefined when missing, expired, unreadable or invalidated. */
  read(rel: string): string | undefined {
    const file = this.path(rel);
    const ours = this.ours.has(file);
    if (this.invalidated && !ours) return undefined;
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    try {
      if (this.now() > fstatSync(fd).mtimeMs + this.ttlMs) return undefined;
      const text = readFileSync(fd, 'utf8');
      this.allOurs &&= ours;
      return text;
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /** writeCachedFile: MkdirAll 0750, a temp file beside the target chmod 0660, atomic rename. */
  write(rel: string, text: string): void {
    const file = this.path(rel);
    mkdirSync(dirname(file), { recursive: true, mode: 0o750 });
    const temp = `${file}.${Math.floor(Math.random() * 2 ** 32)}`;
    try {
      writeFileSync(temp, text, { flag: 'wx', mode: 0o600 });
      chmodSync(temp, 0o660);
      renameSync(temp, file);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
    this.ours.add(file);
  }

  /** Invalidate: from now on only files this process writes are trusted. */
  invalidate(): void {
    this.ours = new Set();
    this.allOurs = true;
    this.invalidated = true;
  }
}
