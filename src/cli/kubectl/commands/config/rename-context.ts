// kubectl config rename-context CONTEXT_NAME NEW_NAME: the context moves to the new name (in the
// file that held it) and current-context follows it.
import type { Ctx } from '../../context.js';
import { goQuote } from '../../../../printers/jsonpath/gofmt.js';
import { configAccess, goList, helpError } from './access-from-ctx.js';
import { modifyConfig } from './modify.js';

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length !== 2) throw helpError(ctx, `Unexpected args: ${goList(ctx.args)}`);
  const [from, to] = ctx.args as [string, string];
  if (to === '') throw new Error('You must specify a new non-empty context name');
  const access = configAccess(ctx);
  const cfg = await access.startingConfig();
  const file = await access.configFileName();
  const context = cfg.contexts.get(from);
  if (!context) throw new Error(`cannot rename the context ${goQuote(from)}, it's not in ${file}`);
  if (cfg.contexts.has(to)) throw new Error(`cannot rename the context ${goQuote(from)}, the context ${goQuote(to)} already exists in ${file}`);
  cfg.contexts.set(to, context);
  cfg.contexts.delete(from);
  if (cfg['current-context'] === from) cfg['current-context'] = to;
  await modifyConfig(access, cfg, true);
  ctx.io.stdout.write(`Context ${goQuote(from)} renamed to ${goQuote(to)}.\n`);
  return 0;
}
