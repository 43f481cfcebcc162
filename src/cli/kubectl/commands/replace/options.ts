// ReplaceOptions.Complete and Validate: the flags in kubectl's order, --grace-period=0 turned
// into 1 with a wait, and the combinations replace refuses.
import type { Ctx } from '../../context.js';
import type { FilenameOptions } from '../../resource/files.js';
import { filenameOptions } from '../apply/options.js';
import { rawUriError, validateRaw } from '../rawhttp.js';
import { dryRunStrategy, validationDirective } from '../create/options.js';
import { parseCascade, type Propagation } from '../delete/options.js';
import type { DryRun } from '../mutate/dry-run.js';
import { ObjectPrinter } from '../mutate/printer.js';

export interface ReplaceOptions {
  files: FilenameOptions;
  validation: string;
  saveConfig: boolean;
  dryRun: DryRun;
  printer: ObjectPrinter;
  output: string;
  cascade: Propagation;
  gracePeriod: number;
  force: boolean;
  timeoutMs: number;
  waitForDeletion: boolean;
  raw: string;
  subresource: string;
  fieldManager: string;
  namespace: string;
  enforceNamespace: boolean;
}

export async function completeReplace(ctx: Ctx): Promise<ReplaceOptions> {
  const validation = validationDirective(ctx);
  const dryRun = dryRunStrategy(ctx);
  await ctx.factory.clientConfig();
  const printer = ObjectPrinter.from(ctx);
  const cascade = parseCascade(ctx);
  let gracePeriod = ctx.int('grace-period');
  let waitForDeletion = ctx.bool('wait');
  if (gracePeriod === 0) {
    gracePeriod = 1;
    waitForDeletion = true;
  }
  const files = filenameOptions(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  return {
    files, validation, saveConfig: ctx.bool('save-config'), dryRun, printer, output: ctx.str('output'), cascade, gracePeriod,
    force: ctx.bool('force'), timeoutMs: ctx.int('timeout'), waitForDeletion, raw: ctx.str('raw'),
    subresource: ctx.str('subresource'), fieldManager: ctx.str('field-manager'), namespace, enforceNamespace: explicit,
  };
}

export function validateReplace(o: ReplaceOptions): void {
  if (o.gracePeriod >= 0 && !o.force) throw new Error('--grace-period must have --force specified');
  if (o.timeoutMs !== 0 && !o.force) throw new Error('--timeout must have --force specified');
  if (o.force && o.dryRun !== 'none') throw new Error('--dry-run can not be used when --force is set');
  if (o.files.filenames.length === 0 && o.files.kustomize === '') throw new Error('must specify --filename to replace');
  if (o.raw === '') return;
  validateRaw(o.files.filenames, o.files.recursive, o.output);
  if (o.output !== '') throw new Error('--raw and --output are mutually exclusive');
  const bad = rawUriError(o.raw);
  if (bad) throw new Error(bad);
}
