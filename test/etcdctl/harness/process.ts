// Runs one command of a case the way the capture did: only PATH, HOME (= the working
// directory), LANG=C.UTF-8 and the case's ETCDCTL_* variables in the environment.
import { spawn } from 'node:child_process';
import type { Client } from './clients.js';

export interface RunSpec {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  stdin: string;
  keepStdinOpen?: boolean;
}

export interface Finished {
  stdout: Buffer;
  stderr: Buffer;
  exit: number | null;
  signal: NodeJS.Signals | null;
}

export interface Started {
  done: Promise<Finished>;
  ended(): boolean;
  kill(signal: NodeJS.Signals): void;
}

export function commandEnv(client: Client, cwd: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: `${client.shimDir()}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: cwd,
    LANG: 'C.UTF-8',
    ...env,
  };
}

export function resolveArgv(client: Client, argv: string[]): string[] {
  return argv[0] === 'etcdctl' ? [...client.command(), ...argv.slice(1)] : argv;
}

export function startCommand(client: Client, spec: RunSpec): Started {
  const [cmd, ...args] = resolveArgv(client, spec.argv);
  const child = spawn(cmd!, args, { cwd: spec.cwd, env: commandEnv(client, spec.cwd, spec.env) });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  child.stdin.on('error', () => { /* the command may exit without reading stdin */ });
  if (spec.stdin !== '') child.stdin.write(spec.stdin);
  if (spec.keepStdinOpen !== true) child.stdin.end();
  let finished = false;
  const done = new Promise<Finished>((resolveDone, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      finished = true;
      child.stdin.destroy();
      resolveDone({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), exit: code, signal });
    });
  });
  return { done, ended: () => finished, kill: (s) => { if (!finished) child.kill(s); } };
}

/** Runs to completion; a command still running after `limitMs` is killed (and reported). */
export async function runCommand(client: Client, spec: RunSpec, limitMs = 60_000): Promise<Finished> {
  const started = startCommand(client, spec);
  const timer = setTimeout(() => started.kill('SIGKILL'), limitMs);
  try {
    return await started.done;
  } finally {
    clearTimeout(timer);
  }
}
