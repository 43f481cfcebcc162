// etcdctl lease list
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { LeaseLeasesResponse } from '../printers/types.js';
import { withClient } from './dial.js';

export async function run(ctx: CommandContext): Promise<number> {
  return withClient(ctx, async (c) => {
    const resp = await c.unary<LeaseLeasesResponse>('Lease', 'LeaseLeases', {})
      .catch((err: unknown) => failWith(err, EXIT.badConnection));
    display(ctx, { kind: 'leases', resp, rpc: ['Lease', 'LeaseLeases'] }, c.proto.def);
    return EXIT.success;
  });
}
