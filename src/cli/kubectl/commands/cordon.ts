// kubectl cordon (and uncordon, which shares this): find the nodes by name or -l (drain's builder:
// nodes only, 500 at a time), then set spec.unschedulable with a strategic merge patch —
// `node/node01 cordoned`, `already cordoned`; a failed patch is reported and the next node tried.
import type { Ctx } from '../context.js';
import { dryRunStrategy } from './mutate/dry-run.js';
import { cordonOrUncordon, findNodes } from './drain/cordon.js';
import type { Info } from './mutate/info.js';

async function nodesToCordon(ctx: Ctx): Promise<Info[]> {
  const selector = ctx.str('selector');
  if (ctx.args.length === 0 && !ctx.changed('selector')) throw ctx.usageError(`USAGE: ${ctx.spec.path[0]} NODE [flags]`);
  if (ctx.args.length > 0 && selector !== '') throw ctx.usageError('cannot specify both a node name and a --selector option');
  const { namespace } = await ctx.factory.namespace();
  return findNodes(ctx, namespace, selector, 500);
}

/** RunCordonOrUncordon: desired is the unschedulable value wanted (the loop drain shares). */
export async function runCordon(ctx: Ctx, desired: boolean): Promise<number> {
  const dryRun = dryRunStrategy(ctx);
  const nodes = await nodesToCordon(ctx);
  await cordonOrUncordon(ctx, await ctx.factory.client(), nodes, desired, dryRun);
  return 0;
}

export function run(ctx: Ctx): Promise<number> {
  return runCordon(ctx, true);
}
