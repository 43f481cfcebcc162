// kubectl scale: a merge patch of the scale subresource ({"spec":{"replicas":N}}), or with
// --current-replicas / --resource-version a GET of the scale, the precondition check and a PUT;
// conflicts retried every second; --timeout waits for the status to follow.
import type { RestClient } from '../../../client/rest.js';
import { ApiError, type Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { klog } from '../klog.js';
import { requestJson } from '../resource/request.js';
import { reportable } from './mutate/aggregate.js';
import { Builder } from './mutate/builder.js';
import { dryRunStrategy, withDryRun, writeQuery, type DryRun } from './mutate/dry-run.js';
import { builderEnv } from './mutate/env.js';
import { objectPath, type Info } from './mutate/info.js';
import { ObjectPrinter } from './mutate/printer.js';

interface Precondition {
  size: number;
  resourceVersion: string;
}

interface ScaleBody extends Obj {
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function scaleSimple(client: RestClient, info: Info, replicas: number, pre: Precondition | undefined, dryRun: DryRun): Promise<void> {
  const path = objectPath(info.mapping!, info.namespace || undefined, info.name, 'scale');
  const query = writeQuery({ dryRun: dryRun === 'server' });
  if (!pre) {
    await requestJson(client, 'PATCH', path + query, { body: JSON.stringify({ spec: { replicas } }), contentType: 'application/merge-patch+json' });
    return;
  }
  const scale = await requestJson<ScaleBody>(client, 'GET', path);
  const current = scale.spec?.replicas ?? 0;
  if (pre.size !== -1 && current !== pre.size) throw new Error(`Expected replicas to be ${pre.size}, was ${current}`);
  const rv = scale.metadata?.resourceVersion ?? '';
  if (pre.resourceVersion !== '' && rv !== pre.resourceVersion) throw new Error(`Expected resource version to be ${pre.resourceVersion}, was ${rv}`);
  await requestJson(client, 'PUT', path + query, { body: { ...scale, spec: { ...(scale.spec ?? {}), replicas } } });
}

/** Scale: retried on conflicts (every second, five minutes at most), then the optional wait. */
async function scaleOne(client: RestClient, info: Info, replicas: number, pre: Precondition | undefined, dryRun: DryRun, waitMs: number): Promise<void> {
  const until = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      await scaleSimple(client, info, replicas, pre, dryRun);
      break;
    } catch (err) {
      if (!(err instanceof ApiError && err.status.reason === 'Conflict') || Date.now() > until) throw err;
      await sleep(1000);
    }
  }
  if (waitMs === 0 || dryRun !== 'none') return;
  const deadline = Date.now() + waitMs;
  const path = objectPath(info.mapping!, info.namespace || undefined, info.name, 'scale');
  for (;;) {
    const s = await requestJson<ScaleBody>(client, 'GET', path);
    const spec = s.spec?.replicas ?? 0;
    if (spec !== replicas || (spec === (s.status?.replicas ?? 0) && replicas === spec)) return;
    if (Date.now() + 1000 > deadline) throw new Error(`timed out waiting for ${JSON.stringify(info.name)} to be synced`);
    await sleep(1000);
  }
}

function validate(ctx: Ctx): void {
  if (ctx.int('replicas') < 0) throw new Error('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (ctx.int('current-replicas') < -1) throw new Error('The --current-replicas must specify an integer of -1 or greater');
}

export async function run(ctx: Ctx): Promise<number> {
  if (!ctx.changed('replicas')) {
    klog(ctx.io.stderr, 'E', 'run.go:72', '"command failed" err="required flag(s) \\"replicas\\" not set"');
    return 1;
  }
  const dryRun = dryRunStrategy(ctx);
  const printer = ObjectPrinter.from(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  validate(ctx);
  const result = await new Builder(builderEnv(ctx)).continueOnError().namespaceParam(namespace).defaultNamespace()
    .filenameParam(explicit, { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') })
    .resourceTypeOrNameArgs(ctx.bool('all'), ...ctx.args).labelSelectorParam(ctx.str('selector')).do();
  if (result.err) throw reportable(result.err);
  const { infos, error } = await result.infos();
  const rv = ctx.str('resource-version');
  if (rv !== '' && infos.length > 1) throw new Error('cannot use --resource-version with multiple resources');
  const current = ctx.int('current-replicas');
  const pre = current !== -1 || rv !== '' ? { size: current, resourceVersion: rv } : undefined;
  if (infos.length === 0) throw new Error(error ? `no objects passed to scale ${error.message}` : 'no objects passed to scale');
  const client = await ctx.factory.client();
  for (const info of infos) {
    if (dryRun !== 'client') await scaleOne(client, info, ctx.int('replicas'), pre, dryRun, ctx.int('timeout'));
    ctx.io.stdout.write(await printer.print(info.object!, withDryRun('scaled', dryRun)));
  }
  if (error) throw reportable(error);
  return 0;
}
