// The mutating verbs — delete, label, annotate, scale, patch, cordon, uncordon, taint, wait —
// ours against the real kubectl v1.32.4 on one live cluster. Each group works in a namespace of
// its own (deleted at the end), every case is set up and undone on both sides.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster, type TestCluster } from '../support/cluster.js';
import { DEL_FILES, DEL_NS, DEL_SEED, DELETE_CASES } from './mutate-delete.js';
import { expectSameMutation, title, type MutateCase } from './mutate-harness.js';
import { ANNOTATE_CASES, LAB_FILES, LAB_NS, LAB_SEED, LABEL_CASES } from './mutate-label.js';
import { CORDON_CASES, TAINT_CASES } from './mutate-nodes.js';
import { PATCH_CASES, SCALE_CASES, SP_FILES, SP_NS, SP_SEED } from './mutate-scale-patch.js';
import { expectSameWatch, WAIT_CASES, WAIT_NS, WAIT_SEED, WATCH_CASES } from './mutate-wait.js';

function writeFiles(c: TestCluster, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(c.home, name)), { recursive: true });
    c.file(name, text);
  }
}

async function seedNamespace(c: TestCluster, ns: string, seed: string[][]): Promise<void> {
  await c.kubectl(['create', 'namespace', ns]);
  await eventually(c, ['-n', ns, 'get', 'serviceaccount', 'default', '-o', 'name'], (out) => out !== '');
  for (const s of seed) await c.kubectl(s);
}

function cases(c: TestCluster, list: MutateCase[]): void {
  for (const k of list) {
    it(title(k), async () => {
      await expectSameMutation(c, k);
    });
  }
}

describe.skipIf(!hasRealKubectl)('mutating verbs, ours against the real kubectl', () => {
  const c = useCluster();
  const namespaces = [DEL_NS, LAB_NS, SP_NS, WAIT_NS];
  beforeAll(async () => {
    writeFiles(c, { ...DEL_FILES, ...LAB_FILES, ...SP_FILES });
    await seedNamespace(c, DEL_NS, DEL_SEED);
    await seedNamespace(c, LAB_NS, LAB_SEED);
    await seedNamespace(c, SP_NS, SP_SEED);
    await seedNamespace(c, WAIT_NS, WAIT_SEED);
    await eventually(c, ['-n', WAIT_NS, 'get', 'deploy', 'wd', '-o', 'jsonpath={.status.availableReplicas}'], (out) => out === '1', 90_000);
  }, 120_000);
  afterAll(async () => {
    for (const ns of namespaces) await c.kubectl(['delete', 'namespace', ns, '--wait=false']);
  });

  describe('delete', () => cases(c, DELETE_CASES));
  describe('label', () => cases(c, LABEL_CASES));
  describe('annotate', () => cases(c, ANNOTATE_CASES));
  describe('scale', () => cases(c, SCALE_CASES));
  describe('patch', () => cases(c, PATCH_CASES));
  describe('cordon and uncordon', () => cases(c, CORDON_CASES));
  describe('taint', () => cases(c, TAINT_CASES));
  describe('wait', () => {
    cases(c, WAIT_CASES);
    for (const k of WATCH_CASES) {
      it(`${k.args.join(' ')} (ended by a change)`, async () => {
        await expectSameWatch(c, k);
      });
    }
  });
});
