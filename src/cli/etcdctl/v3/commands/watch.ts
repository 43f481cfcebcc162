// etcdctl watch [options] [key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { withClient } from './dial.js';
import { interactive } from './watch-interactive.js';
import { watchStream, type WatchSpec } from './watch-stream.js';

function splitArgs(ctx: CommandContext, args: string[], dashAt: number, envKey: string, envRange: string): [string[], string[]] {
  let watchArgs = dashAt >= 0 ? args.slice(0, dashAt) : args;
  const exec = dashAt >= 0 ? args.slice(dashAt) : [];
  if (dashAt >= 0 && exec.length === 0) throw new ExitError(EXIT.badArgs, 'bad number of arguments (found separator --, but no commands)');
  if (envKey !== '') {
    if (watchArgs.length > 0) throw new ExitError(EXIT.badArgs, 'bad number of arguments (found conflicting environment key)');
    watchArgs = envRange !== '' ? [envKey, envRange] : [envKey];
  }
  // getWatchChan: a third argument and beyond are ignored, and then so is the second
  if (watchArgs.length < 1) throw new ExitError(EXIT.badArgs, 'bad number of arguments');
  return [watchArgs, exec];
}

function spec(ctx: CommandContext, args: string[]): WatchSpec {
  if (args.length === 2 && ctx.bool('prefix')) throw new ExitError(EXIT.badArgs, '`range_end` and `--prefix` are mutually exclusive');
  return { key: args[0]!, end: args.length === 2 ? args[1] : undefined, prefix: ctx.bool('prefix'), prev_kv: ctx.bool('prev-kv'), rev: ctx.num('rev') };
}

export async function run(ctx: CommandContext): Promise<number> {
  const envKey = ctx.io.env.ETCDCTL_WATCH_KEY ?? '';
  const envRange = ctx.io.env.ETCDCTL_WATCH_RANGE_END ?? '';
  ctx.consumeEnv('ETCDCTL_WATCH_KEY', 'ETCDCTL_WATCH_RANGE_END');
  if (envKey === '' && envRange !== '') {
    throw new ExitError(EXIT.badArgs, `ETCDCTL_WATCH_KEY is empty but got ETCDCTL_WATCH_RANGE_END=${JSON.stringify(envRange)}`);
  }
  if (ctx.bool('interactive')) return withClient(ctx, (c) => interactive(ctx, c, { key: envKey, range: envRange }));
  const [watchArgs, exec] = splitArgs(ctx, ctx.args, ctx.parsed.dashAt, envKey, envRange);
  return withClient(ctx, async (c) => {
    await watchStream(c, ctx, spec(ctx, watchArgs), exec);
    throw new ExitError(EXIT.interrupted, 'watch is canceled by the server');
  });
}
