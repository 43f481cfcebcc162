// `kubectl create` without a generator: only its argument and -f/-k checks live here; creating
// from files is the apply work's.
import type { Ctx } from '../../context.js';

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length > 0) throw ctx.usageError(`Unexpected args: [${ctx.args.join(' ')}]`);
  if (ctx.list('filename').length === 0 && ctx.str('kustomize') === '') throw new Error('must specify one of -f and -k');
  throw new Error(`kubedojo's kubectl does not implement "kubectl create -f" yet`);
}
