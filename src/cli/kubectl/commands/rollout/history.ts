// kubectl rollout history: `<kind>/<name> ` (or `… with revision #N`) then the revision table
// or the pod template of --revision; with -o, the history objects themselves.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { reportable } from '../mutate/aggregate.js';
import type { Info } from '../mutate/info.js';
import { TypedPrinter } from '../workload/print.js';
import { getHistory, viewHistory, type HistoryTarget } from './history-view.js';
import { requireResource, rolloutNamespace, rolloutTargets } from './targets.js';

const targetOf = (info: Info): HistoryTarget => ({
  group: info.mapping!.group, kind: info.mapping!.kind, namespace: info.namespace, name: info.name,
});

async function printObjects(ctx: Ctx, info: Info, revision: number, printer: TypedPrinter): Promise<void> {
  const history = await getHistory(await ctx.factory.client(), targetOf(info));
  const revisions = revision > 0 ? [revision] : [...history.keys()].sort((a, b) => a - b);
  for (const r of revisions) {
    const obj = history.get(r);
    if (obj !== undefined) printer.print(ctx, obj);
  }
}

async function printView(ctx: Ctx, info: Info, revision: number): Promise<void> {
  const text = await viewHistory(await ctx.factory.client(), targetOf(info), revision, ctx.io.env.TZ);
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  TypedPrinter.of(ctx, 'none', `${withRevision}\n${text}`).print(ctx, info.object as Obj);
}

export async function run(ctx: Ctx): Promise<number> {
  const t = await rolloutNamespace(ctx);
  requireResource(ctx);
  const revision = ctx.int('revision');
  if (revision < 0) throw new Error(`revision must be a positive integer: ${revision}`);
  const result = await rolloutTargets(ctx, t);
  if (result.err) throw reportable(result.err);
  const printer = TypedPrinter.of(ctx, 'none', '');
  const err = await result.visit(async (info) => {
    if (printer.hasOutput) await printObjects(ctx, info, revision, printer);
    else await printView(ctx, info, revision);
  });
  if (err) throw reportable(err);
  return 0;
}
