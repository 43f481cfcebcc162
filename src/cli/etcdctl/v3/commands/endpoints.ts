// The endpoints an endpoint/defrag command visits: --endpoints, or with --cluster the client
// URLs of every member.
import { failWith, type EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import type { MemberListResponse } from '../printers/types.js';

export async function endpointsFromCluster(ctx: CommandContext, c: EtcdClient): Promise<string[]> {
  if (!ctx.bool('cluster')) return ctx.globals().endpoints;
  const resp = await c.unary<MemberListResponse>('Cluster', 'MemberList', {}).catch(failWith);
  return (resp.members ?? []).flatMap((m) => m.clientURLs ?? []);
}

