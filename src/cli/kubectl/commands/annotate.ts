// kubectl annotate: add (k=v) and remove (k-) annotations, like label but printing the server's
// answer, always `annotated`, with one printer for all objects (YAML documents split by `---`).
import type { Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { reportable } from './mutate/aggregate.js';
import { dryRunStrategy, withDryRun } from './mutate/dry-run.js';
import type { Info } from './mutate/info.js';
import { applyPairs, clearResourceVersion, listLines, mapOf, marshal, metadataBuilder, patchObject, type MetadataOptions } from './mutate/metadata.js';
import { parsePairs, resourcesAndPairs, type Pairs } from './mutate/pairs.js';
import { ObjectPrinter } from './mutate/printer.js';

interface AnnotateOptions extends MetadataOptions {
  overwrite: boolean;
  list: boolean;
  resourceVersion: string;
  pairs: Pairs;
  printer: ObjectPrinter;
}

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function checkLocal(ctx: Ctx, local: boolean, resources: string[], dryRun: string): void {
  const noFiles = ctx.list('filename').length === 0 && ctx.str('kustomize') === '';
  if (!local) {
    if (resources.length < 1 && noFiles) throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    return;
  }
  if (dryRun === 'server') throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (resources.length > 0) throw new Error('can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set');
  if (noFiles) throw new Error('one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json');
}

/** AnnotateFlags.ToOptions, with its checks in its order. */
async function toOptions(ctx: Ctx): Promise<AnnotateOptions> {
  const dryRun = dryRunStrategy(ctx);
  const printer = ObjectPrinter.from(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  const { resources, pairs } = resourcesAndPairs(ctx.args, 'annotation');
  const parsed = parsePairs(pairs, 'annotation');
  const list = ctx.bool('list');
  const all = ctx.bool('all');
  const selector = ctx.str('selector');
  const fieldSelector = ctx.str('field-selector');
  if (list && ctx.str('output') !== '') throw new Error('--list and --output may not be specified together');
  if (all && selector !== '') throw new Error('cannot set --all and --selector at the same time');
  if (all && fieldSelector !== '') throw new Error('cannot set --all and --field-selector at the same time');
  const local = ctx.bool('local');
  checkLocal(ctx, local, resources, dryRun);
  if (parsed.add.size < 1 && parsed.remove.length < 1 && !list) throw new Error('at least one annotation update is required');
  const both = parsed.remove.filter((k) => parsed.add.has(k));
  if (both.length > 0) throw new Error(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return {
    namespace, enforceNamespace: explicit, local, all, allNamespaces: ctx.bool('all-namespaces'), selector, fieldSelector, resources,
    dryRun, fieldManager: ctx.str('field-manager'), overwrite: ctx.bool('overwrite'), list, resourceVersion: ctx.str('resource-version'),
    pairs: parsed, printer,
  };
}

function annotateObject(obj: Obj, o: AnnotateOptions): void {
  if (!o.overwrite) {
    const current = mapOf(obj, 'annotations') ?? {};
    const clashes = [...o.pairs.add].filter(([k, v]) => k !== CHANGE_CAUSE && k in current && current[k] !== v);
    if (clashes.length > 0) {
      const what = clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ');
      throw new Error(`--overwrite is false but found the following declared annotation(s): ${what}`);
    }
  }
  applyPairs(obj, 'annotations', o.pairs, o.resourceVersion);
}

async function annotateOne(ctx: Ctx, o: AnnotateOptions, info: Info, one: boolean): Promise<void> {
  const obj = info.object!;
  let shown: Obj;
  if (o.dryRun === 'client' || o.local || o.list) {
    annotateObject(obj, o);
    shown = obj;
  } else {
    if (o.resourceVersion !== '') clearResourceVersion(obj);
    const before = marshal(obj);
    annotateObject(obj, o);
    shown = await patchObject(ctx, o, info, before, marshal(obj));
  }
  if (o.list) {
    ctx.io.stdout.write(listLines('annotations', shown, one, 'annotations', info.name));
    return;
  }
  ctx.io.stdout.write(await o.printer.print(shown, withDryRun('annotated', o.dryRun)));
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await toOptions(ctx);
  const result = await metadataBuilder(ctx, o);
  if (result.err) throw reportable(result.err);
  const one = result.singleItemImplied;
  if (!one && o.resourceVersion !== '') throw new Error('--resource-version may only be used with a single resource');
  const err = await result.visit((info) => annotateOne(ctx, o, info, one));
  if (err) throw reportable(err);
  return 0;
}
