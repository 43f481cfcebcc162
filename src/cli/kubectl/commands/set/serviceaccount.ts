// kubectl set serviceaccount (sa): the last argument is the service account name, set as the
// pod templates' serviceAccountName; the patch is sent even when nothing changes.
import type { Ctx } from '../../context.js';
import { aggregate, reportable } from '../mutate/aggregate.js';
import { dryRunStrategy } from '../mutate/dry-run.js';
import { calculatePatches } from '../workload/patches.js';
import { podSpecOf } from '../workload/pod-template.js';
import { TypedPrinter } from '../workload/print.js';
import { recordChange, warnRecord } from '../workload/record.js';
import { sendPatches, setInfos } from './targets.js';

export async function run(ctx: Ctx): Promise<number> {
  warnRecord(ctx);
  const dryRun = dryRunStrategy(ctx);
  const local = ctx.bool('local');
  if (local && dryRun === 'server') throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const printer = TypedPrinter.of(ctx, dryRun, 'serviceaccount updated');
  const { namespace, explicit } = await ctx.factory.namespace();
  if (ctx.args.length === 0) throw new Error('serviceaccount is required');
  const account = ctx.args[ctx.args.length - 1]!;
  const resources = ctx.args.slice(0, -1);
  const infos = await setInfos(ctx, { namespace, explicit, resources: local ? [] : resources, local, all: ctx.bool('all'), selector: '' });
  const errs: Error[] = [];
  const patches = calculatePatches(infos, (obj) => {
    podSpecOf(obj).serviceAccountName = account;
    recordChange(ctx, obj);
    return true;
  });
  await sendPatches(ctx, patches, { dryRun, local, printer, failure: 'failed to patch ServiceAccountName ', sendEmpty: true }, errs);
  const all = aggregate(errs);
  if (all) throw reportable(all);
  return 0;
}
