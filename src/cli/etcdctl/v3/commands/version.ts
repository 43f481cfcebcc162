// etcdctl version: no server needed, extra arguments ignored.
import type { CommandContext } from '../context.js';
import { API_VERSION, ETCDCTL_VERSION } from '../help.js';

export async function run(ctx: CommandContext): Promise<number> {
  ctx.out(`etcdctl version: ${ETCDCTL_VERSION}\nAPI version: ${API_VERSION}\n`);
  return 0;
}
