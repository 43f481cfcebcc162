// `kubectl create` without a generator: create from -f/-k (the manifest work's runCreateFromFiles,
// which also makes create's own argument checks).
import type { Ctx } from '../../context.js';
import { runCreateFromFiles } from '../create-file/index.js';

export function run(ctx: Ctx): Promise<number> {
  return runCreateFromFiles(ctx);
}
