// etcdctl member remove / update / promote <memberID>
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import { withClient } from './dial.js';
import { checkPeerUrls, memberIdArg, peerUrls } from './member-id.js';

type Verb = 'removed from' | 'updated in' | 'promoted in';

async function change(ctx: CommandContext, method: string, verb: Verb, extra: { peerURLs?: string[] } = {}): Promise<number> {
  const id = memberIdArg(ctx);
  const request = { ID: id, ...extra };
  return withClient(ctx, async (c) => {
    if (extra.peerURLs !== undefined) checkPeerUrls(extra.peerURLs);
    const resp = await c.unary<{ header?: { cluster_id?: string } }>('Cluster', method, request).catch(failWith);
    display(ctx, { kind: 'member', verb, id, resp, rpc: ['Cluster', method] }, c.proto.def);
    return EXIT.success;
  });
}

export const remove = (ctx: CommandContext) => change(ctx, 'MemberRemove', 'removed from');
export const promote = (ctx: CommandContext) => change(ctx, 'MemberPromote', 'promoted in');

export async function update(ctx: CommandContext): Promise<number> {
  memberIdArg(ctx);
  return change(ctx, 'MemberUpdate', 'updated in', { peerURLs: peerUrls(ctx) });
}
