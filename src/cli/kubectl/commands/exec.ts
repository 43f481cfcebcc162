// kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]: ExecOptions'
// Complete, Validate and Run — the pod (a workload's most active one), no exec into a completed
// pod, the container (named, annotated default or first, with the `Defaulted container` note),
// the terminal, then the session over the pod's exec subresource.
import type { Ctx } from '../context.js';
import { attachablePod, findOrDefaultContainer } from './exec/pods.js';
import { runSession } from './exec/session.js';
import { setupTerminal } from './exec/terminal.js';

const OLD_FORM = 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead';

interface ExecOptions {
  resource: string;
  command: string[];
  namespace: string;
  timeoutMs: number;
}

async function complete(ctx: Ctx): Promise<ExecOptions> {
  const args = ctx.args;
  const dashAt = ctx.parsed.dashAt;
  const resource = args.length > 0 && dashAt !== 0 ? args[0]! : '';
  if (dashAt < 0 && (args.length > 1 || (args.length > 0 && ctx.list('filename').length > 0))) throw ctx.usageError(OLD_FORM);
  const command = dashAt > -1 ? args.slice(dashAt) : [];
  const { namespace } = await ctx.factory.namespace();
  const timeoutMs = ctx.int('pod-running-timeout');
  if (timeoutMs <= 0) throw ctx.usageError('--pod-running-timeout must be higher than zero');
  return { resource, command, namespace, timeoutMs };
}

function validate(ctx: Ctx, o: ExecOptions): void {
  if (!o.resource && ctx.list('filename').length === 0) throw new Error('pod, type/name or --filename must be specified');
  if (o.command.length === 0) throw new Error('you must specify at least one command for the container');
  if (!o.resource) throw new Error('exec with --filename is not supported by this kubectl; name the pod (POD or TYPE/NAME)');
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await complete(ctx);
  validate(ctx, o);
  const client = await ctx.factory.client();
  const at = o.resource.indexOf('/');
  const r = await (await ctx.factory.mapper()).resolve(at < 0 ? 'pods' : o.resource.slice(0, at));
  const pod = await attachablePod(client, r, o.namespace, at < 0 ? o.resource : o.resource.slice(at + 1), o.timeoutMs);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const quiet = ctx.bool('quiet');
  const container = ctx.str('container') || findOrDefaultContainer(pod, '', quiet, (t) => ctx.io.stderr.write(t), ctx.factory.klog).name;
  const t = setupTerminal(ctx, { stdin: ctx.bool('stdin'), tty: ctx.bool('tty'), quiet });
  await runSession(ctx, client, pod, { subresource: 'exec', container, command: o.command, stdout: true, stderr: !t.raw }, t);
  return 0;
}
