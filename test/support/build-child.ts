// Bundles a TypeScript entry for a child process (tests that need several real processes).
// The bundle lands under node_modules/.cache so its bare imports resolve to this repo's packages.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

export async function buildChild(entry: string): Promise<string> {
  const outDir = join(root, 'node_modules', '.cache', 'kubedojo-test');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
