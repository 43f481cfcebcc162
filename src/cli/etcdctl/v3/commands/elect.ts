// etcdctl elect <election-name> [proposal]: campaign, print the leader key, resign on SIGINT.
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { acquire, holdUntilInterrupted, interrupted, newSession } from './concurrency.js';
import { withClient } from './dial.js';
import { observe } from './elect-observe.js';

/** concurrency.NewSession's default TTL (elect has no --ttl flag). */
const SESSION_TTL = 60;

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1 && ctx.args.length !== 2) {
    throw new ExitError(EXIT.badArgs, 'elect takes one election name argument and an optional proposal argument');
  }
  return withClient(ctx, async (c) => {
    if (ctx.args.length === 1) {
      if (!ctx.bool('listen')) throw new ExitError(EXIT.badArgs, 'no proposal argument but -l not set');
      const stop = interrupted();
      const watcher = await newSession(c, SESSION_TTL);
      try {
        return await observe(ctx, c, ctx.args[0]!, stop);
      } finally {
        watcher.close();
      }
    }
    if (ctx.bool('listen')) throw new ExitError(EXIT.badArgs, 'proposal given but -l is set');
    const stop = interrupted();
    const session = await newSession(c, SESSION_TTL);
    try {
      const held = await acquire(c, session, ctx.args[0]!, ctx.args[1]!);
      return await holdUntilInterrupted(ctx, c, held.key, stop);
    } finally {
      session.close();
    }
  });
}
