// etcdctl lease grant <ttl>
import { ExitError } from '../../../shared/exit.js';
import { RpcError } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { parseInt64, ParseError } from '../goparse.js';
import { display } from '../printers/printer.js';
import type { LeaseGrantResponse } from '../printers/types.js';
import { withClient } from './dial.js';

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'lease grant command needs TTL argument');
  let ttl: string;
  try {
    ttl = parseInt64(ctx.args[0]!, 10);
  } catch (err) {
    if (err instanceof ParseError) throw new ExitError(EXIT.badArgs, `bad TTL (${err.message})`);
    throw err;
  }
  return withClient(ctx, async (c) => {
    const resp = await c.unary<LeaseGrantResponse>('Lease', 'LeaseGrant', { TTL: ttl, ID: 0 }).catch((err: unknown) => {
      if (err instanceof RpcError) throw new ExitError(EXIT.error, `failed to grant lease (${err.message})`);
      throw err;
    });
    display(ctx, { kind: 'grant', resp, rpc: ['Lease', 'LeaseGrant'] }, c.proto.def);
    return EXIT.success;
  });
}
