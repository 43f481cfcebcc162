// kubectl api-versions: every group/version the server serves, sorted.
import type { Ctx } from '../context.js';

export async function run(ctx: Ctx): Promise<number> {
  const mapper = await ctx.factory.mapper(1);
  const versions = new Set(mapper.resources.map((r) => (r.group === '' ? r.version : `${r.group}/${r.version}`)));
  ctx.io.stdout.write([...versions].sort().map((v) => `${v}\n`).join(''));
  return 0;
}
