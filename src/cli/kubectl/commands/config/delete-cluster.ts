// kubectl config delete-cluster NAME: removes the cluster from the file that holds it.
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
  if (!cfg.clusters.has(name)) throw new Error(`cannot delete cluster ${name}, not in ${file}`);
  cfg.clusters.delete(name);
  await modifyConfig(access, cfg, true);
  ctx.io.stdout.write(`deleted cluster ${name} from ${file}\n`);
  return 0;
}
