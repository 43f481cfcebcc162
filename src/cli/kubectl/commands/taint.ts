// kubectl taint: add `key[=value]:effect` and remove `key[:effect]-` taints on nodes named,
// selected by -l, or --all; the new list goes out as a strategic merge patch (fieldManager
// kubectl-taint, fieldValidation from --validate). Says `tainted`, `modified` or `untainted`.
import type { Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { PrintedError } from '../errors.js';
import { NoResourceMatchError } from '../discovery/mapper.js';
import { requestJson } from '../resource/request.js';
import { reportable } from './mutate/aggregate.js';
import { Builder } from './mutate/builder.js';
import { dryRunStrategy, writeQuery, type DryRun } from './mutate/dry-run.js';
import { builderEnv } from './mutate/env.js';
import { objectPath, type Info } from './mutate/info.js';
import { ObjectPrinter } from './mutate/printer.js';
import { alreadyExisting, parseTaints, reorganizeTaints, type Taint } from './taint/taints.js';

interface TaintOptions {
  namespace: string;
  dryRun: DryRun;
  validation: string;
  resources: string[];
  add: Taint[];
  remove: Taint[];
  overwrite: boolean;
  all: boolean;
  selector: string;
}

const BOOLS: Record<string, boolean> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };

/** cmdutil.GetValidationDirective */
function validationDirective(v: string): string {
  const b = BOOLS[v];
  if (b !== undefined) return b ? 'Strict' : 'Ignore';
  const named: Record<string, string> = { strict: 'Strict', warn: 'Warn', ignore: 'Ignore' };
  const d = named[v];
  if (d === undefined) throw new Error(`invalid - validate option ${JSON.stringify(v)}; must be one of: strict (or true), warn, ignore (or false)`);
  return d;
}

function splitArgs(args: string[]): { resources: string[]; taints: string[] } {
  const resources: string[] = [];
  const taints: string[] = [];
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taints.push(s);
    else if (taints.length > 0) throw new Error(`all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  return { resources, taints };
}

async function complete(ctx: Ctx): Promise<TaintOptions> {
  const { namespace } = await ctx.factory.namespace();
  const dryRun = dryRunStrategy(ctx);
  const validation = validationDirective(ctx.str('validate'));
  const { resources, taints } = splitArgs(ctx.args);
  if (resources.length < 1) throw new Error('one or more resources must be specified as <resource> <name>');
  if (taints.length < 1) throw new Error('at least one taint update is required');
  let parsed: { add: Taint[]; remove: Taint[] };
  try {
    parsed = parseTaints(taints);
  } catch (err) {
    throw ctx.usageError((err as Error).message);
  }
  return { namespace, dryRun, validation, resources, ...parsed, overwrite: ctx.bool('overwrite'), all: ctx.bool('all'), selector: ctx.str('selector') };
}

async function validate(ctx: Ctx, o: TaintOptions): Promise<void> {
  const resourceType = o.resources[0]!.toLowerCase();
  const mapper = await ctx.factory.mapper(2);
  let kind: string;
  try {
    kind = (await mapper.resolve(resourceType.split('.')[0]!)).kind;
  } catch (err) {
    if (err instanceof NoResourceMatchError) throw new PrintedError(err.message);
    throw err;
  }
  if (kind !== 'Node') throw new Error(`invalid resource type ${resourceType}, only node types are supported`);
  const conflicts = o.add.flatMap((a) => o.remove.filter((r) => r.key === a.key && (r.effect === '' || r.effect === a.effect)).map((r) => `${r.key}=${r.effect}`));
  if (conflicts.length > 0) throw new Error(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  if (o.all && o.selector !== '') throw new Error("setting 'all' parameter with a non empty selector is prohibited");
  if (!o.all && o.selector === '' && o.resources.length < 2) throw new Error("at least one resource name must be specified since 'all' parameter is not set");
}

async function taintOne(ctx: Ctx, o: TaintOptions, info: Info): Promise<void> {
  const node = info.object as Obj & { spec?: { taints?: Taint[] } };
  const old = node.spec?.taints ?? [];
  if (!o.overwrite) {
    const exists = alreadyExisting(old, o.add);
    if (exists !== '') throw new Error(`node ${info.name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`);
  }
  const { operation, taints } = reorganizeTaints(old, o.overwrite, o.add, o.remove);
  const printer = ObjectPrinter.from(ctx);
  const spec: Record<string, unknown> = { ...(node.spec ?? {}) };
  if (taints.length > 0) spec.taints = taints;
  else delete spec.taints;
  const updated = { ...node, spec };
  if (o.dryRun === 'client') {
    ctx.io.stdout.write(await printer.print(updated, operation));
    return;
  }
  const client = await ctx.factory.client();
  const body = JSON.stringify({ spec: { taints: taints.length > 0 ? taints.map(sortedTaint) : null } });
  const path = objectPath(info.mapping!, undefined, info.name)
    + writeQuery({ dryRun: o.dryRun === 'server', fieldManager: ctx.str('field-manager'), fieldValidation: o.validation });
  const patched = await requestJson<Obj>(client, 'PATCH', path, { body, contentType: 'application/strategic-merge-patch+json' });
  ctx.io.stdout.write(await printer.print(patched, operation));
}

/** A taint as the patch carries it: keys sorted, empty value left out. */
function sortedTaint(t: Taint): Record<string, unknown> {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined && v !== '').sort(([a], [b]) => (a < b ? -1 : 1)));
}

function builder(ctx: Ctx, o: TaintOptions): Builder {
  const b = new Builder(builderEnv(ctx)).withScheme().continueOnError().namespaceParam(o.namespace).defaultNamespace();
  if (o.selector !== '') b.labelSelectorParam(o.selector).resourceTypes('node');
  if (o.all) b.selectAllParam(true).resourceTypes('node').latest();
  if (!o.all && o.selector === '' && o.resources.length >= 2) b.resourceNames('node', ...o.resources.slice(1));
  return b.labelSelectorParam(o.selector).latest();
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await complete(ctx);
  await validate(ctx, o);
  const result = await builder(ctx, o).do();
  if (result.err) throw reportable(result.err);
  const err = await result.visit((info) => taintOne(ctx, o, info));
  if (err) throw reportable(err);
  return 0;
}

