// The `set` subcommands' shared steps: the objects the builder finds (TYPE NAME, TYPE/NAME, -l,
// --all, -f; with --local only -f, read without the server), then for each changed object a
// strategic merge patch sent with --dry-run and --field-manager, or with --local / --dry-run=client
// the changed object printed as is.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { reportable } from '../mutate/aggregate.js';
import { Builder } from '../mutate/builder.js';
import type { DryRun } from '../mutate/dry-run.js';
import { builderEnv } from '../mutate/env.js';
import type { Info } from '../mutate/info.js';
import { isEmptyPatch, objectName, sendPatch, type Patch } from '../workload/patches.js';
import type { TypedPrinter } from '../workload/print.js';
import { filenameOptions } from '../workload/filenames.js';

export const LOCAL_RESOURCE_ERROR = `error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

export interface TargetOptions {
  namespace: string;
  explicit: boolean;
  resources: string[];
  local: boolean;
  /** --all: a TYPE alone selects every object of it */
  all: boolean;
  /** -l, for the subcommands that have it */
  selector: string;
}

/** The builder as the set subcommands configure it. */
export function setBuilder(ctx: Ctx, o: TargetOptions): Builder {
  const b = new Builder(builderEnv(ctx)).withScheme().local(o.local).continueOnError().namespaceParam(o.namespace).defaultNamespace()
    .filenameParam(o.explicit, filenameOptions(ctx));
  if (!o.local) b.labelSelectorParam(o.selector).resourceTypeOrNameArgs(o.all, ...o.resources).latest();
  return b;
}

/** Complete's `builder.Do().Infos()`: the objects, or the error that ends the command. */
export async function setInfos(ctx: Ctx, o: TargetOptions): Promise<Info[]> {
  if (o.local && o.resources.length > 0) throw new Error(LOCAL_RESOURCE_ERROR);
  const result = await setBuilder(ctx, o).do();
  if (result.err) throw reportable(result.err);
  const { infos, error } = await result.infos();
  if (error) throw reportable(error);
  return infos;
}

export interface SendOptions {
  dryRun: DryRun;
  local: boolean;
  printer: TypedPrinter;
  /** `failed to patch image update to pod template: ` */
  failure: string;
  /** serviceaccount sends even an empty patch */
  sendEmpty?: boolean;
  /** set env without any variable: after the first PATCH, kubectl gives up with an error */
  requireEnv?: boolean;
}

/** The loop of every set Run: patch errors, skips, local printing, PATCH and print. */
export async function sendPatches(ctx: Ctx, patches: Patch[], o: SendOptions, errs: Error[]): Promise<void> {
  for (const p of patches) {
    if (p.err) {
      errs.push(new Error(`error: ${objectName(p.info)} ${p.err.message}\n`));
      continue;
    }
    if (!o.sendEmpty && isEmptyPatch(p)) continue;
    if (o.local || o.dryRun === 'client') {
      o.printer.print(ctx, p.info.object as Obj);
      continue;
    }
    let actual: Obj;
    try {
      actual = await sendPatch(ctx, p.info, p.patch, { dryRun: o.dryRun === 'server', fieldManager: ctx.str('field-manager') });
    } catch (err) {
      errs.push(new Error(`${o.failure}${(err as Error).message}`));
      continue;
    }
    if (o.requireEnv) throw new Error('at least one environment variable must be provided');
    o.printer.print(ctx, actual);
  }
}
