// rollout, set, expose and autoscale: ours against the real kubectl on one live cluster, each
// group in its own namespace (deleted at the end), every change undone before the other side runs.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSameWorkload, title, type WorkloadCase } from './workloads-harness.js';
import { NS as ROLLOUT_NS, ROLLOUT_READS, ROLLOUT_WRITES, setupRollout } from './workloads-rollout.js';
import { AUTOSCALE_CASES, EXPOSE_CASES, NS as SET_NS, SET_CASES, setupSet } from './workloads-set.js';

function cases(list: WorkloadCase[], c: ReturnType<typeof useCluster>): void {
  for (const k of list) {
    it(title(k), async () => {
      await expectSameWorkload(c, k);
    }, 60_000);
  }
}

describe.skipIf(!hasRealKubectl)('workload commands, ours against the real one', () => {
  const c = useCluster();

  describe('rollout', () => {
    beforeAll(async () => {
      await setupRollout(c);
    }, 120_000);
    afterAll(async () => {
      await c.kubectl(['delete', 'namespace', ROLLOUT_NS, '--wait=false']);
    });
    describe('reads', () => cases(ROLLOUT_READS, c));
    describe('writes', () => cases(ROLLOUT_WRITES, c));
  });

  describe('set, expose, autoscale', () => {
    beforeAll(async () => {
      await setupSet(c);
    }, 120_000);
    afterAll(async () => {
      await c.kubectl(['delete', 'namespace', SET_NS, '--wait=false']);
    });
    describe('set', () => cases(SET_CASES, c));
    describe('expose', () => cases(EXPOSE_CASES, c));
    describe('autoscale', () => cases(AUTOSCALE_CASES, c));
  });
});
