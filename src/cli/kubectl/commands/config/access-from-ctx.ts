// The ConfigAccess of a `kubectl config` command: --kubeconfig, $KUBECONFIG and $HOME as the
// command sees them.
import type { Ctx } from '../../context.js';
import { ConfigAccess } from './access.js';

export function configAccess(ctx: Ctx): ConfigAccess {
  return new ConfigAccess({ explicitPath: ctx.str('kubeconfig'), env: ctx.io.env, cwd: ctx.io.cwd });
}

/** cmd.Help() then the error (helpErrorf): the help goes to stdout, the error to the sink. */
export function helpError(ctx: Ctx, message: string): Error {
  ctx.io.stdout.write(ctx.spec.help);
  return new Error(message);
}

/** Go's %v of a []string: `[a b]`. */
export function goList(items: string[]): string {
  return `[${items.join(' ')}]`;
}
