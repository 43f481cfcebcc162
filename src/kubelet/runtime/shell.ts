// Commands run in just-bash, a simulated bash with a virtual filesystem: `sh -c` scripts and plain
// commands, with the container's env, streaming their output to the container log. Time passes
// on the kubelet's clock (`sleep 5` ends when the clock has moved 5 s). As PID 1 the shell ignores
// SIGTERM, so it runs until SIGKILL at the end of the grace period, as a real `sh` container does.
import { Bash, defineCommand, InMemoryFs, MountableFs, parse, serialize, type BashOptions, type Command, type IFileSystem, type MountConfig } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { ShellDialect } from './catalog.js';
import type { Stream } from './cri-log.js';
import { STDERR_PATH, STDOUT_PATH, streamScript } from './stream-transform.js';
import { followCommand, renameFollowingTails } from './tail-follow.js';

export interface ShellIO {
  out(stream: Stream, text: string): void;
  timers: Timers;
  /** Volumes mounted over the container's own filesystem. */
  mounts?: MountConfig[];
  /** More commands the container has (its network tools). */
  commands?: Command[];
  /** Files the kubelet puts in the container's filesystem (/etc/resolv.conf). */
  files?: Record<string, string>;
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** A filesystem whose /proc/1/fd/{1,2} are the container's stdout and stderr. */
class ContainerFs extends InMemoryFs {
  constructor(private readonly sink: (stream: Stream, text: string) => void) {
    super();
  }

  private route(path: string, content: unknown): boolean {
    const stream = path === STDOUT_PATH ? 'stdout' : path === STDERR_PATH ? 'stderr' : undefined;
    if (!stream) return false;
    const text = typeof content === 'string' ? content : Buffer.from(content as Uint8Array).toString('utf8');
    if (text) this.sink(stream, text);
    return true;
  }

  override async appendFile(path: string, content: Parameters<InMemoryFs['appendFile']>[1], options?: Parameters<InMemoryFs['appendFile']>[2]): Promise<void> {
    if (!this.route(path, content)) await super.appendFile(path, content, options);
  }

  override async writeFile(path: string, content: Parameters<InMemoryFs['writeFile']>[1], options?: Parameters<InMemoryFs['writeFile']>[2]): Promise<void> {
    if (!this.route(path, content)) await super.writeFile(path, content, options);
  }
}

/** Rewrites just-bash's own error wording to the image's shell's. */
export function shellWording(dialect: ShellDialect, text: string): string {
  // busybox cat: `cat: can't open '<file>': No such file or directory`.
  if (dialect === 'busybox') text = text.replace(/^cat: ([^\n]+): No such file or directory$/gm, "cat: can't open '$1': No such file or directory");
  return text.replace(/^bash: (?:line \d+: )?([^:\n]+): command not found$/gm, (_m, cmd: string) =>
    dialect === 'busybox' ? `sh: ${cmd}: not found` : dialect === 'dash' ? `sh: 1: ${cmd}: not found` : `bash: line 1: ${cmd}: command not found`);
}

/** Writes the files the kubelet provides, unless the container already has them. */
export async function provideFiles(fs: IFileSystem, files: Record<string, string> | undefined): Promise<void> {
  for (const [path, text] of Object.entries(files ?? {})) {
    if (await fs.exists(path)) continue;
    await fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true }).catch(() => {});
    await fs.writeFile(path, text);
  }
}

export class ShellRun {
  private readonly abort = new AbortController();
  private readonly sleepers = new Set<() => void>();
  readonly exited: Promise<number>;
  /** The container's own filesystem (under its volume mounts), which `kubectl exec` shares. */
  readonly rootfs: IFileSystem;

  constructor(script: string, env: Record<string, string>, cwd: string, dialect: ShellDialect, private readonly io: ShellIO) {
    const out = (s: Stream, t: string) => io.out(s, s === 'stderr' ? shellWording(dialect, t) : t);
    this.rootfs = new ContainerFs(out);
    const opts: BashOptions = {
      fs: new MountableFs({ base: this.rootfs, mounts: io.mounts ?? [] }), env, cwd,
      sleep: (ms) => this.sleep(ms),
      customCommands: [
        defineCommand('hostname', async () => ({ stdout: `${env.HOSTNAME ?? 'localhost'}\n`, stderr: '', exitCode: 0 })),
        followCommand({ out: (t) => out('stdout', t), err: (t) => out('stderr', t), sleep: (ms) => this.sleep(ms), stopped: () => this.killed }),
        ...(io.commands ?? []),
      ],
      executionLimits: { maxExecutionTimeMs: Infinity, maxCommandCount: UNLIMITED, maxLoopIterations: UNLIMITED, maxWorkUnits: UNLIMITED },
      defenseInDepth: false,
    };
    const bash = new Bash(opts);
    this.exited = this.run(bash, script, cwd, out);
  }

  /** SIGKILL: the script stops at its next statement, a sleep ends now. */
  kill(): void {
    this.abort.abort();
    for (const wake of [...this.sleepers]) wake();
  }

  get killed(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(bash: Bash, script: string, cwd: string, out: (s: Stream, t: string) => void): Promise<number> {
    let source = script;
    try {
      const ast = parse(script);
      renameFollowingTails(ast);
      source = serialize(streamScript(ast));
    } catch {
      // A script that does not parse runs as written, so the shell reports the syntax error.
    }
    try {
      await bash.fs.mkdir(cwd, { recursive: true });
      await provideFiles(this.rootfs, this.io.files);
      const r = await bash.exec(source, { cwd, signal: this.abort.signal, rawScript: true });
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
        resolve();
      };
      this.sleepers.add(wake);
      this.io.timers.setTimeout(wake, ms);
    });
  }
}
