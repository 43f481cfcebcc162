// The ConfigAccess of a `kubectl config` command: --kubeconfig, $KUBECONFIG and $HOME as the
// command sees them.
import type { Ctx } from '../../context.js';
import { ConfigAccess } from './access.js';

export function configAccess(ctx: Ctx): ConfigAccess {
  const onLoad = (file: string): void => ctx.factory.klog.info(6, 'loader.go:402', `Config loaded from file:  ${file}`);
  return new ConfigAccess({ explicitPath: ctx.str('kubeconfig'), env: ctx.io.env, cwd: ctx.io.cwd, onLoad });
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
