// kubectl label: add (k=v) and remove (k-) labels on objects named, selected or read from files;
// a merge patch with fieldManager=kubectl-label, or locally with --local / --dry-run=client.
// Says `labeled`, `unlabeled` or `not labeled` as kubectl decides it (from the JSON before/after).
import type { Ctx } from '../context.js';
import { Aggregate, reportable } from './mutate/aggregate.js';
import { dryRunStrategy, withDryRun } from './mutate/dry-run.js';
import type { Info } from './mutate/info.js';
import { applyPairs, clearResourceVersion, listLines, mapOf, marshal, metadataBuilder, patchObject, type MetadataOptions } from './mutate/metadata.js';
import { parseLabels, resourcesAndPairs, type Pairs } from './mutate/pairs.js';
import { ObjectPrinter } from './mutate/printer.js';

interface LabelOptions extends MetadataOptions {
  overwrite: boolean;
  list: boolean;
  output: string;
  resourceVersion: string;
  pairs: Pairs;
}

async function complete(ctx: Ctx): Promise<LabelOptions> {
  const output = ctx.str('output');
  const dryRun = dryRunStrategy(ctx);
  const { resources, pairs } = resourcesAndPairs(ctx.args, 'label');
  const parsed = parseLabels(pairs);
  const list = ctx.bool('list');
  if (list && output !== '') throw new Error('--list and --output may not be specified together');
  const { namespace, explicit } = await ctx.factory.namespace();
  return {
    namespace, enforceNamespace: explicit, local: ctx.bool('local'), all: ctx.bool('all'), allNamespaces: ctx.bool('all-namespaces'),
    selector: ctx.str('selector'), fieldSelector: ctx.str('field-selector'), resources, dryRun, fieldManager: ctx.str('field-manager'),
    overwrite: ctx.bool('overwrite'), list, output, resourceVersion: ctx.str('resource-version'), pairs: parsed,
  };
}

function validate(o: LabelOptions, ctx: Ctx): void {
  if (o.all && o.selector !== '') throw new Error('cannot set --all and --selector at the same time');
  if (o.all && o.fieldSelector !== '') throw new Error('cannot set --all and --field-selector at the same time');
  const noFiles = ctx.list('filename').length === 0 && ctx.str('kustomize') === '';
  if (o.local) {
    if (o.dryRun === 'server') throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (o.resources.length > 0) throw new Error('can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
    if (noFiles) throw new Error('one or more files must be specified as -f pod.yaml or --filename=pod.json');
  } else if (o.resources.length < 1 && noFiles) {
    throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (o.pairs.add.size < 1 && o.pairs.remove.length < 1 && !o.list) throw new Error('at least one label update is required');
}

/** labelFunc: refuses to change an existing value without --overwrite. */
function labelObject(info: Info, o: LabelOptions): void {
  const obj = info.object!;
  if (!o.overwrite) {
    const current = mapOf(obj, 'labels') ?? {};
    const errs = [...o.pairs.add].filter(([k, v]) => k in current && current[k] !== v).map(([k]) => new Error(`'${k}' already has a value (${current[k]}), and --overwrite is false`));
    if (errs.length > 0) throw new Aggregate(errs);
  }
  applyPairs(obj, 'labels', o.pairs, o.resourceVersion);
}

/** updateDataChangeMsg: compares Go's JSON of the object before and after. */
function changeMessage(before: string, after: string, overwrite: boolean): string {
  if (before === after) return 'not labeled';
  return !overwrite && Buffer.byteLength(after) < Buffer.byteLength(before) ? 'unlabeled' : 'labeled';
}

async function labelOne(ctx: Ctx, o: LabelOptions, info: Info, one: boolean): Promise<void> {
  const obj = info.object!;
  if (o.resourceVersion !== '') clearResourceVersion(obj);
  const before = marshal(obj);
  let shown = obj;
  let msg: string;
  if (o.dryRun === 'client' || o.local || o.list) {
    labelObject(info, o);
    msg = changeMessage(before, marshal(obj), o.overwrite);
  } else {
    const current = mapOf(obj, 'labels') ?? {};
    for (const k of o.pairs.remove) if (!(k in current)) ctx.io.stdout.write(`label ${JSON.stringify(k)} not found.\n`);
    labelObject(info, o);
    const after = marshal(obj);
    msg = changeMessage(before, after, o.overwrite);
    const patched = await patchObject(ctx, o, info, before, after);
    if (o.list) shown = patched;
  }
  if (o.list) {
    ctx.io.stdout.write(listLines('labels', shown, one, 'labels', info.name));
    return;
  }
  ctx.io.stdout.write(await ObjectPrinter.from(ctx).print(obj, withDryRun(msg, o.dryRun)));
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await complete(ctx);
  validate(o, ctx);
  const result = await metadataBuilder(ctx, o);
  if (result.err) throw reportable(result.err);
  const one = result.singleItemImplied;
  if (!one && o.resourceVersion !== '') throw new Error('--resource-version may only be used with a single resource');
  const err = await result.visit((info) => labelOne(ctx, o, info, one));
  if (err) throw reportable(err);
  return 0;
}
