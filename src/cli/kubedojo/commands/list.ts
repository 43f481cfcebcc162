// kubedojo list: the clusters of $KUBEDOJO_HOME, one name per line (as `kind get clusters`).
import { listClusters } from '../../../daemon/create-config.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

export async function run(_raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const names = listClusters(ctx.home);
  if (names.length === 0) ctx.err('No kubedojo clusters found.\n');
  for (const name of names) ctx.out(`${name}\n`);
  return EXIT.success;
}
