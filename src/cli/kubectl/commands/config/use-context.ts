// kubectl config use-context CONTEXT_NAME (alias use): sets current-context, which must name a
// context of the merged kubeconfig.
import type { Ctx } from '../../context.js';
import { configAccess, goList, helpError } from './access-from-ctx.js';
import { modifyConfig } from './modify.js';
import { goQuote } from '../../../../printers/jsonpath/gofmt.js';

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length !== 1) throw helpError(ctx, `Unexpected args: ${goList(ctx.args)}`);
  const name = ctx.args[0]!;
  const access = configAccess(ctx);
  const cfg = await access.startingConfig();
  if (name === '') throw new Error('empty context names are not allowed');
  if (!cfg.contexts.has(name)) throw new Error(`no context exists with the name: ${goQuote(name)}`);
  cfg['current-context'] = name;
  await modifyConfig(access, cfg, true);
  ctx.io.stdout.write(`Switched to context ${goQuote(name)}.\n`);
  return 0;
}
