// The etcdctl under test: the real binary or ours (node bin/etcdctl, after `npm run build`).
// Each client also gets a directory with an `etcdctl` shim placed first on PATH, so commands
// that run etcdctl indirectly (`env VAR=x etcdctl ...`, `sh -c`) reach the same client.
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Client {
  name: string;
  unavailable(): string | null;
  /** argv prefix replacing the word `etcdctl` */
  command(): string[];
  /** directory with an `etcdctl` executable (created on first use) */
  shimDir(): string;
}

const REPO = resolve(import.meta.dirname, '../../..');
export const OUR_LAUNCHER = join(REPO, 'bin/etcdctl');
export const OUR_BUNDLE = join(REPO, 'dist/etcdctl.cjs');

const shimDirs: string[] = [];

function cachedDir(make: (dir: string) => void): () => string {
  let dir: string | undefined;
  return () => {
    if (dir === undefined) {
      dir = mkdtempSync(join(tmpdir(), 'replay-shim-'));
      shimDirs.push(dir);
      make(dir);
    }
    return dir;
  };
}

process.once('exit', () => {
  for (const dir of shimDirs) rmSync(dir, { recursive: true, force: true });
});

export const REAL_ETCDCTL: Client = {
  name: 'real etcdctl',
  unavailable: () => (existsSync('/usr/bin/etcdctl') ? null : '/usr/bin/etcdctl is not installed'),
  command: () => ['/usr/bin/etcdctl'],
  shimDir: cachedDir((dir) => symlinkSync('/usr/bin/etcdctl', join(dir, 'etcdctl'))),
};

export const OUR_ETCDCTL: Client = {
  name: 'our etcdctl',
  unavailable: () => (existsSync(OUR_BUNDLE) ? null : `${OUR_BUNDLE} is not built (npm run build)`),
  command: () => [process.execPath, OUR_LAUNCHER],
  shimDir: cachedDir((dir) => {
    const file = join(dir, 'etcdctl');
    writeFileSync(file, `#!/bin/sh\nexec '${process.execPath}' '${OUR_LAUNCHER}' "$@"\n`);
    chmodSync(file, 0o755);
  }),
};
