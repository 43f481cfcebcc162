// kubectl drain: the nodes (NODE or -l) cordoned, then each node's pods evicted or deleted as
// the filters allow (warnings for what is ignored or forced, errors for what blocks), `node/<n>
// drained`; a node that could not be drained is reported and listed as pending.
import type { RestClient } from '../../../client/rest.js';
import type { Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { PrintedError } from '../errors.js';
import { parseToLabelSelector } from './create/label-selector.js';
import { aggregate, reportable } from './mutate/aggregate.js';
import { Builder } from './mutate/builder.js';
import { dryRunStrategy, type DryRun } from './mutate/dry-run.js';
import { builderEnv } from './mutate/env.js';
import type { Info } from './mutate/info.js';
import { cordonOrUncordon, findNodes } from './drain/cordon.js';
import { deleteOrEvictPods, type EvictOptions } from './drain/evict.js';
import { podsToDelete, warningsOf } from './drain/filters.js';
import { podsForDeletion, type DeletionScope } from './drain/pods.js';
import { TypedPrinter } from './workload/print.js';

/** labels.Parse accepts it (ParseToLabelSelector's operator refusals are not syntax errors). */
function validPodSelector(s: string): boolean {
  try {
    parseToLabelSelector(s);
    return true;
  } catch (err) {
    return !(err as Error).message.startsWith("couldn't parse");
  }
}

function scope(ctx: Ctx): DeletionScope {
  return {
    force: ctx.bool('force'), ignoreDaemonSets: ctx.bool('ignore-daemonsets'), deleteEmptyDirData: ctx.bool('delete-emptydir-data'),
    skipWaitForDeleteTimeoutSeconds: ctx.int('skip-wait-for-delete-timeout'), now: Date.now(), podSelector: ctx.str('pod-selector'), chunkSize: ctx.int('chunk-size'),
  };
}

function evictOptions(ctx: Ctx, client: RestClient, dryRun: DryRun): EvictOptions {
  return {
    io: ctx.io, client, gracePeriod: ctx.int('grace-period'), timeoutMs: ctx.int('timeout'), dryRun,
    disableEviction: ctx.bool('disable-eviction'), skipWaitSeconds: ctx.int('skip-wait-for-delete-timeout'),
    finished: (pod, verb) => TypedPrinter.of(ctx, dryRun, verb).print(ctx, pod),
  };
}

/** deleteOrEvictPodsSimple: undefined when the node's pods are gone (or would be). */
async function drainNode(ctx: Ctx, client: RestClient, node: Info, dryRun: DryRun): Promise<Error | undefined> {
  const s = scope(ctx);
  const list = await podsForDeletion(client, node.name, s);
  if (list.errors.length > 0) return aggregate(list.errors);
  const warnings = warningsOf(list.items);
  if (warnings !== '') ctx.io.stderr.write(`Warning: ${warnings}\n`);
  const pods = podsToDelete(list.items);
  if (dryRun === 'client') {
    for (const p of pods) ctx.io.stdout.write(`evicting pod ${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''} (dry run)\n`);
    return undefined;
  }
  try {
    await deleteOrEvictPods(evictOptions(ctx, client, dryRun), pods);
    return undefined;
  } catch (err) {
    const pending = await podsForDeletion(client, node.name, s);
    const left = podsToDelete(pending.items);
    if (left.length > 0) {
      ctx.io.stderr.write(`There are pending pods in node ${JSON.stringify(node.name)} when an error occurred: ${(err as Error).message}\n`);
      for (const p of left) ctx.io.stderr.write(`pod/${p.metadata.name ?? ''}\n`);
    }
    if (pending.errors.length > 0) ctx.io.stderr.write(`Following errors occurred while getting the list of pods to delete:\n${aggregate(pending.errors)!.message}`);
    return err as Error;
  }
}

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length === 0 && !ctx.changed('selector')) throw ctx.usageError('USAGE: drain NODE [flags]');
  if (ctx.args.length > 0 && ctx.str('selector') !== '') {
    throw new PrintedError(`error: cannot specify both a node name and a --selector option\nSee '${ctx.commandPath} -h' for help and examples`);
  }
  const dryRun = dryRunStrategy(ctx);
  const client = await ctx.factory.client();
  if (ctx.str('pod-selector') !== '' && !validPodSelector(ctx.str('pod-selector'))) throw new Error('--pod-selector=<pod_selector> must be a valid label selector');
  const { namespace } = await ctx.factory.namespace();
  const nodes = await findNodes(ctx, namespace, ctx.str('selector'), ctx.int('chunk-size'));
  await cordonOrUncordon(ctx, client, nodes, true, dryRun);
  const fatal: Error[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const err = await drainNode(ctx, client, node, dryRun);
    if (err === undefined) {
      TypedPrinter.of(ctx, dryRun, 'drained').print(ctx, node.object as Obj);
      continue;
    }
    ctx.io.stderr.write(`error: unable to drain node ${JSON.stringify(node.name)} due to error: ${err.message}, continuing command...\n`);
    fatal.push(err);
    remaining.push(node.name);
  }
  if (remaining.length > 0) ctx.io.stderr.write(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  const all = aggregate(fatal);
  if (all) throw reportable(all);
  return 0;
}
