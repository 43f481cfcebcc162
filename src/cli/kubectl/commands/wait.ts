// kubectl wait: for every object found, until --for holds — deleted, created, a status condition
// or a JSONPath value — printing `pod/web condition met`; one deadline (--timeout, 30s by
// default, 0 checks once, negative waits a week) for the whole command.
import type { Ctx } from '../context.js';
import { reportable } from './mutate/aggregate.js';
import { Builder } from './mutate/builder.js';
import { builderEnv } from './mutate/env.js';
import { isNotFoundError, type Info } from './mutate/info.js';
import type { WaitContext } from './mutate/conditions.js';
import { ObjectPrinter } from './mutate/printer.js';
import { conditionFor } from './wait/conditions.js';

const LOCAL_RESOURCE = `error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

async function finder(ctx: Ctx): Promise<Builder> {
  const { namespace, explicit } = await ctx.factory.namespace();
  const b = new Builder(builderEnv(ctx)).namespaceParam(namespace).defaultNamespace().allNamespaces(ctx.bool('all-namespaces'))
    .filenameParam(explicit, { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: '' });
  if (!ctx.bool('local')) {
    b.resourceTypeOrNameArgs(ctx.bool('all'), ...ctx.args).labelSelectorParam(ctx.str('selector')).fieldSelectorParam(ctx.str('field-selector')).latest();
  } else {
    b.local();
    if (ctx.args.length > 0) b.addError(new Error(LOCAL_RESOURCE));
  }
  return b.continueOnError();
}

/** --for=create: the objects are looked up every half second until they all exist. */
async function waitCreated(ctx: Ctx, until: number): Promise<void> {
  for (;;) {
    const result = await (await finder(ctx)).do();
    const err = result.err ?? (await result.visit(async () => undefined));
    if (err === undefined) return;
    if (!isNotFoundError(err)) throw reportable(err);
    if (Date.now() + 500 > until) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function run(ctx: Ctx): Promise<number> {
  const printer = ObjectPrinter.from(ctx);
  const forCondition = ctx.str('for');
  const condition = conditionFor(forCondition);
  const timeoutMs = ctx.int('timeout') < 0 ? 168 * 3600_000 : ctx.int('timeout');
  const until = Date.now() + timeoutMs;
  const isDelete = forCondition.toLowerCase() === 'delete';
  if (forCondition.toLowerCase() === 'create') await waitCreated(ctx, until);
  const result = await (await finder(ctx)).do();
  if (isDelete) result.ignoreErrors(isNotFoundError);
  const w: WaitContext = { client: await ctx.factory.client(), klog: ctx.factory.klog, timeoutMs, until };
  let count = 0;
  const err = await result.visit(async (info: Info) => {
    count++;
    const obj = await condition(info, w);
    if (obj) ctx.io.stdout.write(await printer.print(obj, 'condition met'));
  });
  if (err) throw reportable(err);
  if (count === 0 && !isDelete) throw new Error('no matching resources found');
  return 0;
}

