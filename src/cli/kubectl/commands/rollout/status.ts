// kubectl rollout status: for each object, the status line of every state the informer sees
// until the rollout is done (or, with --watch=false, just the first), pinned to --revision when
// given, bounded by --timeout; `No resources found in NS namespace.` when nothing matched.
import type { Ctx } from '../../context.js';
import { reportable } from '../mutate/aggregate.js';
import type { Info } from '../mutate/info.js';
import type { Json } from '../workload/json-values.js';
import { statusViewerFor } from './status-viewer.js';
import { requireResource, rolloutNamespace, rolloutTargets } from './targets.js';
import { untilWithSync } from './until.js';

async function watchOne(ctx: Ctx, info: Info, revision: number): Promise<void> {
  const mapping = info.mapping!;
  const viewer = statusViewerFor(mapping.group, mapping.kind);
  const watch = ctx.bool('watch');
  const client = await ctx.factory.client();
  await untilWithSync(client, info, ctx.int('timeout'), (obj) => {
    const s = viewer(obj as unknown as Json, revision);
    ctx.io.stdout.write(s.text);
    return s.done || !watch;
  }, undefined, ctx.factory.klog);
}

export async function run(ctx: Ctx): Promise<number> {
  const t = await rolloutNamespace(ctx);
  await ctx.factory.client();
  requireResource(ctx);
  const revision = ctx.int('revision');
  if (revision < 0) throw new Error(`revision must be a positive integer: ${revision}`);
  const result = await rolloutTargets(ctx, t);
  if (result.err) throw reportable(result.err);
  let found = false;
  const err = await result.visit(async (info) => {
    found = true;
    await watchOne(ctx, info, revision);
  });
  if (err) throw reportable(err);
  if (!found) ctx.io.stderr.write(`No resources found in ${t.namespace} namespace.\n`);
  return 0;
}
