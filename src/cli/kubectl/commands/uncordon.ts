// kubectl uncordon: cordon's flow with spec.unschedulable wanted false.
import type { Ctx } from '../context.js';
import { runCordon } from './cordon.js';

export function run(ctx: Ctx): Promise<number> {
  return runCordon(ctx, false);
}
