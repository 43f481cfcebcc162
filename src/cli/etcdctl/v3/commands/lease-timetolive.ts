// etcdctl lease timetolive <leaseID> [options]
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { LeaseTimeToLiveResponse } from '../printers/types.js';
import { withClient } from './dial.js';
import { leaseFromArg } from './lease-id.js';

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'lease timetolive command needs lease ID as argument');
  const id = leaseFromArg(ctx.args[0]!);
  const keys = ctx.bool('keys');
  return withClient(ctx, async (c) => {
    const resp = await c.unary<LeaseTimeToLiveResponse>('Lease', 'LeaseTimeToLive', { ID: id, keys })
      .catch((err: unknown) => failWith(err, EXIT.badConnection));
    display(ctx, { kind: 'timeToLive', resp, keys, rpc: ['Lease', 'LeaseTimeToLive'] }, c.proto.def);
    return EXIT.success;
  });
}
