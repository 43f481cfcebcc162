// kubectl api-versions: every group/version the server serves, sorted. Always fresh from the
// server: the discovery cache is invalidated first and its servergroups.json rewritten.
import { goList } from '../../../printers/describe/gofmt.js';
import type { Ctx } from '../context.js';
import { logRefreshError, openDiscovery } from '../discovery/cached-discovery.js';

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length > 0) throw ctx.usageError(`unexpected arguments: ${goList(ctx.args)}`);
  const discovery = await openDiscovery(ctx.factory, ctx.parsed);
  discovery.invalidate();
  let groups;
  try {
    groups = await discovery.serverGroups();
  } catch (err) {
    logRefreshError(ctx.io, err);
    throw new Error(`couldn't get available api versions from server: ${(err as Error).message}`);
  }
  const versions = groups.flatMap((g) => g.versions.map((v) => v.groupVersion)).sort();
  ctx.io.stdout.write(versions.map((v) => `${v}\n`).join(''));
  return 0;
}
