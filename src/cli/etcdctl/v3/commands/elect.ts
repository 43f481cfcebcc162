// etcdctl elect <election-name> [proposal]: campaign, print the leader key, resign on SIGINT.
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { RangeResponse } from '../printers/types.js';
import { acquire, interrupted, newSession, release } from './concurrency.js';
import { withClient } from './dial.js';

/** concurrency.NewSession's default TTL (elect has no --ttl flag). */
const SESSION_TTL = 60;

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1 && ctx.args.length !== 2) {
    throw new ExitError(EXIT.badArgs, 'elect takes one election name argument and an optional proposal argument');
  }
  if (ctx.bool('listen')) throw new ExitError(EXIT.error, 'elect --listen is not implemented by kubedojo\'s etcdctl yet');
  if (ctx.args.length !== 2) throw new ExitError(EXIT.badArgs, 'no proposal argument but -l not set');
  return withClient(ctx, async (c) => {
    const stop = interrupted();
    const session = await newSession(c, SESSION_TTL);
    try {
      const held = await acquire(c, session, ctx.args[0]!, ctx.args[1]!);
      const resp = await c.unary<RangeResponse>('KV', 'Range', { key: Buffer.from(held.key) }).catch(failWith);
      display(ctx, { kind: 'get', resp, rpc: ['KV', 'Range'] }, c.proto.def);
      await stop;
      await release(c, held.key);
      return EXIT.success;
    } finally {
      session.close();
    }
  });
}
