// etcdctl member list
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { MemberListResponse } from '../printers/types.js';
import { withClient } from './dial.js';

export async function run(ctx: CommandContext): Promise<number> {
  return withClient(ctx, async (c) => {
    const resp = await c.unary<MemberListResponse>('Cluster', 'MemberList', {}).catch(failWith);
    display(ctx, { kind: 'memberList', resp, rpc: ['Cluster', 'MemberList'] }, c.proto.def);
    return EXIT.success;
  });
}
