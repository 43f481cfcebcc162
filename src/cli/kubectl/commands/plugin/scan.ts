// plugin list's scan (PluginListOptions.ListPlugins and CommandOverrideVerifier): every
// `kubectl-*` entry that is not a directory, in PATH order (each directory once), and the warnings
// kubectl gives for one that is not executable, is shadowed by an earlier one of the same name, or
// has the name of a built-in command.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandNode } from '../../tree.js';
import { commandPath, findCommand } from '../../tree.js';
import { goPathError } from '../cp/go-path-error.js';

export const PLUGIN_PREFIX = 'kubectl';

export interface Scan {
  plugins: string[];
  /** `Unable to read directory …` lines for PATH entries that cannot be read */
  skipped: string[];
}

/** The plugins of the PATH's directories (filepath.SplitList of $PATH). */
export function listPlugins(pathEnv: string): Scan {
  const scan: Scan = { plugins: [], skipped: [] };
  for (const dir of [...new Set(pathEnv.split(':'))]) {
    if (!dir.trim()) continue;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      scan.skipped.push(`Unable to read directory ${JSON.stringify(dir)} from your PATH: ${goPathError('open', dir, err).message}. Skipping...\n`);
      continue;
    }
    const names = entries.filter((e) => !e.isDirectory() && e.name.startsWith(`${PLUGIN_PREFIX}-`)).map((e) => e.name);
    for (const name of names.sort(byBytes)) scan.plugins.push(join(dir, name));
  }
  return scan;
}

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function executable(path: string): string | boolean {
  try {
    const st = statSync(path);
    return !st.isDirectory() && (st.mode & 0o111) !== 0;
  } catch (err) {
    return goPathError('stat', path, err).message;
  }
}

/** CommandOverrideVerifier.Verify, remembering the names it has seen in `seen`. */
export function verifyPlugin(root: CommandNode, path: string, seen: Map<string, string>): string[] {
  const bin = path.split('/').pop() ?? path;
  const words = bin.split('-');
  const cmdPath = words.length > 1 ? words.slice(1) : words;
  const errors: string[] = [];
  const exec = executable(path);
  if (exec === false) errors.push(`warning: ${path} identified as a kubectl plugin, but it is not executable`);
  else if (typeof exec === 'string') errors.push(`error: unable to identify ${path} as an executable file: ${exec}`);
  const earlier = seen.get(bin);
  if (earlier !== undefined) errors.push(`warning: ${path} is overshadowed by a similarly named plugin: ${earlier}`);
  else seen.set(bin, path);
  const found = builtin(root, cmdPath);
  if (found) errors.push(`warning: ${bin} overwrites existing command: ${JSON.stringify(found)}`);
  return errors;
}

/** cobra's root.Find: the command's path, or undefined where Find fails (unknown at the root). */
function builtin(root: CommandNode, words: string[]): string | undefined {
  const { node, args } = findCommand(root, words, []);
  if (node === root && args.some((a) => !a.startsWith('-'))) return undefined;
  return commandPath(node);
}

