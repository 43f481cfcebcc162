import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { compactRound } from './compactor.js';

describe('apiserver compactor', () => {
  it('claims each round through compact_rev_key and compacts to the previous round', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compactor-'));
    const store = openStore(join(dir, 'db'));
    try {
      const put = (v: string) => store.put({ key: Buffer.from('/registry/x'), value: Buffer.from(v) });
      await put('1');
      let s = await compactRound(store, 0, 0);
      expect(s.version).toBe(1);
      const firstRev = s.rev;
      await put('2');
      await put('3');
      s = await compactRound(store, s.version, s.rev);
      expect(s.version).toBe(2);
      await expect(store.range({ key: Buffer.from('/registry/x'), revision: firstRev - 1 })).rejects.toThrow(/compacted/);
      const stale = await compactRound(store, 1, 0);
      expect(stale.version).toBe(2);
      const key = await store.range({ key: Buffer.from('compact_rev_key') });
      expect(key.kvs[0]?.value.toString()).toBe(String(firstRev));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
