// What rollout pause, resume and restart share: every object read, changed as its Go struct by
// the polymorphic helper (which may refuse with an error), the difference sent as a strategic
// merge patch with --field-manager, `<kind>/<name> <verb>` printed; errors gathered in order.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { aggregate, reportable } from '../mutate/aggregate.js';
import type { Info } from '../mutate/info.js';
import type { Json } from '../workload/json-values.js';
import { calculatePatches, isEmptyPatch, sendPatch, type Patch } from '../workload/patches.js';
import { TypedPrinter } from '../workload/print.js';
import { requireResource, rolloutNamespace, rolloutTargets } from './targets.js';

export interface ObjectPatchVerb {
  /** the printed operation: `paused`, `resumed`, `restarted` */
  done: string;
  /** the helper: changes the object or throws its refusal */
  change(obj: Json, info: Info): void;
  /** what an empty patch means: a line printed, or an error */
  unchanged(info: Info): { print: string } | { error: Error };
}

const resourceString = (info: Info): string => {
  const r = info.mapping!;
  return r.group === '' ? r.resource : `${r.resource}.${r.group}`;
};

/** ToPrinter(operation).PrintObj: a bad -o is this object's error. */
function printed(ctx: Ctx, operation: string, obj: Obj): Error | undefined {
  try {
    TypedPrinter.of(ctx, 'none', operation).print(ctx, obj);
    return undefined;
  } catch (err) {
    return err as Error;
  }
}

async function apply(ctx: Ctx, verb: ObjectPatchVerb, p: Patch): Promise<Error | undefined> {
  const info = p.info;
  if (p.err) return new Error(`error: ${resourceString(info)} ${JSON.stringify(info.name)} ${p.err.message}`);
  if (isEmptyPatch(p)) {
    const u = verb.unchanged(info);
    if ('error' in u) return u.error;
    return printed(ctx, u.print, info.object as Obj);
  }
  let obj: Obj;
  try {
    obj = await sendPatch(ctx, info, p.patch, { fieldManager: ctx.str('field-manager') });
  } catch (err) {
    return new Error(`failed to patch: ${(err as Error).message}`);
  }
  return printed(ctx, verb.done, obj);
}

export async function runObjectPatch(ctx: Ctx, verb: ObjectPatchVerb): Promise<number> {
  const t = await rolloutNamespace(ctx);
  requireResource(ctx);
  const result = await rolloutTargets(ctx, t);
  if (result.err) throw reportable(result.err);
  const errs: Error[] = [];
  const { infos, error } = await result.infos();
  if (error) errs.push(error);
  const patches = calculatePatches(infos, (obj, info) => {
    verb.change(obj, info);
    return true;
  });
  if (patches.length === 0 && errs.length === 0) {
    ctx.io.stderr.write(`No resources found in ${t.namespace} namespace.\n`);
    return 0;
  }
  for (const p of patches) {
    const err = await apply(ctx, verb, p);
    if (err) errs.push(err);
  }
  const all = aggregate(errs);
  if (all) throw reportable(all);
  return 0;
}
