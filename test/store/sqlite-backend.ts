// The SQLite backend under the conformance suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, restoreSnapshot, type Store } from '../../src/store/index.js';
import type { Backend, StoreUnderTest } from './harness.js';

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async create(): Promise<StoreUnderTest> {
    const root = mkdtempSync(join(tmpdir(), 'kubedojo-store-'));
    const dataDir = join(root, 'data');
    const opened: Store[] = [];
    const track = (s: Store): Store => (opened.push(s), s);
    return {
      spec: { backend: 'sqlite', dataDir },
      open: (opts = {}) => track(openStore(dataDir, opts)),
      restore: async (file) => {
        const dir = join(root, `restored-${opened.length}`);
        restoreSnapshot(file, dir);
        return track(openStore(dir));
      },
      cleanup: async () => {
        for (const s of opened) await s.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  },
};
