// ApplyFlags.ToOptions and ApplyOptions.Validate: the flags read in kubectl's order (so the first
// problem reported is kubectl's first), then the combinations apply refuses.
import type { Ctx } from '../../context.js';
import type { FilenameOptions } from '../../resource/files.js';
import { dryRunStrategy, validationDirective } from '../create/options.js';
import { parseCascade, type Propagation } from '../delete/options.js';
import type { DryRun } from '../mutate/dry-run.js';
import { ObjectPrinter } from '../mutate/printer.js';

export const FIELD_MANAGER_CSA = 'kubectl-client-side-apply';
export const FIELD_MANAGER_SSA = 'kubectl';

export interface ApplyOptions {
  files: FilenameOptions;
  serverSide: boolean;
  forceConflicts: boolean;
  dryRun: DryRun;
  fieldManager: string;
  validation: string;
  selector: string;
  prune: boolean;
  pruneAllowlist: string[];
  all: boolean;
  overwrite: boolean;
  openapiPatch: boolean;
  subresource: string;
  force: boolean;
  gracePeriod: number;
  cascade: Propagation;
  timeoutMs: number;
  /** PrintFlags.ToPrinter, called when something is printed (a bad -o fails only then) */
  printer: () => ObjectPrinter;
  output: string;
  namespace: string;
  enforceNamespace: boolean;
}

/** GetApplyFieldManagerFlag */
export function applyFieldManager(ctx: Ctx, serverSide: boolean): string {
  if (ctx.changed('field-manager')) return ctx.str('field-manager');
  return serverSide ? FIELD_MANAGER_SSA : FIELD_MANAGER_CSA;
}

/** RequireFilenameOrKustomize */
export function filenameOptions(ctx: Ctx): FilenameOptions {
  const files = { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') };
  if (files.filenames.length === 0 && files.kustomize === '') throw new Error('must specify one of -f and -k');
  return files;
}

/** DeleteFlags.ToOptions' grace period as apply uses it. */
function gracePeriod(ctx: Ctx, force: boolean): number {
  let g = ctx.int('grace-period');
  if (g === 0 && !force) g = 1;
  if (force && g < 0) g = 0;
  return g;
}

export async function completeApply(ctx: Ctx): Promise<ApplyOptions> {
  if (ctx.args.length !== 0) throw ctx.usageError(`Unexpected args: [${ctx.args.join(' ')}]`);
  const serverSide = ctx.bool('server-side');
  const dryRun = dryRunStrategy(ctx);
  await ctx.factory.clientConfig();
  const cascade = parseCascade(ctx);
  const force = ctx.bool('force');
  const files = filenameOptions(ctx);
  const validation = validationDirective(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  return {
    files, serverSide, forceConflicts: ctx.bool('force-conflicts'), dryRun, fieldManager: applyFieldManager(ctx, serverSide),
    validation, selector: ctx.str('selector'), prune: ctx.bool('prune'), pruneAllowlist: ctx.list('prune-allowlist'),
    all: ctx.bool('all'), overwrite: ctx.bool('overwrite'), openapiPatch: ctx.bool('openapi-patch'), subresource: ctx.str('subresource'),
    force, gracePeriod: gracePeriod(ctx, force), cascade, timeoutMs: ctx.int('timeout'),
    printer: () => ObjectPrinter.from(ctx), output: ctx.str('output'), namespace, enforceNamespace: explicit,
  };
}

/** ApplyOptions.Validate (without --applyset, which is not supported here). */
export function validateApply(o: ApplyOptions): void {
  if (o.forceConflicts && !o.serverSide) throw new Error('--force-conflicts only works with --server-side');
  if (o.dryRun === 'client' && o.serverSide) throw new Error("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (o.serverSide && o.force) throw new Error('--force cannot be used with --server-side');
  if (o.dryRun === 'server' && o.force) throw new Error('--dry-run=server cannot be used with --force');
  if (o.all && o.selector !== '') throw new Error('cannot set --all and --selector at the same time');
  if (o.prune) {
    if (o.force) throw new Error('--force cannot be used with --prune');
    if (!o.all && o.selector === '') {
      throw new Error('all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector');
    }
    if (o.serverSide) throw new Error("--prune is in alpha and doesn't currently work on objects created by server-side apply");
  }
  if (o.subresource !== '' && !o.serverSide) throw new Error('--subresource can only be specified for --server-side');
}
