// One exec's process in the simulated shell, beside the container's main process: the container's
// environment, working directory and filesystem (volumes mounted), time on the kubelet's clock,
// its output streamed as each command writes it (the runtime's stream transform).
import type { Command, IFileSystem, MountConfig } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { ShellDialect } from '../runtime/catalog.js';
import type { Stream } from '../runtime/cri-log.js';
import { provideFiles, shellWording } from '../runtime/shell.js';
import { ShellCore } from '../runtime/shell-core.js';
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

export class ExecShell {
  readonly exited: Promise<number>;
  private readonly core: ShellCore;

  constructor(o: ExecShellOptions) {
    const out = (s: Stream, t: string) => o.out(s, s === 'stderr' ? shellWording(o.dialect, t) : t);
    this.core = new ShellCore(o.timers);
    const bash = this.core.bash({ fs: sessionFs(o.root, o.mounts, out), env: o.env, cwd: o.cwd, out, commands: o.commands });
    const prepare = async (): Promise<void> => {
      for (const d of [...IMAGE_DIRS, o.cwd]) await bash.fs.mkdir(d, { recursive: true }).catch(() => {});
      await provideFiles(o.root, o.files);
    };
    this.exited = this.core.run(bash, o.script, { cwd: o.cwd, stdin: o.stdin, prepare, out });
  }

  get killed(): boolean {
    return this.core.killed;
  }

  /** SIGKILL: stops at the next statement; a sleep ends now. */
  kill(): void {
    this.core.kill();
  }

  /** A sleep under way ends now (^C on the terminal). */
  interrupt(): void {
    this.core.interrupt();
  }
}
