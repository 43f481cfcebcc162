// kubectl config get-clusters: NAME, then one cluster a line (Go prints them in map order, which
// is random; ours are sorted).
import type { Ctx } from '../../context.js';
import { configAccess } from './access-from-ctx.js';

export async function run(ctx: Ctx): Promise<number> {
  const cfg = await configAccess(ctx).startingConfig();
  const names = [...cfg.clusters.keys()].sort();
  ctx.io.stdout.write(['NAME', ...names].map((n) => `${n}\n`).join(''));
  return 0;
}
