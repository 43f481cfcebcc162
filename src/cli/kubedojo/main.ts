// kubedojo: the cluster's lifecycle (up, down, status, reset, list, logs). The one error sink:
// usage errors are commander's, our own errors print as "ERROR: <message>"; codes in exit-codes.ts.
import { CommanderError } from 'commander';
import { ExitError } from '../shared/exit.js';
import { processIo, type Io } from '../shared/io.js';
import { Context, type ContextOverrides } from './context.js';
import { EXIT } from './exit-codes.js';
import { buildProgram } from './program.js';

const QUIET = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

function report(err: unknown, io: Io): number {
  if (err instanceof CommanderError) return QUIET.has(err.code) && err.exitCode === 0 ? EXIT.success : EXIT.error;
  if (err instanceof ExitError) {
    if (!err.printed && err.message !== '') io.stderr.write(`ERROR: ${err.message}\n`);
    return err.code;
  }
  if (io.env.KUBEDOJO_DEBUG === '1' && err instanceof Error) io.stderr.write(`${err.stack ?? ''}\n`);
  io.stderr.write(`ERROR: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.error;
}

export async function main(argv: string[], io: Io = processIo(), overrides: ContextOverrides = {}): Promise<number> {
  let code: number = EXIT.success;
  const program = buildProgram(io, new Context(io, overrides), (c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    return report(err, io);
  }
}
