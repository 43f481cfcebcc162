// DiffProgram: $KUBECTL_EXTERNAL_DIFF (its first word, then the extra words made only of
// letters, digits, `-` and `=`, after the two directories) or `diff -u -N`, with the command's
// output passed through; exit status 0 or 1 is a result, anything else a failure.
import { spawn } from 'node:child_process';
import type { Io } from '../../../shared/io.js';

export class DiffFailed extends Error {}

export function diffCommand(env: NodeJS.ProcessEnv, from: string, to: string): { cmd: string; args: string[] } {
  const external = env.KUBECTL_EXTERNAL_DIFF ?? '';
  if (external === '') return { cmd: 'diff', args: ['-u', '-N', from, to] };
  const words = external.split(' ');
  return { cmd: words[0]!, args: [from, to, ...words.slice(1).filter((w) => /^[a-zA-Z0-9-=]+$/.test(w))] };
}

/** Runs the program; its exit status when 0 or 1, else the error kubectl reports. */
export function runDiff(io: Io, from: string, to: string): Promise<number> {
  const { cmd, args } = diffCommand(io.env, from, to);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: io.env, cwd: io.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => io.stdout.write(d));
    child.stderr.on('data', (d: Buffer) => io.stderr.write(d));
    child.on('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'ENOENT' ? `exec: ${JSON.stringify(cmd)}: executable file not found in $PATH` : err.message;
      reject(new DiffFailed(`failed to run ${JSON.stringify(cmd)}: ${why}`));
    });
    child.on('close', (code, signal) => {
      if (code === 0 || code === 1) resolve(code);
      else reject(new DiffFailed(`failed to run ${JSON.stringify(cmd)}: ${signal ? `signal: ${signalName(signal)}` : `exit status ${code ?? -1}`}`));
    });
  });
}

function signalName(signal: NodeJS.Signals): string {
  const names: Record<string, string> = { SIGKILL: 'killed', SIGTERM: 'terminated', SIGINT: 'interrupt', SIGSEGV: 'segmentation fault' };
  return names[signal] ?? signal;
}
