// kubectl describe: the resource builder (files, TYPE [NAME…], TYPE/NAME…, -l, -A) with
// ContinueOnError, one describer per kind (src/printers/describe), outputs joined by a blank line
// pair, the name-prefix fallback of `describe TYPE PREFIX`, and every error after the output.
import type { RestClient } from '../../../client/rest.js';
import { describerFor, type DescribeEnv } from '../../../printers/describe/index.js';
import { localZone } from '../../../printers/describe/time.js';
import type { Ctx } from '../context.js';
import type { ApiResource, RestMapper } from '../discovery/mapper.js';
import { requestJson, TYPED_LIST } from '../resource/request.js';
import { Aggregate, reportable } from './mutate/aggregate.js';
import { Builder } from './mutate/builder.js';
import type { BuilderEnv } from './mutate/builder-types.js';
import { builderEnv } from './mutate/env.js';
import { isNotFoundError, type Info } from './mutate/info.js';

const NO_TYPE = 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n';

interface Options {
  namespace: string;
  enforceNamespace: boolean;
  allNamespaces: boolean;
  selector: string;
  chunkSize: number;
}

async function optionsOf(ctx: Ctx): Promise<Options> {
  const { namespace, explicit } = await ctx.factory.namespace();
  const allNamespaces = ctx.bool('all-namespaces');
  return { namespace, enforceNamespace: explicit && !allNamespaces, allNamespaces, selector: ctx.str('selector'), chunkSize: ctx.int('chunk-size') };
}

/**
 * The builder's way to the cluster, with client-go's shortcut-expander warning each time a TYPE
 * argument is a short name two resources share (`ev`: core events win over events.k8s.io).
 */
function describeEnvOf(ctx: Ctx): BuilderEnv {
  const base = builderEnv(ctx);
  const warnOn = (m: RestMapper): RestMapper => Object.assign(Object.create(m) as RestMapper, {
    resolve(arg: string): Promise<ApiResource> {
      const w = m.shortNameWarning(arg);
      if (w) ctx.io.stderr.write(w);
      return m.resolve(arg);
    },
  });
  return { ...base, mapper: async (attempts: number) => warnOn(await base.mapper(attempts)) };
}

/** DescribeOptions.Run's builder. */
function builderFor(ctx: Ctx, o: Options): Builder {
  return new Builder(describeEnvOf(ctx))
    .continueOnError()
    .namespaceParam(o.namespace).defaultNamespace().allNamespaces(o.allNamespaces)
    .filenameParam(o.enforceNamespace, { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') })
    .labelSelectorParam(o.selector)
    .resourceTypeOrNameArgs(true, ...ctx.args)
    .requestChunksOf(o.chunkSize);
}

function envFor(ctx: Ctx, client: RestClient): DescribeEnv {
  return {
    client: { get: (path: string, o?: { list?: boolean }) => requestJson(client, 'GET', path, o?.list === true ? TYPED_LIST : {}) },
    settings: { showEvents: ctx.value('show-events') !== false, chunkSize: ctx.int('chunk-size') },
    now: Date.now(),
    zone: localZone(ctx.io.env.TZ),
  };
}

function describe(env: DescribeEnv, info: Info): Promise<string> {
  if (!info.mapping) throw new Error(`no mapping for ${info.name}`);
  return describerFor(info.mapping)(env, info.namespace, info.name);
}

/** DescribeMatchingResources: every object of the type whose name starts with the prefix. */
async function describeMatching(ctx: Ctx, env: DescribeEnv, o: Options, original: Error): Promise<void> {
  const [resource = '', prefix = ''] = ctx.args;
  const r = await new Builder(describeEnvOf(ctx))
    .namespaceParam(o.namespace).defaultNamespace()
    .resourceTypeOrNameArgs(true, resource)
    .singleResourceType()
    .requestChunksOf(o.chunkSize)
    .do();
  if (r.err) throw reportable(r.err);
  const { infos, error } = await r.infos();
  if (error) throw reportable(error);
  let found = false;
  for (const info of infos) {
    if (!info.name.startsWith(prefix)) continue;
    found = true;
    ctx.io.stdout.write(`${await describe(env, info)}\n`);
  }
  if (!found) throw reportable(original);
}

/** Each object described in turn; a describer's error is kept once per message. */
async function describeAll(ctx: Ctx, env: DescribeEnv, infos: Info[], errors: Error[]): Promise<void> {
  const seen = new Set<string>();
  let first = true;
  for (const info of infos) {
    try {
      const text = await describe(env, info);
      ctx.io.stdout.write(first ? text : `\n\n${text}`);
      first = false;
    } catch (err) {
      const msg = (err as Error).message;
      if (!seen.has(msg)) errors.push(err as Error);
      seen.add(msg);
    }
  }
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await optionsOf(ctx);
  if (ctx.args.length === 0 && ctx.list('filename').length === 0 && ctx.str('kustomize') === '') throw new Error(NO_TYPE);
  const r = await builderFor(ctx, o).do();
  if (r.err) throw reportable(r.err);
  const { infos, error } = await r.infos();
  const env = envFor(ctx, await ctx.factory.client());
  if (error && isNotFoundError(error) && ctx.args.length === 2) {
    await describeMatching(ctx, env, o, error);
    return 0;
  }
  const errors: Error[] = error ? [error] : [];
  await describeAll(ctx, env, infos, errors);
  if (infos.length === 0 && errors.length === 0) {
    ctx.io.stderr.write(o.allNamespaces ? 'No resources found\n' : `No resources found in ${o.namespace} namespace.\n`);
  }
  if (errors.length > 0) throw reportable(new Aggregate(errors));
  return 0;
}
