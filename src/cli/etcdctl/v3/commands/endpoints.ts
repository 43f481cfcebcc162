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

/** Go's time.Duration.String() for a duration in milliseconds. */
export function goDuration(ms: number): string {
  if (ms >= 1000) return `${trim((ms / 1000).toFixed(9))}s`;
  if (ms >= 1) return `${trim(ms.toFixed(6))}ms`;
  if (ms >= 0.001) return `${trim((ms * 1000).toFixed(3))}µs`;
  return `${Math.round(ms * 1e6)}ns`;
}

function trim(n: string): string {
  return n.includes('.') ? n.replace(/0+$/, '').replace(/\.$/, '') : n;
}
