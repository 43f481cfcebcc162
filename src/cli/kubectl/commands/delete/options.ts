// kubectl delete's flags turned into options (DeleteFlags.ToOptions, Complete's adjustments and
// Validate), with their messages: the --cascade deprecation warning, --now/--grace-period/--force
// rules and the immediate-deletion warning.
import type { Ctx } from '../../context.js';
import type { FilenameOptions } from '../../resource/files.js';
import { dryRunStrategy, type DryRun } from '../mutate/dry-run.js';

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  files: FilenameOptions;
  labelSelector: string;
  fieldSelector: string;
  all: boolean;
  allNamespaces: boolean;
  cascade: Propagation;
  force: boolean;
  gracePeriod: number;
  ignoreNotFound: boolean;
  waitForDeletion: boolean;
  timeoutMs: number;
  output: string;
  raw: string;
  interactive: boolean;
  dryRun: DryRun;
  namespace: string;
  enforceNamespace: boolean;
  warnClusterScope: boolean;
}

const BOOLS: Record<string, boolean> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };

/** parseCascadingFlag, with its warning for the old boolean values. */
export function parseCascade(ctx: Ctx): Propagation {
  const v = ctx.str('cascade');
  const b = BOOLS[v];
  if (b === undefined) {
    if (v === 'orphan') return 'Orphan';
    if (v === 'foreground') return 'Foreground';
    if (v === 'background') return 'Background';
    throw new Error(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
  }
  const to = b ? 'background' : 'orphan';
  ctx.io.stderr.write(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${to}.\n`);
  return b ? 'Background' : 'Orphan';
}

/** ToOptions then Complete (up to building the result). */
export async function completeOptions(ctx: Ctx): Promise<DeleteOptions> {
  const cascade = parseCascade(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  const all = ctx.bool('all');
  const labelSelector = ctx.str('selector');
  const fieldSelector = ctx.str('field-selector');
  let ignoreNotFound = ctx.bool('ignore-not-found');
  if ((all || labelSelector !== '' || fieldSelector !== '') && !ctx.changed('ignore-not-found')) ignoreNotFound = true;
  let gracePeriod = ctx.int('grace-period');
  const force = ctx.bool('force');
  if (ctx.bool('now')) {
    if (gracePeriod !== -1) throw new Error('--now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const dryRun = dryRunStrategy(ctx);
  return {
    files: { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') },
    labelSelector, fieldSelector, all, allNamespaces: ctx.bool('all-namespaces'), cascade, force, gracePeriod, ignoreNotFound,
    waitForDeletion: ctx.bool('wait'), timeoutMs: ctx.int('timeout'), output: ctx.str('output'), raw: ctx.str('raw'),
    interactive: ctx.bool('interactive'), dryRun, namespace, enforceNamespace: explicit,
    warnClusterScope: explicit && !ctx.bool('all-namespaces'),
  };
}

/** Validate: output mode, --all with selectors, --force with a grace period, --raw's rules. */
export function validateOptions(o: DeleteOptions, ctx: Ctx): void {
  if (o.output !== '' && o.output !== 'name') throw new Error(`unexpected -o output mode: ${o.output}. We only support '-o name'`);
  if (o.all && o.labelSelector !== '') throw new Error('cannot set --all and --selector at the same time');
  if (o.all && o.fieldSelector !== '') throw new Error('cannot set --all and --field-selector at the same time');
  if (o.gracePeriod === 0 && o.force) {
    ctx.io.stderr.write('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  } else if (o.gracePeriod > 0 && o.force) {
    throw new Error('--force and --grace-period greater than 0 cannot be specified together');
  }
  if (o.raw === '') return;
  if (o.interactive) throw new Error('--interactive can not be used with --raw');
  if (o.files.filenames.length > 1) throw new Error('--raw can only use a single local file or stdin');
  const f = o.files.filenames[0];
  if (f !== undefined && (f.startsWith('http://') || f.startsWith('https://'))) throw new Error('--raw cannot read from a url');
  if (o.files.recursive) throw new Error('--raw and --recursive are mutually exclusive');
  if (o.output !== '') throw new Error('--raw and --output are mutually exclusive');
  if (!o.raw.startsWith('/')) throw new Error(`--raw must be a valid URL path: parse ${JSON.stringify(o.raw)}: invalid URI for request`);
}

/** The DeleteOptions body kubectl sends (Go struct order). */
export function deleteBody(o: DeleteOptions): string {
  const body: Record<string, unknown> = {};
  if (o.gracePeriod >= 0) body.gracePeriodSeconds = o.gracePeriod;
  body.propagationPolicy = o.cascade;
  if (o.dryRun === 'server') body.dryRun = ['All'];
  return JSON.stringify(body);
}
