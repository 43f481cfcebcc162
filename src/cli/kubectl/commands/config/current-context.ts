// kubectl config current-context: the current-context of the merged kubeconfig.
import type { Ctx } from '../../context.js';
import { configAccess } from './access-from-ctx.js';

export async function run(ctx: Ctx): Promise<number> {
  const cfg = await configAccess(ctx).startingConfig();
  if (cfg['current-context'] === '') throw new Error('current-context is not set');
  ctx.io.stdout.write(`${cfg['current-context']}\n`);
  return 0;
}
