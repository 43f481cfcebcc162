// `etcdctl watch -i`: each stdin line is a command of its own, `watch [options] key [range_end]
// [-- cmd ...]` (its flags parsed afresh, as parseWatchArgs does with a new watch flag set) or
// `progress`. Bad lines are reported and skipped; bad flags and argument counts end etcdctl.
import { ExitError } from '../../../shared/exit.js';
import { FlagError, parseFlags, type FlagSpec } from '../../../shared/pflag.js';
import { readLineOrEnd } from '../../../shared/prompt.js';
import type { EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { argify } from './txn-parse.js';
import { openWatch, type OpenWatch, type WatchSpec } from './watch-stream.js';

export type InteractiveLine =
  | { kind: 'skip'; message: string }
  | { kind: 'watch'; spec: WatchSpec; exec: string[] }
  | { kind: 'progress' };

export interface WatchEnv {
  key: string;
  range: string;
}

const bad = (message: string): ExitError => new ExitError(EXIT.badArgs, message);

/** getWatchChan: the key, and a range end only when exactly two arguments remain. */
function watchSpec(line: string, args: string[], values: Map<string, unknown>): InteractiveLine {
  const prefix = values.get('prefix') === true;
  if (args.length < 1) return { kind: 'skip', message: `Invalid command ${line} (bad number of arguments)\n` };
  if (args.length === 2 && prefix) return { kind: 'skip', message: `Invalid command ${line} (\`range_end\` and \`--prefix\` are mutually exclusive)\n` };
  const spec: WatchSpec = { key: args[0]!, prefix, prev_kv: values.get('prev-kv') === true, rev: Number(values.get('rev') ?? 0) };
  if (args.length === 2) spec.end = args[1];
  return { kind: 'watch', spec, exec: [] };
}

/** parseWatchArgs (interactive) then getWatchChan, for one `watch ...` line. */
function watchLine(line: string, words: string[], env: WatchEnv, flags: FlagSpec[]): InteractiveLine {
  const dash = words.indexOf('--');
  if (dash >= 0 && dash === words.length - 1) throw bad('bad number of arguments (found separator --, but no commands)');
  let parsed;
  try {
    parsed = parseFlags(flags, words);
  } catch (err) {
    if (err instanceof FlagError) throw bad(err.message);
    throw err;
  }
  if (dash < 0 && env.key === '' && parsed.args.length < 1) throw bad('bad number of arguments');
  if (dash < 0 && env.key !== '' && parsed.args.length > 0) throw bad('bad number of arguments (found conflicting environment key)');
  const exec = dash >= 0 ? words.slice(dash + 1) : [];
  let args = parsed.args;
  if (env.key !== '') args = [env.key, ...(env.range !== '' ? [env.range] : []), ...args];
  // the arguments after `--` are among the positional ones: cut at the last copy of the command
  if (dash >= 0) args = args.slice(0, args.lastIndexOf(exec[0]!));
  const out = watchSpec(line, args, parsed.values);
  return out.kind === 'watch' ? { ...out, exec } : out;
}

export function parseInteractiveLine(line: string, env: WatchEnv, flags: FlagSpec[]): InteractiveLine {
  const args = argify(line);
  if (args.length < 1) return { kind: 'skip', message: `Invalid command: ${line} (watch and progress supported)\n` };
  if (args[0] === 'progress') return { kind: 'progress' };
  if (args[0] !== 'watch') return { kind: 'skip', message: `Invalid command ${line} (only support watch)\n` };
  if (args.length < 2 && env.key === '') return { kind: 'skip', message: `Invalid command ${line} (command type or key is not provided)\n` };
  return watchLine(line, args.slice(1), env, flags);
}

export async function interactive(ctx: CommandContext, c: EtcdClient, env: WatchEnv): Promise<number> {
  // a watch line's flag set is cobra's before it adds --help
  const flags = ctx.node.spec.flags.filter((f) => f.name !== 'help');
  const watches: OpenWatch[] = [];
  // a watch that ends etcdctl (a bad -w, a failed command) ends the reading of lines too
  let fail!: (err: unknown) => void;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  for (;;) {
    const line = await Promise.race([readLineOrEnd(ctx.io.stdin, true), failed]);
    if (line === null) throw new ExitError(EXIT.invalidInput, 'Error reading watch request line: EOF');
    const req = parseInteractiveLine(line, env, flags);
    if (req.kind === 'skip') ctx.err(req.message);
    else if (req.kind === 'progress') for (const w of watches) w.requestProgress();
    else {
      const w = openWatch(c, ctx, req.spec, req.exec);
      watches.push(w);
      w.done.catch(fail);
    }
  }
}
