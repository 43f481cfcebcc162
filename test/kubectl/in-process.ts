// Our kubectl run in this process (src, no build): main(argv, io) with captured streams, the
// given environment and working directory — as fast as a function call, as honest as the binary
// (bin/kubectl only calls main and exits with its code).
import { Readable } from 'node:stream';
import { main } from '../../src/cli/kubectl/main.js';
import type { RunResult } from '../support/cluster.js';

export async function runOurs(args: string[], env: NodeJS.ProcessEnv, opts: { stdin?: string; cwd?: string } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (c: string | Uint8Array) => { stdout += typeof c === 'string' ? c : Buffer.from(c).toString('utf8'); return true; } },
    stderr: { write: (c: string | Uint8Array) => { stderr += typeof c === 'string' ? c : Buffer.from(c).toString('utf8'); return true; } },
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
    env: { ...env },
    cwd: opts.cwd ?? env.HOME ?? process.cwd(),
  };
  const code = await main(args, io);
  return { stdout, stderr, code };
}
