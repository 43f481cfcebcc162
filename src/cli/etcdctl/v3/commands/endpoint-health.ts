// etcdctl endpoint health: a linearizable get of "health" on every endpoint.
import { dial } from '../client/dial.js';
import { ExitError } from '../../../shared/exit.js';
import { RpcError } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display, checkFormat } from '../printers/printer.js';
import type { EndpointHealth } from '../printers/types.js';
import { endpointsFromCluster } from './endpoints.js';
import { goDuration } from '../../../../client/go-duration.js';

async function probe(ctx: CommandContext, ep: string): Promise<EndpointHealth> {
  const c = await dial(ctx, { endpoints: [ep], bare: true });
  const start = performance.now();
  try {
    await c.unary('KV', 'Range', { key: Buffer.from('health') });
    return { ep, health: true, took: goDuration(performance.now() - start), error: '' };
  } catch (err) {
    const took = goDuration(performance.now() - start);
    if (err instanceof RpcError && err.message === 'etcdserver: permission denied') return { ep, health: true, took, error: '' };
    return { ep, health: false, took, error: err instanceof Error ? err.message : String(err) };
  } finally {
    c.close();
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  checkFormat(ctx);
  const lister = await dial(ctx, { bare: true });
  let eps: string[];
  try {
    eps = await endpointsFromCluster(ctx, lister);
  } finally {
    lister.close();
  }
  const list = await Promise.all(eps.map((ep) => probe(ctx, ep)));
  display(ctx, { kind: 'endpointHealth', list });
  if (list.some((h) => h.error !== '')) throw new ExitError(EXIT.error, 'unhealthy cluster');
  return EXIT.success;
}
