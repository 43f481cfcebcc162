// kubectl config unset PROPERTY_NAME: clears one field (or drops one map entry) of the kubeconfig.
import type { Ctx } from '../../context.js';
import { goQuote } from '../../../../printers/jsonpath/gofmt.js';
import { configAccess, goList, helpError } from './access-from-ctx.js';
import { modifyConfig } from './modify.js';
import { navigationSteps } from './navigation.js';
import { panicked } from './panic.js';
import { setProperty } from './set-property.js';
import { CONFIG } from './types.js';

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length !== 1) throw helpError(ctx, `Unexpected args: ${goList(ctx.args)}`);
  const property = ctx.args[0]!;
  if (property === '') throw new Error('you must specify a property');
  const access = configAccess(ctx);
  const cfg = await access.startingConfig();
  const done = panicked(ctx, () => setProperty(cfg, CONFIG, navigationSteps(property), '', { unset: true, rawBytes: true }));
  if (done !== undefined) return done;
  await modifyConfig(access, cfg, false);
  ctx.io.stdout.write(`Property ${goQuote(property)} unset.\n`);
  return 0;
}
