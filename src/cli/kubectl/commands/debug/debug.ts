// kubectl debug (POD | TYPE/NAME | -f FILE) [-- COMMAND args…]: an ephemeral debug container in a
// running pod, a copy of the pod with a debug container (--copy-to), or a pod in a node's host
// namespaces (node/NAME) — Complete, Validate, then every object the builder finds, attaching
// to the debug container with -i/--attach.
import type { Ctx } from '../../context.js';
import { Builder } from '../mutate/builder.js';
import { builderEnv } from '../mutate/env.js';
import type { Info } from '../mutate/info.js';
import { complete, type DebugOptions } from './options.js';
import { validate } from './validate.js';
import { visitObject } from './visit.js';

async function visitOne(ctx: Ctx, o: DebugOptions, info: Info): Promise<void> {
  const client = await ctx.factory.client();
  const g = { o, out: (text: string) => ctx.io.stdout.write(text) };
  const { pod, container } = await visitObject(g, client, info);
  if (!o.attach || container === '') return;
  const { attachToDebugContainer } = await import('./attach.js');
  await attachToDebugContainer(ctx, pod, container, { stdin: o.interactive, tty: o.tty, quiet: o.quiet });
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await complete(ctx);
  validate(ctx, o);
  const result = await new Builder(builderEnv(ctx)).withScheme()
    .filenameParam(o.explicitNamespace, { filenames: o.filenames, recursive: false, kustomize: '' })
    .namespaceParam(o.namespace).defaultNamespace().resourceNames('pods', ...o.targetNames)
    .do();
  if (result.err) throw result.err;
  const err = await result.visit((info) => visitOne(ctx, o, info));
  if (err) throw err;
  return 0;
}
