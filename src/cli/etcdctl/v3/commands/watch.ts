// etcdctl watch [options] [key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]
import { ExitError } from '../../../shared/exit.js';
import type { EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { readLineOrEnd } from '../../../shared/prompt.js';
import { withClient } from './dial.js';
import { argify } from './txn-parse.js';
import { watchStream, type WatchSpec } from './watch-stream.js';

function splitArgs(ctx: CommandContext, args: string[], dashAt: number, envKey: string, envRange: string): [string[], string[]] {
  let watchArgs = dashAt >= 0 ? args.slice(0, dashAt) : args;
  const exec = dashAt >= 0 ? args.slice(dashAt) : [];
  if (dashAt >= 0 && exec.length === 0) throw new ExitError(EXIT.badArgs, 'bad number of arguments (found separator --, but no commands)');
  if (envKey !== '') {
    if (watchArgs.length > 0) throw new ExitError(EXIT.badArgs, 'bad number of arguments (found conflicting environment key)');
    watchArgs = envRange !== '' ? [envKey, envRange] : [envKey];
  }
  if (watchArgs.length < 1 || watchArgs.length > 2) throw new ExitError(EXIT.badArgs, 'bad number of arguments');
  return [watchArgs, exec];
}

function spec(ctx: CommandContext, args: string[]): WatchSpec {
  if (args.length === 2 && ctx.bool('prefix')) throw new ExitError(EXIT.badArgs, '`range_end` and `--prefix` are mutually exclusive');
  return { key: args[0]!, end: args[1], prefix: ctx.bool('prefix'), prev_kv: ctx.bool('prev-kv'), rev: ctx.num('rev') };
}

async function interactive(ctx: CommandContext, c: EtcdClient): Promise<number> {
  // a watch that ends etcdctl (a bad -w, a failed command) ends the reading of lines too
  let fail!: (err: unknown) => void;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  for (;;) {
    const line = await Promise.race([readLineOrEnd(ctx.io.stdin, true), failed]);
    if (line === null) throw new ExitError(EXIT.invalidInput, 'Error reading watch request line: EOF');
    const args = argify(line);
    if (args[0] !== 'watch') {
      ctx.err(args.length < 1 ? `Invalid command: ${line} (watch and progress supported)\n` : `Invalid command ${line} (only support watch)\n`);
      continue;
    }
    if (args.length < 2) { ctx.err(`Invalid command ${line} (command type or key is not provided)\n`); continue; }
    const dash = args.indexOf('--');
    const [watchArgs, exec] = dash >= 0 ? [args.slice(1, dash), args.slice(dash + 1)] : [args.slice(1), []];
    watchStream(c, ctx, spec(ctx, watchArgs), exec).catch(fail);
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  const envKey = ctx.io.env.ETCDCTL_WATCH_KEY ?? '';
  const envRange = ctx.io.env.ETCDCTL_WATCH_RANGE_END ?? '';
  ctx.consumeEnv('ETCDCTL_WATCH_KEY', 'ETCDCTL_WATCH_RANGE_END');
  if (envKey === '' && envRange !== '') {
    throw new ExitError(EXIT.badArgs, `ETCDCTL_WATCH_KEY is empty but got ETCDCTL_WATCH_RANGE_END=${JSON.stringify(envRange)}`);
  }
  if (ctx.bool('interactive')) return withClient(ctx, (c) => interactive(ctx, c));
  const [watchArgs, exec] = splitArgs(ctx, ctx.args, ctx.parsed.dashAt, envKey, envRange);
  return withClient(ctx, async (c) => {
    await watchStream(c, ctx, spec(ctx, watchArgs), exec);
    throw new ExitError(EXIT.interrupted, 'watch is canceled by the server');
  });
}
