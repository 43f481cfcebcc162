// One exec's process in the simulated shell, beside the container's main process: the container's
// environment, working directory and filesystem (volumes mounted), time on the kubelet's clock,
// its output streamed as each command writes it (the runtime's stream transform).
import { Bash, defineCommand, parse, serialize, type Command, type IFileSystem, type MountConfig } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { ShellDialect } from '../runtime/catalog.js';
import type { Stream } from '../runtime/cri-log.js';
import { provideFiles, shellWording } from '../runtime/shell.js';
import { streamScript } from '../runtime/stream-transform.js';
import { followCommand, renameFollowingTails } from '../runtime/tail-follow.js';
import { IMAGE_DIRS, sessionFs } from './session-fs.js';

export interface ExecShellOptions {
  script: string;
  /** The whole input (commands that read stdin); none: empty. */
  stdin?: string;
  env: Record<string, string>;
  cwd: string;
  dialect: ShellDialect;
  root: IFileSystem;
  mounts: MountConfig[];
  out(stream: Stream, text: string): void;
  timers: Timers;
  commands?: Command[];
  /** Files the kubelet provides in the container (/etc/resolv.conf). */
  files?: Record<string, string>;
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;

export class ExecShell {
  readonly exited: Promise<number>;
  private readonly abort = new AbortController();
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly o: ExecShellOptions) {
    const out = (s: Stream, t: string) => o.out(s, s === 'stderr' ? shellWording(o.dialect, t) : t);
    const bash = new Bash({
      fs: sessionFs(o.root, o.mounts, out), env: o.env, cwd: o.cwd,
      sleep: (ms) => this.sleep(ms),
      customCommands: [
        defineCommand('hostname', async () => ({ stdout: `${o.env.HOSTNAME ?? 'localhost'}\n`, stderr: '', exitCode: 0 })),
        followCommand({ out: (t) => out('stdout', t), err: (t) => out('stderr', t), sleep: (ms) => this.sleep(ms), stopped: () => this.killed }),
        ...(o.commands ?? []),
      ],
      executionLimits: { maxExecutionTimeMs: Infinity, maxCommandCount: UNLIMITED, maxLoopIterations: UNLIMITED, maxWorkUnits: UNLIMITED },
      defenseInDepth: false,
    });
    this.exited = this.run(bash, out);
  }

  get killed(): boolean {
    return this.abort.signal.aborted;
  }

  /** SIGKILL: stops at the next statement; a sleep ends now. */
  kill(): void {
    this.abort.abort();
    this.interrupt();
  }

  /** A sleep under way ends now (^C on the terminal). */
  interrupt(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  private async run(bash: Bash, out: (s: Stream, t: string) => void): Promise<number> {
    let source = this.o.script;
    try {
      const ast = parse(source);
      renameFollowingTails(ast);
      source = serialize(streamScript(ast));
    } catch {
      // A script that does not parse runs as written, so the shell reports the syntax error.
    }
    try {
      for (const d of [...IMAGE_DIRS, this.o.cwd]) await bash.fs.mkdir(d, { recursive: true }).catch(() => {});
      await provideFiles(this.o.root, this.o.files);
      const r = await bash.exec(source, { cwd: this.o.cwd, signal: this.abort.signal, rawScript: true, ...(this.o.stdin ? { stdin: this.o.stdin } : {}) });
      if (r.stdout) out('stdout', r.stdout);
      if (r.stderr) out('stderr', r.stderr);
      return this.killed ? 137 : r.exitCode;
    } catch (err) {
      if (this.killed) return 137;
      out('stderr', `${(err as Error).message}\n`);
      return 2;
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.killed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.sleepers.delete(wake);
        this.o.timers.clearTimeout(handle);
        resolve();
      };
      this.sleepers.add(wake);
      const handle = this.o.timers.setTimeout(wake, ms);
    });
  }
}
