// What a container's process does, chosen from its image's behaviour and its command line:
// the image's server program logs its banner and serves until stopped; anything else runs in the
// simulated shell. The image's entrypoint wrapper (docker-entrypoint.sh) hands over to its args.
import { getCommandNames, type Command, type IFileSystem, type MountConfig } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { Behaviour, CatalogImage } from './catalog.js';
import type { Stream } from './cri-log.js';
import { ShellRun } from './shell.js';
import { renderLine } from './lines.js';
import { ContainerStdin } from './stdin.js';
import { OutputTap } from './output-tap.js';
import { INTERACTIVE_SCRIPT, prompt, readCommand } from '../exec/interactive.js';

export type Signal = 'SIGTERM' | 'SIGKILL';

export interface SimProcess {
  /** Settles with the exit code. */
  readonly exited: Promise<number>;
  signal(sig: Signal): void;
  /** TCP ports it listens on (probes, connections). */
  readonly ports: number[];
  /** The filesystem a shell process writes (exec sessions share it). */
  readonly rootfs?: IFileSystem;
  /** Why the runtime ended it, when not by its own exit (OOMKilled). */
  readonly exitReason?: string;
  /** The container's stdin, when its spec keeps one open (attach writes to it). */
  readonly stdin?: ContainerStdin;
  /** Its output as written (attach reads it live), when it reads from stdin. */
  readonly output?: OutputTap;
}

export interface LaunchSpec {
  argv: string[];
  env: Record<string, string>;
  workingDir: string;
  image: CatalogImage;
  podIP: string;
  hostname: string;
  /** The container's volume mounts. */
  mounts?: MountConfig[];
  /** Adopted after a daemon restart: a server does not log its banner again. */
  resume?: boolean;
  /** The container spec's stdin (stdinOnce, tty): a shell then reads its commands from it. */
  stdin?: { once: boolean; tty: boolean };
}

export interface ProcessIO {
  out(stream: Stream, text: string): void;
  now(): number;
  timers: Timers;
  /** The container's network tools and the files the kubelet provides (resolv.conf). */
  commands?: Command[];
  files?: Record<string, string>;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The command line the runtime executes: the container's command/args over the image's. */
export function effectiveArgv(image: CatalogImage, command?: string[], args?: string[]): string[] {
  const entry = command ?? image.entrypoint ?? [];
  const rest = args ?? (command ? [] : image.cmd ?? []);
  return [...entry, ...rest];
}

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Starts the process, or returns runc's start error for an executable the image does not have. */
export function launch(spec: LaunchSpec, io: ProcessIO): SimProcess | { startError: string } {
  let argv = spec.argv;
  if (argv.length > 1 && /entrypoint\.sh$/.test(argv[0] ?? '')) argv = argv.slice(1);
  const exe = argv[0];
  if (!exe) return { startError: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: no command: unknown' };
  const b = spec.image.behaviour;
  if (b.program?.some((p) => p === exe || base(p) === base(exe))) return new ServerProcess(b, spec, io);
  const dialect = b.shell ?? 'busybox';
  if (SHELLS.has(base(exe))) {
    if (argv[1] === '-c') return shellProcess(argv[2] ?? '', argv.slice(3), spec, io, dialect);
    if (spec.stdin && (argv.length === 1 || (argv.length === 2 && /^-[il]+$/.test(argv[1]!)))) return interactiveShell(base(exe), spec, io, dialect);
    if (argv.length === 1) return exitAt(0, io);
    return shellProcess(`sh ${argv.slice(1).map(quote).join(' ')}`, [], spec, io, dialect);
  }
  if (!getCommandNames().includes(base(exe)) && base(exe) !== 'hostname' && !io.commands?.some((c) => c.name === base(exe))) {
    return { startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${exe}": executable file not found in $PATH: unknown` };
  }
  return shellProcess(argv.map(quote).join(' '), [], spec, io, dialect);
}

function shellProcess(script: string, positional: string[], spec: LaunchSpec, io: ProcessIO, dialect: Behaviour['shell'] & string): SimProcess {
  const set = positional.length ? `set -- ${positional.slice(1).map(quote).join(' ')}\n` : '';
  return shellHandle(new ShellRun(set + script, spec.env, spec.workingDir, dialect, { out: io.out, timers: io.timers, mounts: spec.mounts ?? [], ...(io.commands ? { commands: io.commands } : {}), ...(io.files ? { files: io.files } : {}) }));
}

/** A shell as PID 1: SIGTERM is ignored, SIGKILL stops it. */
function shellHandle(run: ShellRun): SimProcess {
  return {
    exited: run.exited,
    ports: [],
    rootfs: run.rootfs,
    signal: (sig) => {
      if (sig === 'SIGKILL') run.kill();
    },
  };
}

/** A shell reading its commands from the container's stdin; at end of input it exits with the last status. */
function interactiveShell(shell: string, spec: LaunchSpec, io: ProcessIO, dialect: Behaviour['shell'] & string): SimProcess {
  const o = spec.stdin ?? { once: false, tty: false };
  const output = new OutputTap();
  const out = (s: Stream, t: string): void => {
    io.out(s, t);
    output.emit(s, t);
  };
  const stdin = new ContainerStdin({ ...o, echo: (t) => out('stdout', t) });
  const ask = o.tty ? (cwd: string) => prompt(shell, dialect, cwd, spec.hostname) : undefined;
  const read = readCommand({ lines: stdin.lines(), waiting: stdin.waiting, ...(ask ? { prompt: ask } : {}), write: (t) => out('stdout', t) });
  const env = o.tty ? { ...spec.env, TERM: 'xterm' } : spec.env;
  const run = new ShellRun(INTERACTIVE_SCRIPT, env, spec.workingDir, dialect, { out, timers: io.timers, mounts: spec.mounts ?? [], commands: [read, ...(io.commands ?? [])], ...(io.files ? { files: io.files } : {}) });
  return { ...shellHandle(run), stdin, output };
}

/** A process that exits with code at once (a shell with no script and no stdin). */
function exitAt(code: number, _io: ProcessIO): SimProcess {
  return { exited: Promise.resolve(code), ports: [], signal: () => {} };
}

/** A server: banner at start, serves until SIGTERM (stop lines, stopExitCode) or SIGKILL (137). */
class ServerProcess implements SimProcess {
  readonly exited: Promise<number>;
  readonly ports: number[];
  private finish: (code: number) => void = () => {};
  private done = false;

  constructor(private readonly b: Behaviour, private readonly spec: LaunchSpec, private readonly io: ProcessIO) {
    this.ports = spec.image.ports ?? [];
    this.exited = new Promise((r) => (this.finish = r));
    const missing = b.requireEnv && !b.requireEnv.anyOf.some((k) => spec.env[k] !== undefined && spec.env[k] !== '');
    if (missing && b.missingEnv) {
      const fail = b.missingEnv;
      io.timers.setTimeout(() => {
        this.print(fail.lines);
        this.exit(fail.exitCode);
      }, 1000);
    } else if (!spec.resume) {
      this.print(b.banner ?? []);
    }
  }

  signal(sig: Signal): void {
    if (this.done) return;
    if (sig === 'SIGKILL') return this.exit(137);
    this.print(this.b.stopLines ?? []);
    this.exit(this.b.stopExitCode ?? 0);
  }

  private print(lines: string[]): void {
    for (const l of lines) {
      const { stream, text } = renderLine(l, { now: this.io.now(), podIP: this.spec.podIP });
      this.io.out(stream, `${text}\n`);
    }
  }

  private exit(code: number): void {
    if (this.done) return;
    this.done = true;
    this.finish(code);
  }
}
