// kubectl config delete-context NAME: removes the context from the file that holds it; deleting
// the current context warns and leaves current-context pointing at it.
import type { Ctx } from '../../context.js';
import { configAccess } from './access-from-ctx.js';
import { modifyConfig } from './modify.js';

export async function run(ctx: Ctx): Promise<number> {
  const access = configAccess(ctx);
  const cfg = await access.startingConfig();
  if (ctx.args.length !== 1) {
    ctx.io.stdout.write(ctx.spec.help);
    return 0;
  }
  const file = await access.configFileName();
  const name = ctx.args[0]!;
  if (!cfg.contexts.has(name)) throw new Error(`cannot delete context ${name}, not in ${file}`);
  if (cfg['current-context'] === name) {
    ctx.io.stderr.write('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
  }
  cfg.contexts.delete(name);
  await modifyConfig(access, cfg, true);
  ctx.io.stdout.write(`deleted context ${name} from ${file}\n`);
  return 0;
}
