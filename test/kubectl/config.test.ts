// The golden transcript /work/shared/reference/kubectl/config.jsonl (the real kubectl v1.32.4 run
// on a temporary kubeconfig) replayed through ours in-process: every step's stdout, stderr and
// exit code, then the kubeconfig file the flow leaves behind. Steps of commands that are not
// `kubectl config` and that ours does not do (or does differently, owned elsewhere) are listed in
// SKIPPED with the reason; they do not touch the kubeconfig.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOurs } from './in-process.js';

interface Step {
  argv: string[];
  stdout: string;
  stderr: string;
  exit: number;
}

interface Flow {
  id: string;
  env: Record<string, string>;
  kubeconfig_initial: string | null;
  kubeconfig_final: string | null;
  files: Record<string, string>;
  steps: Step[];
}

const TRANSCRIPT = '/work/shared/reference/kubectl/config.jsonl';
const FLOWS: Flow[] = existsSync(TRANSCRIPT)
  ? readFileSync(TRANSCRIPT, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Flow)
  : [];

/** Whether something accepts connections on 127.0.0.1:port (the flows expect "refused"). */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

const BUSY_6443 = await listening(6443);
const BUSY_8080 = await listening(8080);
const PORT_6443 = 'needs 127.0.0.1:6443 to refuse connections, and something listens there now';
const PORT_8080 = 'needs localhost:8080 to refuse connections, and something listens there now';

/** Steps not replayed, by `<flow id>#<step index>`. */
const SKIPPED: Record<string, string> = {
  'server-unreachable-default#4': 'kubectl version: the transcript comes from the v1.32.4-dispatcher build (version, commit, build date differ); owned by `version`',
  'server-unreachable-default#5': 'kubectl version -o json: same as #4',
  'server-unreachable-default#9': 'kubectl delete: not implemented yet',
  'server-unreachable-default#13': 'kubectl apply: not implemented yet',
  ...(BUSY_6443 ? { 'server-unreachable-https#0': PORT_6443, 'server-unreachable-https#4': PORT_6443 } : {}),
  ...(BUSY_8080 ? Object.fromEntries([0, 1, 2, 3, 6, 7, 8].map((i) => [`server-unreachable-default#${i}`, PORT_8080])) : {}),
};

/** klog headers carry the time and thread id; the transcript fixed them. */
const klogFixed = (s: string): string => s.replace(/^([EWIF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm, '$10101 00:00:00.000000   12345 ');

function setUp(flow: Flow): string {
  const dir = mkdtempSync(join(tmpdir(), `kd-${flow.id}-`));
  if (flow.kubeconfig_initial !== null) writeFileSync(join(dir, 'kubeconfig'), flow.kubeconfig_initial, { mode: 0o600 });
  for (const [path, text] of Object.entries(flow.files)) writeFileSync(join(dir, path), text);
  return dir;
}

describe.skipIf(FLOWS.length === 0)('config.jsonl replayed through our kubectl', () => {
  for (const flow of FLOWS) {
    flow.steps.forEach((step, i) => {
      const reason = SKIPPED[`${flow.id}#${i}`];
      if (reason) it.skip(`${flow.id}#${i} kubectl ${step.argv.slice(1).join(' ')}: ${reason}`, () => undefined);
    });
    it(`${flow.id}: every step, then the kubeconfig file`, async () => {
      const dir = setUp(flow);
      try {
        for (const [i, step] of flow.steps.entries()) {
          if (SKIPPED[`${flow.id}#${i}`]) continue;
          const r = await runOurs(step.argv.slice(1), { ...flow.env, HOME: dir }, { cwd: dir });
          const got = { stdout: klogFixed(r.stdout), stderr: klogFixed(r.stderr), exit: r.code };
          expect(got, `${flow.id}#${i} ${step.argv.join(' ')}`).toEqual({ stdout: step.stdout, stderr: step.stderr, exit: step.exit });
        }
        const file = join(dir, 'kubeconfig');
        expect(existsSync(file) ? readFileSync(file, 'utf8') : null, `${flow.id}: kubeconfig_final`).toEqual(flow.kubeconfig_final);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
