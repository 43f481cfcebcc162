// kubectl set selector: the last argument, an equality-based selector, replaces a Service's
// spec.selector (other kinds, and set-based expressions, are refused); --resource-version pins
// the update; `<kind>/<name> selector updated`.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { parseToLabelSelector, type LabelSelector } from '../create/label-selector.js';
import { reportable } from '../mutate/aggregate.js';
import { Builder } from '../mutate/builder.js';
import { dryRunStrategy } from '../mutate/dry-run.js';
import { builderEnv } from '../mutate/env.js';
import { filenameOptions } from '../workload/filenames.js';
import { rec, type Json } from '../workload/json-values.js';
import { calculatePatch, sendPatch } from '../workload/patches.js';
import { TypedPrinter } from '../workload/print.js';
import { recordChange, warnRecord } from '../workload/record.js';
import { LOCAL_RESOURCE_ERROR } from './targets.js';

function expressionsText(s: LabelSelector): string {
  return `[${(s.matchExpressions ?? []).map((e) => `{${e.key} ${e.operator} [${(e.values ?? []).join(' ')}]}`).join(' ')}]`;
}

function updateSelector(obj: Json, s: LabelSelector): void {
  if ((s.matchExpressions ?? []).length > 0) throw new Error(`match expression ${expressionsText(s)} not supported on this object`);
  if (obj.kind !== 'Service' || obj.apiVersion !== 'v1') throw new Error('setting a selector is only supported for Services');
  obj.spec = { ...rec(obj.spec), selector: { ...(s.matchLabels ?? {}) } };
}

async function finder(ctx: Ctx, resources: string[]): Promise<ReturnType<Builder['do']>> {
  const { namespace, explicit } = await ctx.factory.namespace();
  const b = new Builder(builderEnv(ctx)).withScheme().namespaceParam(namespace).defaultNamespace().filenameParam(explicit, filenameOptions(ctx));
  if (ctx.bool('local')) b.local(true);
  else b.resourceTypeOrNameArgs(ctx.bool('all'), ...resources).latest();
  if (ctx.bool('local') && resources.length > 0) b.addError(new Error(LOCAL_RESOURCE_ERROR));
  return b.continueOnError().do();
}

export async function run(ctx: Ctx): Promise<number> {
  warnRecord(ctx);
  const dryRun = dryRunStrategy(ctx);
  const resources = ctx.args.slice(0, -1);
  const selector = ctx.args.length === 0 ? undefined : parseToLabelSelector(ctx.args[ctx.args.length - 1]!);
  const writeToServer = !(ctx.bool('local') || dryRun === 'client');
  const printer = TypedPrinter.of(ctx, dryRun, 'selector updated');
  if (selector === undefined) throw new Error('one selector is required');
  const result = await finder(ctx, resources);
  if (result.err) throw reportable(result.err);
  const rv = ctx.str('resource-version');
  const err = await result.visit(async (info) => {
    if (rv !== '' && info.object) info.object.metadata = { ...info.object.metadata, resourceVersion: '' };
    const p = calculatePatch(info, (obj) => {
      if (rv !== '') obj.metadata = { ...rec(obj.metadata), resourceVersion: rv };
      updateSelector(obj, selector);
      recordChange(ctx, obj);
      return true;
    });
    if (p?.err) throw p.err;
    if (!writeToServer) return printer.print(ctx, info.object as Obj);
    printer.print(ctx, await sendPatch(ctx, info, p!.patch, { dryRun: dryRun === 'server', fieldManager: ctx.str('field-manager') }));
  });
  if (err) throw reportable(err);
  return 0;
}
