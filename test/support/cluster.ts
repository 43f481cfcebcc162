// A real cluster for end-to-end tests: `bin/kubedojo up` as a user runs it, on a temporary
// $KUBEDOJO_HOME, $HOME and $KUBECONFIG, and the real kubectl (or ours) pointed at it.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

export const REAL_KUBECTL = '/usr/bin/kubectl';
export const hasRealKubectl = existsSync(REAL_KUBECTL);
const ROOT = resolve(import.meta.dirname, '../..');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, opts: { stdin?: string; cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { env, cwd: opts.cwd ?? env.HOME, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ stdout, stderr, code: code ?? -1 });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

export interface TestCluster {
  home: string;
  env: NodeJS.ProcessEnv;
  name: string;
  kubedojo(args: string[]): Promise<RunResult>;
  /** The real kubectl against the cluster. */
  kubectl(args: string[], opts?: { stdin?: string; env?: NodeJS.ProcessEnv }): Promise<RunResult>;
  /** Our kubectl (bin/kubectl) against the cluster. */
  ourKubectl(args: string[], opts?: { stdin?: string; env?: NodeJS.ProcessEnv }): Promise<RunResult>;
  /** Writes a file in the test's home (cwd of every command) and returns its path. */
  file(name: string, text: string): string;
  stop(): Promise<void>;
}

export async function startCluster(name = 'kubedojo'): Promise<TestCluster> {
  const home = mkdtempSync(join(tmpdir(), 'kubedojo-e2e-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    KUBEDOJO_HOME: join(home, '.kubedojo'),
    KUBECONFIG: join(home, '.kube/config'),
    TZ: 'UTC',
    // Test files run side by side: every cluster takes free ports from the system, never 6443/2379.
    KUBEDOJO_EPHEMERAL_PORTS: '1',
  };
  const kubedojo = (args: string[]) => run(process.execPath, [join(ROOT, 'bin/kubedojo'), ...args], env, { timeoutMs: 60_000 });
  const up = await kubedojo(['up', '--name', name]);
  if (up.code !== 0) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`kubedojo up failed (${up.code}):\n${up.stdout}\n${up.stderr}`);
  }
  return {
    home, env, name, kubedojo,
    kubectl: (args, opts = {}) => run(REAL_KUBECTL, args, { ...env, ...opts.env }, opts.stdin === undefined ? {} : { stdin: opts.stdin }),
    ourKubectl: (args, opts = {}) => run(process.execPath, [join(ROOT, 'bin/kubectl'), ...args], { ...env, ...opts.env }, opts.stdin === undefined ? {} : { stdin: opts.stdin }),
    file(fname, text) {
      const p = join(home, fname);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
      return p;
    },
    async stop() {
      await kubedojo(['down', '--name', name]);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * One cluster for the calling test file: started before its tests, stopped after them. The
 * returned object forwards to the running cluster.
 */
export function useCluster(name?: string): TestCluster {
  let running: TestCluster | undefined;
  beforeAll(async () => {
    running = await startCluster(name);
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
  });
  return new Proxy({} as TestCluster, {
    get: (_target, prop) => {
      if (!running) throw new Error('the test cluster is not running (beforeAll failed?)');
      return running[prop as keyof TestCluster];
    },
  });
}

/** Polls kubectl until check passes on its stdout (the loops are asynchronous). */
export async function eventually(cl: TestCluster, args: string[], check: (out: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    const r = await cl.kubectl(args);
    last = r.stdout + r.stderr;
    if (r.code === 0 && check(r.stdout)) return r.stdout;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`kubectl ${args.join(' ')} never matched; last output:\n${last}`);
}
