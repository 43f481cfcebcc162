// The shared check of the kustomize fixture tests: a build of DIR under root gives the stdout the
// real kubectl printed, or fails with its error (`<dir>` standing for root).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { kustomizeBuild } from '../../src/cli/kubectl/kustomize/build.js';

export type Want = { stdout: string } | { error: string };

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

export function expectBuild(root: string, dir: string, want: Want): void {
  const build = (): string => kustomizeBuild(dir, root, () => undefined);
  if ('stdout' in want) expect(build()).toBe(want.stdout);
  else expect(build).toThrow(want.error.replaceAll('<dir>', root));
}
