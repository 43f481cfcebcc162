// A view of one folder of another filesystem (a volume's subPath), optionally read-only: writes
// fail with EROFS as they do on a `readOnly: true` mount.
import type { CpOptions, FileContent, FsStat, IFileSystem, MkdirOptions, RmOptions } from 'just-bash';

type ReadOpts = Parameters<IFileSystem['readFile']>[1];
type WriteOpts = Parameters<IFileSystem['writeFile']>[2];

const join = (prefix: string, p: string) => (prefix === '/' ? p : p === '/' ? prefix : `${prefix}${p.startsWith('/') ? '' : '/'}${p}`);

export class ScopedFs implements IFileSystem {
  constructor(private readonly inner: IFileSystem, private readonly prefix: string, private readonly readOnly: boolean, private readonly mountPoint = '/') {}

  private at(p: string): string {
    return join(this.prefix, p);
  }

  private writable(op: string, p: string): void {
    if (this.readOnly) throw Object.assign(new Error(`EROFS: read-only file system, ${op} '${join(this.mountPoint, p)}'`), { code: 'EROFS' });
  }

  readFile(p: string, o?: ReadOpts): Promise<string> { return this.inner.readFile(this.at(p), o); }
  readFileBuffer(p: string): Promise<Uint8Array> { return this.inner.readFileBuffer(this.at(p)); }
  exists(p: string): Promise<boolean> { return this.inner.exists(this.at(p)); }
  stat(p: string): Promise<FsStat> { return this.inner.stat(this.at(p)); }
  lstat(p: string): Promise<FsStat> { return this.inner.lstat(this.at(p)); }
  readdir(p: string): Promise<string[]> { return this.inner.readdir(this.at(p)); }
  readlink(p: string): Promise<string> { return this.inner.readlink(this.at(p)); }
  resolvePath(base: string, p: string): string { return this.inner.resolvePath(base, p); }
  getAllPaths(): string[] { return []; }

  async realpath(p: string): Promise<string> {
    await this.inner.realpath(this.at(p));
    return p;
  }

  async writeFile(p: string, c: FileContent, o?: WriteOpts): Promise<void> { this.writable('open', p); return this.inner.writeFile(this.at(p), c, o); }
  async appendFile(p: string, c: FileContent, o?: WriteOpts): Promise<void> { this.writable('open', p); return this.inner.appendFile(this.at(p), c, o); }
  async mkdir(p: string, o?: MkdirOptions): Promise<void> { this.writable('mkdir', p); return this.inner.mkdir(this.at(p), o); }
  async rm(p: string, o?: RmOptions): Promise<void> { this.writable('rm', p); return this.inner.rm(this.at(p), o); }
  async cp(s: string, d: string, o?: CpOptions): Promise<void> { this.writable('cp', d); return this.inner.cp(this.at(s), this.at(d), o); }
  async mv(s: string, d: string): Promise<void> { this.writable('rename', s); return this.inner.mv(this.at(s), this.at(d)); }
  async chmod(p: string, m: number): Promise<void> { this.writable('chmod', p); return this.inner.chmod(this.at(p), m); }
  async symlink(t: string, l: string): Promise<void> { this.writable('symlink', l); return this.inner.symlink(t, this.at(l)); }
  async link(e: string, n: string): Promise<void> { this.writable('link', n); return this.inner.link(this.at(e), this.at(n)); }
  async utimes(p: string, a: Date, m: Date): Promise<void> { this.writable('utime', p); return this.inner.utimes(this.at(p), a, m); }
}
