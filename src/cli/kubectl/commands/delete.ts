// kubectl delete: by file, by TYPE NAME / TYPE/NAME, by selector or --all; graceful, forced or
// cascading as asked; then waits for the objects to be gone.
import type { Ctx } from '../context.js';
import { Builder } from './mutate/builder.js';
import { builderEnv } from './mutate/env.js';
import { reportable } from './mutate/aggregate.js';
import { completeOptions, validateOptions, type DeleteOptions } from './delete/options.js';
import { deleteResult } from './delete/run.js';
import { confirmDeletion } from './delete/interactive.js';
import { rawRequest } from './rawhttp.js';

function builderFor(ctx: Ctx, o: DeleteOptions): Builder {
  return new Builder(builderEnv(ctx))
    .continueOnError()
    .namespaceParam(o.namespace).defaultNamespace()
    .filenameParam(o.enforceNamespace, o.files)
    .labelSelectorParam(o.labelSelector)
    .fieldSelectorParam(o.fieldSelector)
    .selectAllParam(o.all)
    .allNamespaces(o.allNamespaces)
    .resourceTypeOrNameArgs(false, ...ctx.args)
    .requireObject(false);
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await completeOptions(ctx);
  if (o.raw !== '') {
    validateOptions(o, ctx);
    return rawRequest(ctx, 'DELETE', o.raw, o.files.filenames[0]);
  }
  const result = await builderFor(ctx, o).do();
  if (result.err) throw reportable(result.err);
  const preview = o.interactive ? await builderFor(ctx, o).do() : undefined;
  if (preview?.err) throw reportable(preview.err);
  validateOptions(o, ctx);
  if (!preview) return deleteResult(ctx, o, result);
  const only = await confirmDeletion(ctx, o, preview);
  return only === undefined ? 0 : deleteResult(ctx, o, result, only);
}
