// `kubectl config` differential harness: a flow of commands run by the real kubectl in a temporary
// directory (its $HOME and working directory), then — the directory reset to the same starting
// files — by ours in-process. After every step stdout, stderr, the exit code and every file under
// the directory (bytes and mode) must be equal. Same path both times, so absolute paths compare.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { REAL_KUBECTL, run, type RunResult } from '../support/cluster.js';
import { runOurs } from './in-process.js';

export interface SeedFile {
  text: string;
  mode?: number;
}

export interface ConfigFlow {
  name: string;
  /** files to create, by path relative to the directory */
  files?: Record<string, string | SeedFile>;
  /** $KUBECONFIG; undefined leaves it unset (~/.kube/config) */
  kubeconfig?: string;
  /** argv after `kubectl`, run in order */
  steps: string[][];
  /** steps whose stdout lines Go prints in map order (random): compared sorted */
  unordered?: number[];
  /** steps where Go panics: stderr compared up to the goroutine's stack, which is Go's own */
  panics?: number[];
}

interface StepResult extends RunResult {
  files: Record<string, string>;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, path));
      const mode = (st.mode & 0o777).toString(8);
      if (st.isDirectory()) {
        out[`${path}/`] = `mode ${mode}`;
        walk(path);
      } else {
        out[path] = `mode ${mode}\n${readFileSync(join(dir, path), 'utf8')}`;
      }
    }
  };
  walk('');
  // The real kubectl (a dispatcher build) may ask a kubeconfig's server for its version and cache
  // the answer under ~/.kube/cache: not a `kubectl config` effect.
  for (const key of Object.keys(out)) if (key.startsWith('.kube/cache')) delete out[key];
  if (Object.keys(out).every((k) => !k.startsWith('.kube/') || k === '.kube/')) delete out['.kube/'];
  return out;
}

function seed(dir: string, flow: ConfigFlow): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [path, f] of Object.entries(flow.files ?? {})) {
    const file = typeof f === 'string' ? { text: f } : f;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), file.text);
    chmodSync(join(dir, path), file.mode ?? 0o600);
  }
}

async function runFlow(dir: string, flow: ConfigFlow, side: 'real' | 'ours'): Promise<StepResult[]> {
  seed(dir, flow);
  const env: NodeJS.ProcessEnv = { HOME: dir, ...(flow.kubeconfig === undefined ? {} : { KUBECONFIG: flow.kubeconfig }) };
  const results: StepResult[] = [];
  for (const args of flow.steps) {
    const r = side === 'real' ? await run(REAL_KUBECTL, args, env, { cwd: dir }) : await runOurs(args, env, { cwd: dir });
    results.push({ ...r, files: snapshot(dir) });
  }
  return results;
}

const sortLines = (s: string): string => s.split('\n').sort().join('\n');

/** Runs the flow on both sides and expects every step to match. */
export async function expectSameFlow(flow: ConfigFlow): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-config-'));
  try {
    const real = await runFlow(dir, flow, 'real');
    const ours = await runFlow(dir, flow, 'ours');
    flow.steps.forEach((args, i) => {
      const fix = (r: StepResult): StepResult => ({
        ...r,
        stdout: flow.unordered?.includes(i) ? sortLines(r.stdout) : r.stdout,
        stderr: flow.panics?.includes(i) ? r.stderr.replace(/(goroutine 1 \[running\]:\n)[^]*$/, '$1') : r.stderr,
      });
      expect(fix(ours[i]!), `step ${i}: kubectl ${args.join(' ')}`).toEqual(fix(real[i]!));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
