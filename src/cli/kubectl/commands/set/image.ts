// kubectl set image: CONTAINER=IMAGE pairs (or `*=IMAGE`) applied to the containers and init
// containers of pod templates; `<kind>/<name> image updated`, `unable to find container named`
// for names that match nothing.
import type { Ctx } from '../../context.js';
import { aggregate, reportable } from '../mutate/aggregate.js';
import { dryRunStrategy } from '../mutate/dry-run.js';
import { resourcesAndPairs } from '../mutate/pairs.js';
import { filenameOptions } from '../workload/filenames.js';
import { list, rec, str } from '../workload/json-values.js';
import { calculatePatches } from '../workload/patches.js';
import { podSpecOf } from '../workload/pod-template.js';
import { TypedPrinter } from '../workload/print.js';
import { recordChange, warnRecord } from '../workload/record.js';
import { sendPatches, setInfos } from './targets.js';

/** ParsePairs without removal: `name=image`, the last one for a name winning. */
export function parseImages(pairs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) out.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1));
    else invalid.push(p);
  }
  if (invalid.length > 0) throw new Error(`invalid image format: ${invalid.join(', ')}`);
  return out;
}

function validate(ctx: Ctx, resources: string[], images: Map<string, string>, local: boolean, dryRun: string): void {
  const errs: Error[] = [];
  if (ctx.bool('all') && ctx.str('selector') !== '') errs.push(new Error('cannot set --all and --selector at the same time'));
  const f = filenameOptions(ctx);
  if (resources.length < 1 && f.filenames.length === 0 && f.kustomize === '') {
    errs.push(new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
  }
  if (images.size < 1) errs.push(new Error('at least one image update is required'));
  else if (images.size > 1 && images.has('*')) errs.push(new Error('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
  if (local && dryRun === 'server') errs.push(new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?'));
  const all = aggregate(errs);
  if (all) throw reportable(all);
}

/** setImage: every container of that name (or all, for `*`) gets the image. */
function setImage(containers: unknown, name: string, image: string): boolean {
  let found = false;
  for (const c of list(containers).map(rec)) {
    if (str(c.name) === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

export async function run(ctx: Ctx): Promise<number> {
  warnRecord(ctx);
  const dryRun = dryRunStrategy(ctx);
  const printer = TypedPrinter.of(ctx, dryRun, 'image updated');
  const { namespace, explicit } = await ctx.factory.namespace();
  const local = ctx.bool('local');
  const { resources, pairs } = resourcesAndPairs(ctx.args, 'image');
  const images = parseImages(pairs);
  const infos = await setInfos(ctx, { namespace, explicit, resources, local, all: ctx.bool('all'), selector: ctx.str('selector') });
  validate(ctx, resources, images, local, dryRun);
  const errs: Error[] = [];
  const patches = calculatePatches(infos, (obj) => {
    const spec = podSpecOf(obj);
    for (const [name, image] of images) {
      const inInit = setImage(spec.initContainers, name, image);
      const inMain = setImage(spec.containers, name, image);
      if (!inInit && !inMain) errs.push(new Error(`error: unable to find container named ${JSON.stringify(name)}`));
    }
    recordChange(ctx, obj);
    return true;
  });
  await sendPatches(ctx, patches, { dryRun, local, printer, failure: 'failed to patch image update to pod template: ' }, errs);
  const all = aggregate(errs);
  if (all) throw reportable(all);
  return 0;
}
