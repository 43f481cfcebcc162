// Replays one recorded case: fresh working directory, fresh server, setup, the command (with
// stdin / during / signal), post; then compares everything after the case's masks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { normalizeStep, type Case, type PostStep, type SetupStep } from './cases.js';
import type { Client } from './clients.js';
import { copyCerts } from './certs.js';
import { compareOutcome } from './compare.js';
import { runCommand, startCommand, type Finished } from './process.js';
import { waitPortsFree } from './port-lock.js';
import { RunningServer, type ServerImpl } from './server.js';

export interface Pairing {
  client: Client;
  server: ServerImpl;
  certDir: string;
}

export interface CaseResult {
  id: string;
  passed: boolean;
  problems: string[];
  notes: string[];
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class CaseRun {
  readonly vars = new Map<string, string>();
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  server: RunningServer | undefined;
  readonly cwd: string;

  constructor(readonly c: Case, readonly p: Pairing, readonly root: string) {
    this.cwd = join(root, 'work');
    mkdirSync(this.cwd);
    mkdirSync(join(root, 'server'));
    if (this.c.certs === true) copyCerts(p.certDir, this.cwd);
  }

  subst(text: string): string {
    return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, name: string) => this.vars.get(name) ?? m);
  }

  async startServer(dataDir: string): Promise<void> {
    if (this.c.server === 'none') {
      await waitPortsFree();
      return;
    }
    this.server = await RunningServer.start(this.p.server, {
      kind: this.c.server, dataDir, certDir: this.p.certDir, logFile: join(this.root, 'server.log'),
    });
  }

  /** Runs a `@` directive; returns false when argv is an ordinary command. */
  async directive(argv: string[]): Promise<boolean> {
    const [name, ...rest] = argv;
    switch (name) {
      case '@sleep': await sleep(Number(rest[0]) * 1000); return true;
      case '@write': writeFileSync(join(this.cwd, rest[0]!), rest[1] ?? ''); return true;
      case '@etcd-stop': await this.server?.stop(); return true;
      case '@etcd-restart': {
        const dir = rest[0] === '--data-dir' ? resolve(this.cwd, rest[1]!) : this.server?.options.dataDir;
        await this.server?.stop();
        await this.startServer(dir ?? join(this.root, 'server', 'data'));
        return true;
      }
      default: return false;
    }
  }

  async run(argv: string[], env: Record<string, string>, stdin = ''): Promise<Finished | null> {
    const args = argv.map((a) => this.subst(a));
    if (await this.directive(args)) return null;
    return runCommand(this.p.client, { argv: args, env, cwd: this.cwd, stdin });
  }

  async setup(step: SetupStep): Promise<void> {
    const got = await this.run(step.argv, step.env ?? this.c.env);
    if (got === null) return;
    if (got.exit !== 0) this.notes.push(`setup ${JSON.stringify(step.argv)} exited ${got.exit}: ${got.stderr.toString()}`);
    for (const [name, pattern] of Object.entries(step.capture ?? {})) {
      const m = new RegExp(pattern).exec(got.stdout.toString());
      if (m?.[1] === undefined) this.problems.push(`setup capture ${name} found nothing in ${JSON.stringify(got.stdout.toString())}`);
      else this.vars.set(name, m[1]);
    }
  }

  async main(): Promise<Finished> {
    const c = this.c;
    const started = startCommand(this.p.client, {
      argv: c.argv.map((a) => this.subst(a)), env: c.env, cwd: this.cwd, stdin: c.stdin,
      keepStdinOpen: c.keep_stdin_open === true,
    });
    const limit = setTimeout(() => started.kill('SIGKILL'), 60_000);
    if (c.during !== undefined || c.signal !== undefined) {
      await sleep((c.settle_s ?? 0) * 1000);
      for (const argv of c.during ?? []) await this.run(argv, c.env);
      if (c.signal !== undefined) {
        await Promise.race([started.done, sleep(1000)]);
        started.kill(c.signal);
      }
    }
    try {
      return await started.done;
    } finally {
      clearTimeout(limit);
    }
  }

  async post(step: PostStep, index: number): Promise<void> {
    const got = await this.run(step.argv, step.env ?? this.c.env);
    if (got === null || step.stdout === undefined) return;
    const want = {
      stdout: step.stdout, stderr: step.stderr ?? '', exit: step.exit ?? null,
      ...(step.unordered ? { unordered: step.unordered } : {}),
    };
    this.problems.push(...compareOutcome(`post[${index}] ${JSON.stringify(step.argv)}`, want, got, this.c.masks));
  }
}

async function play(run: CaseRun): Promise<void> {
  const c = run.c;
  await run.startServer(join(run.root, 'server', 'data'));
  for (const step of c.setup) await run.setup(normalizeStep(step));
  const got = await run.main();
  run.problems.push(...compareOutcome('main', {
    stdout: c.stdout, stderr: c.stderr, exit: c.exit,
    ...(c.killed_by_signal ? { killedBySignal: c.killed_by_signal } : {}),
    ...(c.stdout_encoding === 'base64' ? { stdoutBase64: true } : {}),
    ...(c.unordered ? { unordered: c.unordered } : {}),
  }, got, c.masks));
  for (const [i, step] of (c.post ?? []).entries()) await run.post(step, i);
}

export async function runCase(c: Case, p: Pairing): Promise<CaseResult> {
  const t0 = Date.now();
  const root = mkdtempSync(join(tmpdir(), `replay-${c.id}-`));
  const run = new CaseRun(c, p, root);
  try {
    await play(run);
  } catch (err) {
    run.problems.push(`harness: ${(err as Error).stack ?? String(err)}`);
  } finally {
    await run.server?.stop();
    if (process.env.REPLAY_KEEP !== '1') rmSync(root, { recursive: true, force: true });
  }
  return { id: c.id, passed: run.problems.length === 0, problems: run.problems, notes: run.notes, ms: Date.now() - t0 };
}
