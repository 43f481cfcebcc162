import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { daemonEntry } from './spawn.js';

describe('daemonEntry', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kubedojo-entry-'));
    for (const dir of ['bin', 'dist', 'src/daemon']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'bin/kubedojo'), '');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const from = (file: string) => daemonEntry(pathToFileURL(join(root, file)).href);

  it('needs the bundle beside the launcher', () => {
    expect(() => from('dist/kubedojo.cjs')).toThrow(/kubedojo's launcher or bundle is missing .*; run: npm run build$/);
  });

  it.each(['dist/kubedojo.cjs', 'dist/kubectl.cjs', 'src/daemon/spawn.ts'])('finds bin/kubedojo from %s', (file) => {
    writeFileSync(join(root, 'dist/kubedojo.cjs'), '');
    expect(from(file)).toBe(join(root, 'bin/kubedojo'));
  });
});
