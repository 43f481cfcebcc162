// etcdctl defrag [--cluster] [--data-dir DIR]
import { dial } from '../client/dial.js';
import { ExitError } from '../../../shared/exit.js';
import { RpcError } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { defragDataDir } from '../snapshot/backend.js';
import { withClient } from './dial.js';
import { endpointsFromCluster } from './endpoints.js';

async function defragOne(ctx: CommandContext, ep: string): Promise<boolean> {
  const c = await dial(ctx, { endpoints: [ep], passthrough: true });
  try {
    await c.unary('Maintenance', 'Defragment', {});
    ctx.out(`Finished defragmenting etcd member[${ep}]\n`);
    return true;
  } catch (err) {
    if (!(err instanceof RpcError)) throw err;
    ctx.err(`Failed to defragment etcd member[${ep}] (${err.message})\n`);
    return false;
  } finally {
    c.close();
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.str('data-dir') !== '') {
    await defragDataDir(ctx.str('data-dir'), ctx.io.cwd);
    return EXIT.success;
  }
  const eps = await withClient(ctx, (c) => endpointsFromCluster(ctx, c));
  let failures = 0;
  for (const ep of eps) if (!(await defragOne(ctx, ep))) failures++;
  if (failures > 0) throw new ExitError(EXIT.error, '', true);
  return EXIT.success;
}
