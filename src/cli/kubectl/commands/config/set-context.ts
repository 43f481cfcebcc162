// kubectl config set-context [NAME | --current]: creates or updates a context with the given
// --cluster, --user and --namespace (an empty value given explicitly clears the field).
import type { Ctx } from '../../context.js';
import { goQuote } from '../../../../printers/jsonpath/gofmt.js';
import { configAccess, goList, helpError } from './access-from-ctx.js';
import { newStruct } from './model.js';
import { modifyConfig } from './modify.js';
import { CONTEXT } from './types.js';

const FIELDS: Array<[flag: string, tag: string]> = [['cluster', 'cluster'], ['user', 'user'], ['namespace', 'namespace']];

function validate(name: string, current: boolean): void {
  if (name === '' && !current) throw new Error('you must specify a non-empty context name or --current');
  if (name !== '' && current) throw new Error('you cannot specify both a context name and --current');
}

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length > 1) throw helpError(ctx, `Unexpected args: ${goList(ctx.args)}`);
  const current = ctx.bool('current');
  validate(ctx.args[0] ?? '', current);
  const access = configAccess(ctx);
  const cfg = await access.startingConfig();
  let name = ctx.args[0] ?? '';
  if (current) {
    if (cfg['current-context'] === '') throw new Error('no current context is set');
    name = cfg['current-context'];
  }
  const existing = cfg.contexts.get(name);
  const context = { ...(existing ?? newStruct(CONTEXT)) };
  for (const [flag, tag] of FIELDS) if (ctx.changed(flag)) context[tag] = ctx.str(flag);
  cfg.contexts.set(name, context);
  await modifyConfig(access, cfg, true);
  ctx.io.stdout.write(`Context ${goQuote(name)} ${existing ? 'modified' : 'created'}.\n`);
  return 0;
}
