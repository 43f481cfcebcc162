// kubectl kustomize [DIR]: the kustomization built and printed; failures reported as cobra's
// RunE errors are (through klog's "command failed").
import type { Ctx } from '../context.js';
import { kustomizeBuild } from '../kustomize/build.js';
import { commandFailed } from './create/options.js';

export async function run(ctx: Ctx): Promise<number> {
  try {
    if (ctx.args.length > 1) throw new Error('specify one path to kustomization.yaml');
    const out = kustomizeBuild(ctx.args[0] ?? '.', ctx.io.cwd, (line) => ctx.io.stderr.write(`${line}\n`));
    ctx.io.stdout.write(out);
    return 0;
  } catch (err) {
    throw commandFailed((err as Error).message);
  }
}
