// kubectl set resources: --limits and --requests (`cpu=100m,memory=256Mi`) merged into the
// resources of the selected containers (-c, wildcards; all by default) of pod templates;
// `<kind>/<name> resource requirements updated`.
import type { Ctx } from '../../context.js';
import { parseResourceList } from '../create/quantity.js';
import { aggregate, reportable } from '../mutate/aggregate.js';
import { dryRunStrategy } from '../mutate/dry-run.js';
import { rec } from '../workload/json-values.js';
import { calculatePatches } from '../workload/patches.js';
import { podSpecOf, selectContainers } from '../workload/pod-template.js';
import { TypedPrinter } from '../workload/print.js';
import { recordChange, warnRecord } from '../workload/record.js';
import { sendPatches, setInfos } from './targets.js';

interface Requirements {
  limits: Record<string, string> | undefined;
  requests: Record<string, string> | undefined;
}

function validate(ctx: Ctx, local: boolean, dryRun: string): Requirements {
  if (local && dryRun === 'server') throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (ctx.bool('all') && ctx.str('selector') !== '') throw new Error('cannot set --all and --selector at the same time');
  if (ctx.str('limits') === '' && ctx.str('requests') === '') {
    throw new Error('you must specify an update to requests or limits (in the form of --requests/--limits)');
  }
  return { limits: parseResourceList(ctx.str('limits')), requests: parseResourceList(ctx.str('requests')) };
}

function merge(current: unknown, given: Record<string, string> | undefined, flag: string): unknown {
  if (flag === '' && given === undefined) return current;
  return { ...rec(current), ...given };
}

export async function run(ctx: Ctx): Promise<number> {
  warnRecord(ctx);
  const dryRun = dryRunStrategy(ctx);
  const printer = TypedPrinter.of(ctx, dryRun, 'resource requirements updated');
  const { namespace, explicit } = await ctx.factory.namespace();
  const local = ctx.bool('local');
  const infos = await setInfos(ctx, { namespace, explicit, resources: ctx.args, local, all: ctx.bool('all'), selector: ctx.str('selector') });
  const req = validate(ctx, local, dryRun);
  const errs: Error[] = [];
  const selector = ctx.str('containers');
  const patches = calculatePatches(infos, (obj) => {
    const spec = podSpecOf(obj);
    const containers = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
    if (containers.length === 0) {
      errs.push(new Error(`error: unable to find container named ${selector}`));
      return false;
    }
    for (const c of containers) {
      const resources = rec(c.resources);
      c.resources = { ...resources, limits: merge(resources.limits, req.limits, ctx.str('limits')), requests: merge(resources.requests, req.requests, ctx.str('requests')) };
    }
    recordChange(ctx, obj);
    return true;
  });
  await sendPatches(ctx, patches, { dryRun, local, printer, failure: 'failed to patch resources update to pod template ' }, errs);
  const all = aggregate(errs);
  if (all) throw reportable(all);
  return 0;
}
