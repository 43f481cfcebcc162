// kubectl's completion functions run its own commands in-process (get.Run, apiresources.Run) with
// stdout to a buffer and ErrOut discarded; only klog, which writes to the process's stderr, shows.
// Same here: one of our commands with captured stdout, and only klog lines (and the server's
// warnings, which kubectl's default warning handler writes to the process's stderr) passed on.
import { Readable } from 'node:stream';
import type { Io } from '../../../shared/io.js';
import { parseFlags, type FlagValue, type Parsed } from '../../../shared/pflag.js';
import { Ctx } from '../../context.js';
import { Factory } from '../../factory.js';
import { GLOBAL_FLAGS, SPECS } from '../../specs/index.js';
import { allFlags, buildTree, type CommandNode } from '../../tree.js';
import { COMMANDS } from '../index.js';

const PASSED_ON = /^([IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} |Warning: )/;

function nodeAt(path: string[]): CommandNode | undefined {
  let node: CommandNode | undefined = buildTree(SPECS);
  for (const word of path) node = node?.children.find((c) => c.name === word);
  return node;
}

/** The global flags set on the completed command line, as arguments to pass on. */
export function globalArgs(parsed: Parsed, shadowed: Set<string>): string[] {
  const out: string[] = [];
  for (const f of GLOBAL_FLAGS) {
    if (!parsed.changed.has(f.name) || shadowed.has(f.name)) continue;
    const v: FlagValue | undefined = parsed.values.get(f.name);
    if (Array.isArray(v)) out.push(...v.map((x) => `--${f.name}=${x}`));
    else if (v !== undefined) out.push(`--${f.name}=${String(v)}`);
  }
  return out;
}

/** Runs `kubectl <path> <args>` of ours; its stdout, and its klog lines written to io.stderr. */
export async function runCaptured(path: string[], args: string[], io: Io): Promise<string> {
  const node = nodeAt(path);
  const load = COMMANDS[path.join(' ')];
  if (node === undefined || load === undefined) return '';
  let stdout = '';
  let stderr = '';
  const sub: Io = {
    stdout: { write: (c) => (stdout += typeof c === 'string' ? c : Buffer.from(c).toString('utf8')) },
    stderr: { write: (c) => (stderr += typeof c === 'string' ? c : Buffer.from(c).toString('utf8')) },
    stdin: Readable.from([]),
    env: io.env,
    cwd: io.cwd,
  };
  let factory: Factory | undefined;
  try {
    const parsed = parseFlags(allFlags(node, GLOBAL_FLAGS), args);
    factory = new Factory(sub, parsed);
    const mod = await load();
    await mod.run(new Ctx(sub, node.spec, parsed, factory));
  } catch {
    // errors go to kubectl's discarded ErrOut
  } finally {
    factory?.close();
  }
  const klog = stderr.split('\n').filter((l) => PASSED_ON.test(l));
  if (klog.length > 0) io.stderr.write(klog.map((l) => `${l}\n`).join(''));
  return stdout;
}
