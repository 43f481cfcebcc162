// cobra's plugin dispatch in kubectl (NewDefaultKubectlCommandWithArgs, HandlePluginCommand):
// `kubectl foo bar x` with no built-in `foo` runs the longest `kubectl-foo-bar` / `kubectl-foo`
// found on PATH (dashes in the words become underscores) with the remaining arguments; so does
// `kubectl create fancy` for a `create` subcommand that is not built in (KUBECTL_ENABLE_CMD_SHADOW
// not "false"). The plugin runs with kubectl's environment and streams; its exit code is kubectl's.
import type { StdioOptions } from 'node:child_process';
import { statSync } from 'node:fs';
import { constants } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Io } from '../../../shared/io.js';
import { GLOBAL_FLAGS } from '../../specs/index.js';
import { allFlags, stripFlags, type CommandNode } from '../../tree.js';
import { PLUGIN_PREFIX } from './scan.js';
import { goErrnoText } from '../../../../client/go-errno.js';

/** exec.LookPath: the first executable regular file of that name in PATH ('' entries are '.'). */
export function lookPath(file: string, pathEnv: string, cwd: string): string | undefined {
  for (const dir of pathEnv.split(':')) {
    const path = join(dir || '.', file);
    try {
      const st = statSync(isAbsolute(path) ? path : join(cwd, path));
      if (!st.isDirectory() && (st.mode & 0o111) !== 0) return path;
    } catch {
      // not there: the next directory
    }
  }
  return undefined;
}

/** HandlePluginCommand's search: the plugin's path and the arguments it gets, or an error text. */
export function findPlugin(argv: string[], minArgs: number, lookup: (name: string) => string | undefined): { path: string; args: string[] } | { error: string } | undefined {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-')) break;
    words.push(a.replaceAll('-', '_'));
  }
  if (words.length === 0) return { error: `flags cannot be placed before plugin name: ${argv[0] ?? ''}` };
  while (words.length > 0) {
    const path = lookup(`${PLUGIN_PREFIX}-${words.join('-')}`);
    if (path !== undefined) return { path, args: argv.slice(words.length) };
    words.pop();
    if (words.length < minArgs) break;
  }
  return undefined;
}

/** Where the plugin search starts (minArgs), or undefined where kubectl looks for none. */
function searchFrom(root: CommandNode, node: CommandNode, argv: string[], rest: string[], env: Io['env']): number | undefined {
  if (node === root) {
    if (stripFlags(rest, allFlags(root, GLOBAL_FLAGS)).length === 0) return undefined;
    const name = argv.find((a) => !a.startsWith('-'));
    if (name === undefined || name === 'help' || name.startsWith('__complete')) return undefined;
    return 1;
  }
  if ((env.KUBECTL_ENABLE_CMD_SHADOW ?? '').toLowerCase() === 'false' || node.name !== 'create' || node.parent !== root) return undefined;
  const sub = rest[0];
  if (sub === undefined || sub.startsWith('-') || node.children.some((c) => c.name === sub)) return undefined;
  return argv.length - rest.length + 1;
}

async function execute(path: string, args: string[], io: Io): Promise<number> {
  // loaded here: every kubectl call looks for a plugin, few run one, and the module costs ~5 ms
  const { spawn } = await import('node:child_process');
  const own = (s: unknown, p: unknown) => s === p;
  const stdio: StdioOptions = [own(io.stdin, process.stdin) ? 'inherit' : 'pipe', own(io.stdout, process.stdout) ? 'inherit' : 'pipe', own(io.stderr, process.stderr) ? 'inherit' : 'pipe'];
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { cwd: io.cwd, env: io.env, stdio });
    child.stdout?.on('data', (d: Buffer) => io.stdout.write(d));
    child.stderr?.on('data', (d: Buffer) => io.stderr.write(d));
    if (child.stdin) io.stdin.pipe(child.stdin).on('error', () => {});
    child.once('error', (err: NodeJS.ErrnoException) => reject(new Error(goErrnoText(err))));
    child.once('close', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

/**
 * Runs the plugin argv names, when it names one and no built-in command: its exit code, or
 * undefined to go on with cobra (node and rest are what the command lookup found).
 */
export async function dispatchPlugin(root: CommandNode, node: CommandNode, argv: string[], rest: string[], io: Io): Promise<number | undefined> {
  const minArgs = searchFrom(root, node, argv, rest, io.env);
  if (minArgs === undefined) return undefined;
  const found = findPlugin(argv, minArgs, (name) => lookPath(name, io.env.PATH ?? '', io.cwd));
  if (found === undefined) return undefined;
  try {
    if ('error' in found) throw new Error(found.error);
    return await execute(found.path, found.args, io);
  } catch (err) {
    io.stderr.write(`Error: ${(err as Error).message}\n`);
    return 1;
  }
}
