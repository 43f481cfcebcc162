// The crictl reference's acceptance cases (/work/shared/reference/crictl/cases.jsonl), each run
// in-process through main() against a fresh F1 runtime in a temporary node root.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { msToNs } from '../../src/kubelet/cri/state.js';
import { F1, F1_CRICTL_YAML, startF1Server } from './fixture-f1.js';
import { runCrictl } from './run.js';

interface Case {
  id: string;
  state: string;
  argv: string[];
  expected_stdout_pattern: string;
  expected_stderr_pattern?: string;
  expected_exit: number;
}

const CASES_FILE = '/work/shared/reference/crictl/cases.jsonl';
const cases: Case[] = readFileSync(CASES_FILE, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Case);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Prepares the node root for a case's state; returns its env. */
async function prepare(c: Case): Promise<NodeJS.ProcessEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'crictl-case-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const env = { KUBEDOJO_NODE_ROOT: dir, TZ: 'UTC', HOME: dir };
  if (/socket file does not exist|containerd is stopped/.test(c.state)) {
    mkdirSync(join(dir, 'etc'), { recursive: true });
    writeFileSync(join(dir, 'etc/crictl.yaml'), F1_CRICTL_YAML);
    return env;
  }
  const server = await startF1Server(dir);
  cleanups.push(() => server.close());
  if (/crictl\.yaml absent/.test(c.state)) rmSync(join(dir, 'etc/crictl.yaml'));
  const fresh = /job \(4b7f00aa52e19…\) was created ([\d.]+) seconds ago/.exec(c.state);
  if (fresh) {
    const job = server.runtime.containers.get(F1.containers.job)!;
    job.createdAt = msToNs(Date.now() - Number(fresh[1]) * 1000);
  }
  return env;
}

describe('crictl reference cases', () => {
  for (const c of cases) {
    test(c.id, async () => {
      const env = await prepare(c);
      const r = await runCrictl(c.argv.slice(1), env);
      const detail = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
      expect(new RegExp(c.expected_stdout_pattern).test(r.stdout), detail).toBe(true);
      if (c.expected_stderr_pattern) expect(new RegExp(c.expected_stderr_pattern).test(r.stderr), detail).toBe(true);
      expect(r.code, detail).toBe(c.expected_exit);
    });
  }
});
