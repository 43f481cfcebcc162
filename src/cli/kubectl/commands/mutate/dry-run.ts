// cmdutil.GetDryRunStrategy: --dry-run's value, the deprecation warnings klog prints for a bare
// --dry-run and for boolean values, and the suffix success lines get.
import type { Ctx } from '../../context.js';
import { klog } from '../../klog.js';

export type DryRun = 'none' | 'client' | 'server';

const BOOLS: Record<string, boolean> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };

export function dryRunStrategy(ctx: Ctx): DryRun {
  const v = ctx.str('dry-run');
  const b = BOOLS[v];
  if (b === undefined) {
    if (v === 'unchanged') {
      klog(ctx.io.stderr, 'W', 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    }
    if (v === 'client' || v === 'server' || v === 'none') return v;
    throw new Error(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
  const line = b ? 716 : 719;
  klog(ctx.io.stderr, 'W', `helpers.go:${line}`, `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`);
  return b ? 'client' : 'none';
}

/** PrintFlagsWithDryRunStrategy: `labeled (dry run)`, `labeled (server dry run)`. */
export function withDryRun(operation: string, dryRun: DryRun): string {
  if (dryRun === 'client') return `${operation} (dry run)`;
  if (dryRun === 'server') return `${operation} (server dry run)`;
  return operation;
}

/** `?dryRun=All` and the other write options, in the order client-go encodes them (sorted). */
export function writeQuery(o: { dryRun?: boolean; fieldManager?: string; fieldValidation?: string }): string {
  const q = new URLSearchParams();
  if (o.dryRun) q.set('dryRun', 'All');
  if (o.fieldManager) q.set('fieldManager', o.fieldManager);
  if (o.fieldValidation) q.set('fieldValidation', o.fieldValidation);
  const s = q.toString();
  return s ? `?${s}` : '';
}
