// The flags every generator shares, read as kubectl's cmdutil reads them: the NAME argument,
// cobra's required flags (reported through klog in 1.32), --dry-run, --validate, -o and
// --template, --field-manager, --save-config, and the namespace.
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { klog, klogHeader, kvValue } from '../../klog.js';
import { resolveObjectOutput, type OutputFormat } from '../../output/format.js';
import { allowMissingKeys } from '../../output/template-errors.js';

export type DryRun = 'none' | 'client' | 'server';

/** strconv.ParseBool */
export function parseGoBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

/** An error returned from cobra's Execute, which component-base's cli.Run logs and exits 1 on. */
export function commandFailed(message: string): PrintedError {
  return new PrintedError(`${klogHeader('E', 'run.go:72')}"command failed" err=${kvValue(message)}`);
}

/** cobra's ValidateRequiredFlags: the flags marked required that were not given, in name order. */
export function requireFlags(ctx: Ctx, names: string[]): void {
  const missing = [...names].sort().filter((n) => !ctx.changed(n));
  if (missing.length > 0) throw commandFailed(`required flag(s) "${missing.join('", "')}" not set`);
}

/** NameFromCommandArgs: exactly one argument before `--`. */
export function nameFromArgs(ctx: Ctx): string {
  const n = ctx.parsed.dashAt < 0 ? ctx.args.length : ctx.parsed.dashAt;
  if (n !== 1) throw ctx.usageError(`exactly one NAME is required, got ${n}`);
  return ctx.args[0]!;
}

/** cmdutil.GetDryRunStrategy, with its deprecation warnings. */
export function dryRunStrategy(ctx: Ctx): DryRun {
  const raw = ctx.str('dry-run');
  const b = parseGoBool(raw);
  if (b === undefined) {
    if (raw === 'unchanged') {
      klog(ctx.io.stderr, 'W', 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    }
    if (raw === 'client' || raw === 'server' || raw === 'none') return raw;
    throw new Error(`Invalid dry-run value (${raw}). Must be "none", "server", or "client".`);
  }
  const to = b ? 'client' : 'none';
  klog(ctx.io.stderr, 'W', b ? 'helpers.go:716' : 'helpers.go:719', `--dry-run=${raw} is deprecated (boolean value) and can be replaced with --dry-run=${to}.`);
  return to;
}

/** cmdutil.GetValidationDirective: the fieldValidation query value. */
export function validationDirective(ctx: Ctx): string {
  const raw = ctx.str('validate');
  const b = parseGoBool(raw);
  if (b !== undefined) return b ? 'Strict' : 'Ignore';
  const known: Record<string, string> = { strict: 'Strict', warn: 'Warn', ignore: 'Ignore' };
  const v = known[raw];
  if (v === undefined) throw new Error(`invalid - validate option ${JSON.stringify(raw)}; must be one of: strict (or true), warn, ignore (or false)`);
  return v;
}

export interface Printer {
  /** undefined: the `<kind>[.group]/<name> <operation>` line */
  format: OutputFormat | undefined;
  /** `created`, `created (dry run)`, `created (server dry run)` */
  operation: string;
  showManagedFields: boolean;
  /** where relative template files are read from, and --allow-missing-template-keys */
  templates?: { cwd: string; allowMissingKeys: boolean };
}

const TEMPLATED = new Set(['jsonpath', 'jsonpath-file', 'jsonpath-as-json', 'go-template', 'go-template-file']);

/** PrintFlags.ToPrinter after PrintFlagsWithDryRunStrategy. */
export function printerFor(ctx: Ctx, dryRun: DryRun, verb = 'created'): Printer {
  const operation = dryRun === 'client' ? `${verb} (dry run)` : dryRun === 'server' ? `${verb} (server dry run)` : verb;
  const showManagedFields = ctx.bool('show-managed-fields');
  const format = resolveObjectOutput(ctx.str('output'), ctx.str('template'), ctx.changed('output'));
  if (format.kind === 'table') return { format: undefined, operation, showManagedFields };
  if (TEMPLATED.has(format.kind)) {
    if (format.arg === '') throw new Error('template format specified but no template given');
    return { format, operation, showManagedFields, templates: { cwd: ctx.io.cwd, allowMissingKeys: allowMissingKeys(ctx) } };
  }
  return { format, operation, showManagedFields };
}

/** What Complete gathers for a generator, in the order kubectl gathers it. */
export interface CreateSetup {
  namespace: string;
  /** -n or the context named the namespace (cmd's EnforceNamespace) */
  explicitNs: boolean;
  dryRun: DryRun;
  printer: Printer;
  validation: string;
  fieldManager: string;
  saveConfig: boolean;
}

/** Client config, namespace, dry-run strategy, printer and validation directive. */
export async function completeCreate(ctx: Ctx): Promise<CreateSetup> {
  await ctx.factory.clientConfig();
  const { namespace, explicit } = await ctx.factory.namespace();
  const dryRun = dryRunStrategy(ctx);
  const printer = printerFor(ctx, dryRun);
  const validation = validationDirective(ctx);
  return {
    namespace, explicitNs: explicit, dryRun, printer, validation,
    fieldManager: ctx.str('field-manager'), saveConfig: ctx.bool('save-config'),
  };
}
