// What every rollout subcommand asks the resource builder for: TYPE NAME, TYPE/NAME, TYPE with
// -l (or all of a TYPE), or -f files, each object read fresh from the server, errors collected
// and reported together at the end.
import type { Ctx } from '../../context.js';
import { Builder } from '../mutate/builder.js';
import type { Result } from '../mutate/builder-visit.js';
import { builderEnv } from '../mutate/env.js';
import { filenameOptions } from '../workload/filenames.js';

/** Validate's first check, shared by every subcommand. */
export function requireResource(ctx: Ctx): void {
  const f = filenameOptions(ctx);
  if (ctx.args.length === 0 && f.filenames.length === 0 && f.kustomize === '') throw new Error('required resource not specified');
}

export interface Targets {
  namespace: string;
  explicit: boolean;
}

export async function rolloutNamespace(ctx: Ctx): Promise<Targets> {
  const { namespace, explicit } = await ctx.factory.namespace();
  return { namespace, explicit };
}

/** The builder as rollout's Run methods set it up. */
export function rolloutTargets(ctx: Ctx, t: Targets): Promise<Result> {
  return new Builder(builderEnv(ctx)).withScheme()
    .namespaceParam(t.namespace).defaultNamespace()
    .labelSelectorParam(ctx.str('selector'))
    .filenameParam(t.explicit, filenameOptions(ctx))
    .resourceTypeOrNameArgs(true, ...ctx.args)
    .continueOnError()
    .latest()
    .do();
}
