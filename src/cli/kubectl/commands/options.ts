// kubectl options: the global flags every command accepts.
import type { Ctx } from '../context.js';
import { OPTIONS_HELP } from '../specs/index.js';
import { withHome } from './help.js';

export async function run(ctx: Ctx): Promise<number> {
  ctx.io.stdout.write(withHome(OPTIONS_HELP, ctx.io.env.HOME ?? ''));
  return 0;
}
