// kubectl config get-contexts [NAME…]: the contexts as a table (`*` marks the current one) or,
// with -o name, their names; names not found are reported after the table.
import type { Ctx } from '../../context.js';
import { AggregateError } from '../../errors.js';
import { tabwrite } from '../../../../printers/tabwriter.js';
import { TAB_OPTIONS } from '../../../../printers/table.js';
import { configAccess } from './access-from-ctx.js';
import { str, type Config } from './model.js';

const HEADERS = ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'];

interface Options {
  nameOnly: boolean;
  showHeaders: boolean;
  names: string[];
}

function complete(ctx: Ctx): Options {
  const output = ctx.str('output');
  if (output !== '' && output !== 'name') {
    throw new Error(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
  }
  const nameOnly = output === 'name';
  return { nameOnly, showHeaders: !nameOnly && !ctx.bool('no-headers'), names: ctx.args };
}

function row(cfg: Config, name: string, o: Options): string {
  if (o.nameOnly) return `${name}\n`;
  const c = cfg.contexts.get(name);
  const mark = cfg['current-context'] === name ? '*' : ' ';
  return `${[mark, name, str(c, 'cluster'), str(c, 'user'), str(c, 'namespace')].join('\t')}\n`;
}

export async function run(ctx: Ctx): Promise<number> {
  const o = complete(ctx);
  const cfg = await configAccess(ctx).startingConfig();
  const errors: Error[] = [];
  let names = [...cfg.contexts.keys()];
  if (o.names.length > 0) {
    for (const n of o.names) if (!cfg.contexts.has(n)) errors.push(new Error(`context ${n} not found`));
    names = o.names.filter((n) => cfg.contexts.has(n));
  }
  let text = o.showHeaders ? `${(o.nameOnly ? HEADERS.slice(0, 1) : HEADERS).join('\t')}\n` : '';
  for (const name of names.sort()) text += row(cfg, name, o);
  ctx.io.stdout.write(tabwrite(text, TAB_OPTIONS));
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}
