// kubectl config delete-user NAME: removes the user from the file that holds it.
import type { Ctx } from '../../context.js';
import { configAccess } from './access-from-ctx.js';
import { modifyConfig } from './modify.js';

export async function run(ctx: Ctx): Promise<number> {
  const access = configAccess(ctx);
  const cfg = await access.startingConfig();
  if (ctx.args.length !== 1) throw ctx.usageError('user to delete is required');
  const name = ctx.args[0]!;
  const file = await access.configFileName();
  if (!cfg.users.has(name)) throw new Error(`cannot delete user ${name}, not in ${file}`);
  cfg.users.delete(name);
  await modifyConfig(access, cfg, true);
  ctx.io.stdout.write(`deleted user ${name} from ${file}\n`);
  return 0;
}
