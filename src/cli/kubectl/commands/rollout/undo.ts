// kubectl rollout undo: each object rolled back to --to-revision (default the previous one),
// then `<kind>/<name> <result>` with the dry-run suffix.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { reportable } from '../mutate/aggregate.js';
import { dryRunStrategy } from '../mutate/dry-run.js';
import { TypedPrinter } from '../workload/print.js';
import { rollback } from './rollbacker.js';
import { requireResource, rolloutNamespace, rolloutTargets } from './targets.js';

export async function run(ctx: Ctx): Promise<number> {
  const dryRun = dryRunStrategy(ctx);
  const t = await rolloutNamespace(ctx);
  requireResource(ctx);
  const result = await rolloutTargets(ctx, t);
  if (result.err) throw reportable(result.err);
  const client = await ctx.factory.client();
  const err = await result.visit(async (info) => {
    const operation = await rollback(client, {
      group: info.mapping!.group, kind: info.mapping!.kind, namespace: info.namespace, name: info.name,
      toRevision: ctx.int('to-revision'), dryRun, tz: ctx.io.env.TZ,
    });
    TypedPrinter.of(ctx, dryRun, operation).print(ctx, info.object as Obj);
  });
  if (err) throw reportable(err);
  return 0;
}
