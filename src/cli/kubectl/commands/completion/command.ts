// kubectl completion SHELL: the script cobra generates for that shell behind kubectl's licence
// boilerplate, byte for byte as the real kubectl v1.32.4 prints it (captured by the spec generator).
import type { Ctx } from '../../context.js';
import { COMPLETION_SCRIPTS } from '../../specs/completion-scripts.js';

export async function run(ctx: Ctx): Promise<number> {
  const args = ctx.args;
  if (args.length === 0) throw ctx.usageError('Shell not specified.');
  if (args.length > 1) throw ctx.usageError('Too many arguments. Expected only the shell type.');
  const shell = args[0]!;
  const script = Object.hasOwn(COMPLETION_SCRIPTS, shell) ? COMPLETION_SCRIPTS[shell] : undefined;
  if (script === undefined) throw ctx.usageError(`Unsupported shell type ${JSON.stringify(shell)}.`);
  ctx.io.stdout.write(script);
  return 0;
}
