// kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]: ExecOptions'
// Complete, Validate and Run — the pod (a workload's most active one), no exec into a completed
// pod, the container (named, annotated default or first, with the `Defaulted container` note),
// the terminal, then the session over the pod's exec subresource.
import type { Ctx } from '../context.js';
import type { RestClient } from '../../../client/rest.js';
import { Builder } from './mutate/builder.js';
import { builderEnv } from './mutate/env.js';
import type { Info } from './mutate/info.js';
import { attachablePod, findOrDefaultContainer, podForObject, type Pod } from './exec/pods.js';
import { runSession } from './exec/session.js';
import { setupTerminal } from './exec/terminal.js';

const OLD_FORM = 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead';

interface ExecOptions {
  resource: string;
  filenames: string[];
  command: string[];
  namespace: string;
  explicitNamespace: boolean;
  timeoutMs: number;
}

async function complete(ctx: Ctx): Promise<ExecOptions> {
  const args = ctx.args;
  const dashAt = ctx.parsed.dashAt;
  const resource = args.length > 0 && dashAt !== 0 ? args[0]! : '';
  if (dashAt < 0 && (args.length > 1 || (args.length > 0 && ctx.list('filename').length > 0))) throw ctx.usageError(OLD_FORM);
  const command = dashAt > -1 ? args.slice(dashAt) : [];
  const { namespace, explicit } = await ctx.factory.namespace();
  const timeoutMs = ctx.int('pod-running-timeout');
  if (timeoutMs <= 0) throw ctx.usageError('--pod-running-timeout must be higher than zero');
  return { resource, filenames: ctx.list('filename'), command, namespace, explicitNamespace: explicit, timeoutMs };
}

function validate(o: ExecOptions): void {
  if (!o.resource && o.filenames.length === 0) throw new Error('pod, type/name or --filename must be specified');
  if (o.command.length === 0) throw new Error('you must specify at least one command for the container');
}

/**
 * The builder's one object: -f's object as the file has it (not fetched), or POD / TYPE/NAME
 * from the server; then the pod it leads to.
 */
async function targetPod(ctx: Ctx, client: RestClient, o: ExecOptions): Promise<Pod> {
  if (o.filenames.length === 0) {
    const at = o.resource.indexOf('/');
    const r = await (await ctx.factory.mapper()).resolve(at < 0 ? 'pods' : o.resource.slice(0, at));
    return attachablePod(client, r, o.namespace, o.resource.slice(at + 1), o.timeoutMs);
  }
  const b = new Builder(builderEnv(ctx)).filenameParam(o.explicitNamespace, { filenames: o.filenames, recursive: false, kustomize: '' })
    .namespaceParam(o.namespace).defaultNamespace();
  if (o.resource) b.resourceNames('pods', o.resource);
  const result = await b.do();
  if (result.err) throw result.err;
  const infos: Info[] = [];
  const err = await result.visit(async (info) => void infos.push(info));
  if (err) throw err;
  const [only] = infos;
  if (infos.length !== 1 || !result.singleItemImplied || !only?.object || !only.mapping) throw new Error('cannot exec into multiple objects at a time');
  return podForObject(client, only.object as Pod, only.mapping, only.namespace, o.timeoutMs);
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await complete(ctx);
  validate(o);
  const client = await ctx.factory.client();
  const pod = await targetPod(ctx, client, o);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const quiet = ctx.bool('quiet');
  const container = ctx.str('container') || findOrDefaultContainer(pod, '', quiet, (t) => ctx.io.stderr.write(t), ctx.factory.klog).name;
  const t = setupTerminal(ctx, { stdin: ctx.bool('stdin'), tty: ctx.bool('tty'), quiet });
  await runSession(ctx, client, pod, { subresource: 'exec', container, command: o.command, stdout: true, stderr: !t.raw }, t);
  return 0;
}
