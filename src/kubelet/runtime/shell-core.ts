// What a container's main shell and an exec's shell share: the kill switch, sleeps on the kubelet's
// clock that a kill (or ^C) ends at once, just-bash set up with the commands every container has,
// and how a script runs (its streaming transform, then one exec whose end gives the exit code).
import { Bash, defineCommand, parse, serialize, type Command, type IFileSystem } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { Stream } from './cri-log.js';
import { streamScript } from './stream-transform.js';
import { followCommand, renameFollowingTails } from './tail-follow.js';

const UNLIMITED = Number.MAX_SAFE_INTEGER;

export interface BashSetup {
  fs: IFileSystem;
  env: Record<string, string>;
  cwd: string;
  out(stream: Stream, text: string): void;
  /** More commands the container has (its network tools, an interactive read). */
  commands?: Command[] | undefined;
}

export class ShellCore {
  private readonly abort = new AbortController();
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly timers: Timers) {}

  get killed(): boolean {
    return this.abort.signal.aborted;
  }

  /** SIGKILL: the script stops at its next statement, a sleep ends now. */
  kill(): void {
    this.abort.abort();
    this.interrupt();
  }

  /** A sleep under way ends now (^C on the terminal). */
  interrupt(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  /** just-bash on the filesystem given, with hostname, a following tail and no execution limits. */
  bash(s: BashSetup): Bash {
    return new Bash({
      fs: s.fs, env: s.env, cwd: s.cwd,
      sleep: (ms) => this.sleep(ms),
      customCommands: [
        defineCommand('hostname', async () => ({ stdout: `${s.env.HOSTNAME ?? 'localhost'}\n`, stderr: '', exitCode: 0 })),
        followCommand({ out: (t) => s.out('stdout', t), err: (t) => s.out('stderr', t), sleep: (ms) => this.sleep(ms), stopped: () => this.killed }),
        ...(s.commands ?? []),
      ],
      executionLimits: { maxExecutionTimeMs: Infinity, maxCommandCount: UNLIMITED, maxLoopIterations: UNLIMITED, maxWorkUnits: UNLIMITED },
      defenseInDepth: false,
    });
  }

  /**
   * Runs the script, its output streamed as each command writes it; `prepare` makes the
   * directories and files it needs first. 137 once killed; 2 when the shell itself fails.
   */
  async run(bash: Bash, script: string, o: { cwd: string; stdin?: string | undefined; prepare: () => Promise<void>; out(stream: Stream, text: string): void }): Promise<number> {
    let source = script;
    try {
      const ast = parse(script);
      renameFollowingTails(ast);
      source = serialize(streamScript(ast));
    } catch {
      // A script that does not parse runs as written, so the shell reports the syntax error.
    }
    try {
      await o.prepare();
      const r = await bash.exec(source, { cwd: o.cwd, signal: this.abort.signal, rawScript: true, ...(o.stdin ? { stdin: o.stdin } : {}) });
      if (r.stdout) o.out('stdout', r.stdout);
      if (r.stderr) o.out('stderr', r.stderr);
      return this.killed ? 137 : r.exitCode;
    } catch (err) {
      if (this.killed) return 137;
      o.out('stderr', `${(err as Error).message}\n`);
      return 2;
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.killed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.sleepers.delete(wake);
        this.timers.clearTimeout(handle);
        resolve();
      };
      this.sleepers.add(wake);
      const handle = this.timers.setTimeout(wake, ms);
    });
  }
}
