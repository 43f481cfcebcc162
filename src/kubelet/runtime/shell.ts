// Commands run in just-bash, a simulated bash with a virtual filesystem: `sh -c` scripts and plain
// commands, with the container's env, streaming their output to the container log. Time passes
// on the kubelet's clock (`sleep 5` ends when the clock has moved 5 s). As PID 1 the shell ignores
// SIGTERM, so it runs until SIGKILL at the end of the grace period, as a real `sh` container does.
import { InMemoryFs, MountableFs, type Command, type IFileSystem, type MountConfig } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { ShellDialect } from './catalog.js';
import type { Stream } from './cri-log.js';
import { STDERR_PATH, STDOUT_PATH } from './stream-transform.js';
import { ShellCore } from './shell-core.js';

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
  private readonly core: ShellCore;
  readonly exited: Promise<number>;
  /** The container's own filesystem (under its volume mounts), which `kubectl exec` shares. */
  readonly rootfs: IFileSystem;

  constructor(script: string, env: Record<string, string>, cwd: string, dialect: ShellDialect, io: ShellIO) {
    const out = (s: Stream, t: string) => io.out(s, s === 'stderr' ? shellWording(dialect, t) : t);
    this.core = new ShellCore(io.timers);
    this.rootfs = new ContainerFs(out);
    const bash = this.core.bash({ fs: new MountableFs({ base: this.rootfs, mounts: io.mounts ?? [] }), env, cwd, out, commands: io.commands });
    const prepare = async (): Promise<void> => {
      await bash.fs.mkdir(cwd, { recursive: true });
      await provideFiles(this.rootfs, io.files);
    };
    this.exited = this.core.run(bash, script, { cwd, prepare, out });
  }

  /** SIGKILL: the script stops at its next statement, a sleep ends now. */
  kill(): void {
    this.core.kill();
  }

  get killed(): boolean {
    return this.core.killed;
  }
}
