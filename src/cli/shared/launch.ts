// dist/launch.cjs, what bin/* run: loads one program's bundle (dist/<name>.cjs) with its V8 code
// cache, runs its main and ends the process with main's exit code. Only this file ends the process.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../../client/cjs.js';
import { restoreStartupEnv } from '../../client/startup-env.js';

interface Program {
  main(argv: string[]): Promise<number>;
}

function fail(err: unknown): never {
  process.stderr.write(`${String((err as Error | undefined)?.stack ?? err)}\n`);
  process.exit(1);
}

/** The bundle of a program in dist/, beside this launcher. */
export function bundlePath(name: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), `${name}.cjs`);
}

/**
 * Go's runtime on a write to a closed pipe on fd 1 or 2: the process dies of SIGPIPE, silently
 * (a shell shows 141). Node ignores SIGPIPE from its start; once a listener has come and gone, the
 * signal's action is the default again.
 */
function onStdioError(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') fail(err);
  process.on('SIGPIPE', () => undefined);
  process.removeAllListeners('SIGPIPE');
  process.kill(process.pid, 'SIGPIPE');
}

/**
 * Ends the process once what was written to stdout and stderr is out: into a pipe, Node writes
 * what the pipe cannot take yet later, and process.exit would drop it (output cut at 64 KiB).
 */
function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.writableLength === 0 || stream.destroyed) done();
    else stream.write('', (err?: Error | null) => (err ? onStdioError(err) : done()));
  }
}

export function launch(name: string, argv: string[] = process.argv.slice(2)): void {
  restoreStartupEnv();
  process.stdout.on('error', onStdioError);
  process.stderr.on('error', onStdioError);
  let program: Program;
  try {
    program = loadBundle<Program>(bundlePath(name));
  } catch (err) {
    fail(err);
  }
  program.main(argv).then(exitAfterFlush, fail);
}
export { codeCachePath, compileBundle, runBundle } from '../../client/cjs.js';
