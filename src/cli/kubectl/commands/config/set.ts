// kubectl config set PROPERTY_NAME PROPERTY_VALUE: one field of the kubeconfig, by path.
import type { Ctx } from '../../context.js';
import { goQuote } from '../../../../printers/jsonpath/gofmt.js';
import { configAccess, goList, helpError } from './access-from-ctx.js';
import { modifyConfig } from './modify.js';
import { navigationSteps } from './navigation.js';
import { setProperty } from './set-property.js';
import { panicked } from './panic.js';
import { CONFIG } from './types.js';

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length !== 2) throw helpError(ctx, `Unexpected args: ${goList(ctx.args)}`);
  const [property, value] = ctx.args as [string, string];
  if (value === '') throw new Error('you cannot use set to unset a property');
  if (property === '') throw new Error('you must specify a property');
  const access = configAccess(ctx);
  const cfg = await access.startingConfig();
  const rawBytes = ctx.changed('set-raw-bytes') && ctx.bool('set-raw-bytes');
  const done = panicked(ctx, () => setProperty(cfg, CONFIG, navigationSteps(property), value, { unset: false, rawBytes }));
  if (done !== undefined) return done;
  await modifyConfig(access, cfg, false);
  ctx.io.stdout.write(`Property ${goQuote(property)} set.\n`);
  return 0;
}
