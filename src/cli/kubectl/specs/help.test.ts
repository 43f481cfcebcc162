// Differential check of the generated data against the real kubectl (installed on every machine of
// the project): `kubectl <path> --help` must print exactly the recorded help, the home directory
// put back in place of HOME_PLACEHOLDER. Fails when the binary and specs/ drift apart; re-run
// scripts/gen-kubectl-specs.mjs then.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP_STDERR, HOME_PLACEHOLDER, OPTIONS_HELP, SPECS } from './index.js';

const KUBECTL = '/usr/bin/kubectl';
const home = mkdtempSync(join(tmpdir(), 'kubectl-help-'));
writeFileSync(join(home, 'kubeconfig'), '');
const env = { HOME: home, PATH: join(home, 'bin'), KUBECONFIG: join(home, 'kubeconfig'), LANG: 'C' };
afterAll(() => rmSync(home, { recursive: true, force: true }));

function kubectl(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(KUBECTL, args, { env, cwd: home, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const withHome = (s: string) => s.split(HOME_PLACEHOLDER).join(home);

describe.skipIf(!existsSync(KUBECTL))('kubectl specs: help texts equal the real kubectl', () => {
  it('prints every recorded help, byte for byte', () => {
    const differ: string[] = [];
    for (const s of SPECS) {
      const r = kubectl([...s.path, '--help']);
      const stderr = HELP_STDERR[s.path.join(' ')] ?? '';
      if (r.status !== 0 || r.stdout !== withHome(s.help) || r.stderr !== withHome(stderr)) differ.push(s.path.join(' '));
    }
    expect(differ).toEqual([]);
  }, 120_000);

  it('prints the recorded `kubectl options`', () => {
    expect(kubectl(['options']).stdout).toBe(withHome(OPTIONS_HELP));
  });

  it('knows no command the real one lacks: a made-up one is unknown', () => {
    // `kubectl create nosuch --help` falls back to `create`'s help, as cobra finds the deepest match.
    expect(kubectl(['create', 'nosuch', '--help']).stdout).toBe(withHome(SPECS.find((s) => s.path.join(' ') === 'create')?.help ?? ''));
  });
});
