// Our crictl run in this process: main(argv, io) with captured streams and the given environment.
import { Readable } from 'node:stream';
import { main } from '../../src/cli/crictl/main.js';

export interface CrictlResult {
  stdout: string;
  stderr: string;
  code: number;
}

export async function runCrictl(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CrictlResult> {
  let stdout = '';
  let stderr = '';
  const text = (c: string | Uint8Array): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
  const io = {
    stdout: { write: (c: string | Uint8Array) => ((stdout += text(c)), true) },
    stderr: { write: (c: string | Uint8Array) => ((stderr += text(c)), true) },
    stdin: Readable.from(stdin === '' ? [] : [Buffer.from(stdin)]),
    env: { ...env },
    cwd: env.HOME ?? process.cwd(),
  };
  const code = await main(args, io);
  return { stdout, stderr, code };
}
