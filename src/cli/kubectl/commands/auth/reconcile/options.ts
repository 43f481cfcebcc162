// ReconcileOptions.Complete, in kubectl's order: -f or -k required, no arguments, the client-side
// dry-run flag (server dry run is refused), the namespace, the builder's own errors, then the
// printer (`reconciled`, `reconciled (dry run)`).
import type { Ctx } from '../../../context.js';
import type { FilenameOptions } from '../../../resource/files.js';
import { printerFor, type Printer } from '../../create/options.js';
import { reportable } from '../../mutate/aggregate.js';
import { dryRunStrategy } from '../../mutate/dry-run.js';
import { filenameError, type VisitOptions } from './visit.js';

export interface ReconcileOptions {
  visit: VisitOptions;
  dryRun: boolean;
  removeExtraPermissions: boolean;
  removeExtraSubjects: boolean;
  printer: Printer;
  /** -v: the skipped objects are logged at 1 */
  verbosity: number;
}

/** getClientSideDryRun */
function clientSideDryRun(ctx: Ctx): boolean {
  let strategy: string;
  try {
    strategy = dryRunStrategy(ctx);
  } catch (err) {
    throw new Error(`error accessing --dry-run flag for command reconcile: ${(err as Error).message}`);
  }
  if (strategy === 'server') throw new Error('--dry-run=server for command reconcile is not supported yet');
  return strategy === 'client';
}

export async function completeReconcile(ctx: Ctx): Promise<ReconcileOptions> {
  const files: FilenameOptions = { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') };
  if (files.filenames.length === 0 && files.kustomize === '') throw new Error('must specify one of -f and -k');
  if (ctx.args.length > 0) throw new Error('no arguments are allowed');
  const dryRun = clientSideDryRun(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  const visit: VisitOptions = { files, namespace, enforceNamespace: explicit };
  const err = filenameError(visit, ctx.io.cwd);
  if (err) throw reportable(err);
  return {
    visit, dryRun,
    removeExtraPermissions: ctx.bool('remove-extra-permissions'),
    removeExtraSubjects: ctx.bool('remove-extra-subjects'),
    printer: printerFor(ctx, dryRun ? 'client' : 'none', 'reconciled'),
    verbosity: ctx.int('v'),
  };
}
