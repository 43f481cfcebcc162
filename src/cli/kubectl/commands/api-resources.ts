// kubectl api-resources: the preferred version of every resource from discovery, filtered by
// --namespaced/--api-group/--verbs/--categories, sorted by group then name (or --sort-by).
import { goList } from '../../../printers/describe/gofmt.js';
import { alignRows } from '../../../printers/table.js';
import type { Ctx } from '../context.js';
import type { ApiResource } from '../discovery/mapper.js';

const HEADER = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];

function apiVersion(r: ApiResource): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

function keep(ctx: Ctx, r: ApiResource): boolean {
  if (ctx.changed('namespaced') && r.namespaced !== ctx.bool('namespaced')) return false;
  if (ctx.changed('api-group') && r.group !== ctx.str('api-group')) return false;
  if (ctx.list('verbs').some((v) => !r.verbs.includes(v))) return false;
  if (ctx.list('categories').some((c) => !r.categories.includes(c))) return false;
  return true;
}

function sorted(list: ApiResource[], by: string): ApiResource[] {
  const key = (r: ApiResource): string => (by === 'kind' ? r.kind : by === 'name' ? r.resource : '');
  return [...list].sort((a, b) => {
    if (by === 'name' || by === 'kind') return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    if (a.group !== b.group) return a.group < b.group ? -1 : 1;
    return a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0;
  });
}

function row(r: ApiResource, wide: boolean): string[] {
  const cells = [r.resource, r.shortNames.join(','), apiVersion(r), String(r.namespaced), r.kind];
  return wide ? [...cells, r.verbs.join(','), r.categories.join(',')] : cells;
}

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length > 0) throw ctx.usageError(`unexpected arguments: ${goList(ctx.args)}`);
  const output = ctx.str('output');
  if (output !== '' && output !== 'wide' && output !== 'name') throw new Error(`--output ${output} is not available`);
  const sortBy = ctx.str('sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new Error(`--sort-by accepts only name or kind`);
  const wide = output === 'wide';
  const header = wide ? [...HEADER, 'VERBS', 'CATEGORIES'] : HEADER;
  let mapper;
  // a config that cannot be used fails before the header
  await ctx.factory.client();
  try {
    // Without --cached the discovery cache is dropped first: always fresh data from the server.
    mapper = await ctx.factory.mapper(1, { invalidate: !ctx.bool('cached') });
  } catch (err) {
    if (output !== 'name' && !ctx.bool('no-headers')) ctx.io.stdout.write(alignRows([header]));
    throw err;
  }
  const list = sorted(mapper.preferred().filter((r) => keep(ctx, r)), sortBy);
  if (output === 'name') {
    ctx.io.stdout.write(list.map((r) => `${r.group === '' ? r.resource : `${r.resource}.${r.group}`}\n`).join(''));
    return 0;
  }
  const rows = list.map((r) => row(r, wide));
  ctx.io.stdout.write(alignRows(ctx.bool('no-headers') ? rows : [header, ...rows]));
  return 0;
}
