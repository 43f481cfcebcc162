// kubectl config get-users: NAME, then the users sorted.
import type { Ctx } from '../../context.js';
import { configAccess } from './access-from-ctx.js';

export async function run(ctx: Ctx): Promise<number> {
  const cfg = await configAccess(ctx).startingConfig();
  const names = [...cfg.users.keys()].sort();
  ctx.io.stdout.write(['NAME', ...names].map((n) => `${n}\n`).join(''));
  return 0;
}
