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

export function launch(name: string, argv: string[] = process.argv.slice(2)): void {
  restoreStartupEnv();
  let program: Program;
  try {
    program = loadBundle<Program>(bundlePath(name));
  } catch (err) {
    fail(err);
  }
  program.main(argv).then((code) => process.exit(code), fail);
}
export { codeCachePath, compileBundle, runBundle } from '../../client/cjs.js';
