// kubectl apply -f/-k: every object read is created or patched (client-side three-way merge, or
// server-side apply), then -o prints what was applied and --prune deletes what was left out.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { printObjects, withoutManagedFields } from '../../output/objects.js';
import { allowMissingKeys } from '../../output/template-errors.js';
import { Aggregate, reportable } from '../mutate/aggregate.js';
import { builderEnv } from '../mutate/env.js';
import type { Info } from '../mutate/info.js';
import { buildKustomization } from '../../kustomize/build.js';
import { visitManifests } from './objects/visit.js';
import { applyOne } from './one.js';
import { fieldValidationVerifier, OpenApiV3 } from './openapi.js';
import { completeApply, validateApply } from './options.js';
import { parseResources, pruneAll, type PruneResource } from './prune.js';
import { ApplyRun } from './state.js';

async function readObjects(ctx: Ctx, run: ApplyRun): Promise<{ infos: Info[]; error?: Error }> {
  const o = run.o;
  const infos: Info[] = [];
  const error = await visitManifests(builderEnv(ctx), {
    files: o.files, namespace: o.namespace, enforceNamespace: o.enforceNamespace, selector: o.selector,
    validate: o.validation !== 'Ignore', kustomize: (dir) => buildKustomization(dir, ctx.io),
    ...(run.openapi ? { verify: fieldValidationVerifier(o.validation, run.openapi) } : {}),
  }, async (info) => {
    infos.push(info);
  });
  return error ? { infos, error } : { infos };
}


/** printObjects: with -o (not name), the applied objects — one alone, several as a List. */
function printApplied(ctx: Ctx, run: ApplyRun, infos: Info[]): void {
  if (!run.printsAtEnd || infos.length === 0) return;
  const show = ctx.bool('show-managed-fields');
  const objs = infos.map((i) => (show ? (i.object as Obj) : withoutManagedFields(i.object as Obj)));
  const { format } = run.o.printer();
  const value = objs.length === 1 ? objs[0]! : ({ apiVersion: 'v1', items: objs, kind: 'List', metadata: {} } as unknown as Obj);
  ctx.io.stdout.write(printObjects([value], format, { single: true, showManagedFields: show, cwd: ctx.io.cwd, allowMissingKeys: allowMissingKeys(ctx) }));
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await completeApply(ctx);
  let pruneResources: PruneResource[] = [];
  if (o.prune) pruneResources = await parseResources(await ctx.factory.mapper(), o.pruneAllowlist);
  validateApply(o);
  const client = await ctx.factory.client();
  // Without --openapi-patch kubectl takes the patch strategies from its compiled-in types, which
  // say what the server's OpenAPI says: the server's documents serve both.
  const state = new ApplyRun(o, ctx.io, client, new OpenApiV3(client));
  if (o.enforceNamespace) state.visitedNamespaces.add(o.namespace);
  const { infos, error } = await readObjects(ctx, state);
  if (infos.length === 0 && !error) throw new Error('no objects passed to apply');
  const errs: Error[] = error ? [error] : [];
  for (const info of infos) {
    try {
      await applyOne(state, info);
    } catch (err) {
      errs.push(err as Error);
    }
  }
  if (errs.length === 1) throw reportable(errs[0]!);
  if (errs.length > 1) throw reportable(new Aggregate(errs));
  // Complete always sets PrintAndPrunePostProcessor: -o's printing and --prune run there.
  ctx.factory.klog.info(4, 'apply.go:548', 'Running apply post-processor function');
  printApplied(ctx, state, infos);
  if (o.prune) await pruneAll(state, await ctx.factory.mapper(), pruneResources);
  return 0;
}
