// `kubectl kustomize` (and the build behind -k): ours against the real kubectl, which builds
// offline, on a few kustomization trees; plus one output captured from it, so the test can fail
// where the real kubectl is missing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasRealKubectl, REAL_KUBECTL, run } from '../support/cluster.js';
import { BASE_OUTPUT, ERRORS, GENERATORS_AND_LABELS, OVERLAY, TARGETED, type Tree } from './apply-kustomize-trees.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

const root = mkdtempSync(join(tmpdir(), 'kustomize-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function materialise(tree: Tree): string {
  const dir = mkdtempSync(join(root, 't-'));
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const env = (dir: string): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig') });

describe('kubectl kustomize, captured output', () => {
  it('base: generator hash suffix, references renamed, legacy order, comments dropped', async () => {
    const dir = materialise(OVERLAY);
    writeFileSync(join(dir, 'kubeconfig'), '');
    const r = await runOurs(['kustomize', 'base'], env(dir), { cwd: dir });
    expect(r).toEqual({ stdout: BASE_OUTPUT, stderr: '', code: 0 });
  });
});

const CASES: { name: string; tree: Tree; args: string[] }[] = [
  { name: 'base', tree: OVERLAY, args: ['kustomize', 'base'] },
  { name: 'overlay: prefix, suffix, namespace, labels, annotations, images, replicas, patches', tree: OVERLAY, args: ['kustomize', 'overlay'] },
  { name: 'overlay by absolute path', tree: OVERLAY, args: ['kustomize', '<dir>/overlay'] },
  { name: 'labels, env and file generators, name references, JSON 6902 and SMP patches', tree: GENERATORS_AND_LABELS, args: ['kustomize', 'k'] },
  { name: 'targeted patches, $patch: delete, generator merge, binding subjects', tree: TARGETED, args: ['kustomize', 't/ov'] },
  { name: 'no kustomization', tree: ERRORS, args: ['kustomize', 'empty'] },
  { name: 'missing resource', tree: ERRORS, args: ['kustomize', 'missing'] },
  { name: 'unknown field', tree: ERRORS, args: ['kustomize', 'unknown'] },
  { name: 'syntax error', tree: ERRORS, args: ['kustomize', 'syntax'] },
  { name: 'empty kustomization', tree: ERRORS, args: ['kustomize', 'blank'] },
  { name: 'not a directory', tree: ERRORS, args: ['kustomize', 'nope'] },
  { name: 'two paths', tree: ERRORS, args: ['kustomize', 'a', 'b'] },
];

describe.skipIf(!hasRealKubectl)('kubectl kustomize, ours against the real one', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const dir = materialise(c.tree);
      writeFileSync(join(dir, 'kubeconfig'), '');
      const args = c.args.map((a) => a.replace('<dir>', dir));
      const real = await run(REAL_KUBECTL, args, env(dir), { cwd: dir });
      const ours = await runOurs(args, env(dir), { cwd: dir });
      expect({ ...ours, stderr: normalise(ours.stderr) }).toEqual({ ...real, stderr: normalise(real.stderr) });
    });
  }
});
