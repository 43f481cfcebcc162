// etcdctl lease revoke <leaseID>
import { ExitError } from '../../../shared/exit.js';
import { RpcError } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import { withClient } from './dial.js';
import { leaseFromArg } from './lease-id.js';

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'lease revoke command needs 1 argument');
  const id = leaseFromArg(ctx.args[0]!);
  return withClient(ctx, async (c) => {
    const resp = await c.unary<object>('Lease', 'LeaseRevoke', { ID: id }).catch((err: unknown) => {
      if (err instanceof RpcError) throw new ExitError(EXIT.error, `failed to revoke lease (${err.message})`);
      throw err;
    });
    display(ctx, { kind: 'revoke', id, resp, rpc: ['Lease', 'LeaseRevoke'] }, c.proto.def);
    return EXIT.success;
  });
}
