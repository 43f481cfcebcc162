// kubectl logs: one container's log (or every container's with --all-containers) of a pod, of
// the pod behind TYPE/NAME, or of each pod a selector matches (10 lines each unless --tail),
// optionally followed and prefixed with [pod/name/container].
import type { RestClient } from '../../../../client/rest.js';
import { ApiError, isNotFound } from '../../../../client/types.js';
import { statusOf } from '../../../../client/rest.js';
import type { Ctx } from '../../context.js';
import { objectPath, query } from '../../resource/paths.js';
import { TYPED_ACCEPT, typedGet } from '../../resource/request.js';

import { podFor, podsBySelector, type Pod } from './pods.js';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface Target { pod: Pod; container: string }

function logQuery(ctx: Ctx, container: string, tail: number): string {
  const sinceMs = ctx.int('since');
  return query({
    container,
    follow: ctx.bool('follow') || undefined,
    previous: ctx.bool('previous') || undefined,
    tailLines: tail >= 0 ? tail : undefined,
    sinceSeconds: sinceMs > 0 ? Math.ceil(sinceMs / 1000) : undefined,
    sinceTime: ctx.str('since-time') || undefined,
    timestamps: ctx.bool('timestamps') || undefined,
    limitBytes: ctx.int('limit-bytes') > 0 ? ctx.int('limit-bytes') : undefined,
  });
}

async function stream(client: RestClient, ctx: Ctx, t: Target, tail: number, prefix: boolean): Promise<void> {
  const ns = t.pod.metadata.namespace ?? '';
  const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(t.pod.metadata.name ?? '')}/log${logQuery(ctx, t.container, tail)}`;
  const res = await client.stream(path, TYPED_ACCEPT);
  if ((res.statusCode ?? 0) >= 300) {
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    throw new ApiError(statusOf({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
  }
  const tag = `[pod/${t.pod.metadata.name ?? ''}/${t.container}] `;
  let partial = '';
  for await (const chunk of res) {
    const text = (chunk as Buffer).toString('utf8');
    if (!prefix) { ctx.io.stdout.write(text); continue; }
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) ctx.io.stdout.write(`${tag}${l}\n`);
  }
  if (prefix && partial) ctx.io.stdout.write(`${tag}${partial}`);
}

function allNames(p: Pod): string[] {
  return [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? []), ...(p.spec?.ephemeralContainers ?? [])].map((c) => c.name);
}

function defaultContainer(ctx: Ctx, p: Pod, quiet: boolean): string {
  const containers = (p.spec?.containers ?? []).map((c) => c.name);
  const annotated = p.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const chosen = annotated && allNames(p).includes(annotated) ? annotated : (containers[0] ?? '');
  if (!annotated && !quiet && allNames(p).length > 1) {
    const others = [
      ...containers,
      ...(p.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
      ...(p.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ];
    ctx.io.stderr.write(`Defaulted container "${chosen}" out of: ${others.join(', ')}\n`);
  }
  return chosen;
}

function targetsOf(ctx: Ctx, pod: Pod, container: string, quiet: boolean): Target[] {
  if (ctx.bool('all-containers')) return allNames(pod).map((c) => ({ pod, container: c }));
  if (container) {
    if (!allNames(pod).includes(container)) throw new Error(`container ${container} is not valid for pod ${pod.metadata.name ?? ''}`);
    return [{ pod, container }];
  }
  return [{ pod, container: defaultContainer(ctx, pod, quiet) }];
}

async function podsFromArgs(ctx: Ctx, client: RestClient, ns: string): Promise<{ pods: Pod[]; container: string }> {
  const [first, second] = ctx.args;
  const container = ctx.str('container') || second || '';
  if (!first!.includes('/')) {
    try {
      const pods = await (await ctx.factory.mapper()).resolve('pods');
      const pod = await typedGet<Pod>(client, objectPath(pods, ns, first!));
      return { pods: [pod], container };
    } catch (err) {
      if (isNotFound(err)) throw new Error(`error from server (NotFound): pods "${first!}" not found in namespace "${ns}"`);
      throw err;
    }
  }
  const mapper = await ctx.factory.mapper();
  const at = first!.indexOf('/');
  const r = await mapper.resolve(first!.slice(0, at));
  const { pod, note } = await podFor(client, r, ns, first!.slice(at + 1)).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
    const what = r.group ? `${r.resource}.${r.group}` : r.resource;
    throw new Error(`error from server (NotFound): ${what} "${first!.slice(at + 1)}" not found in namespace "${ns}"`);
  });
  ctx.io.stderr.write(note);
  return { pods: [pod], container };
}

export async function run(ctx: Ctx): Promise<number> {
  const selector = ctx.str('selector');
  if (ctx.args.length === 0 && !selector) throw ctx.usageError(USAGE);
  if (ctx.args.length > 0 && selector) throw ctx.usageError('only a selector (-l) or a POD name is allowed');
  await ctx.factory.mapper(4);
  const client = await ctx.factory.client();
  const { namespace } = await ctx.factory.namespace();
  const bySelector = selector !== '';
  const { pods, container } = bySelector
    ? { pods: await podsBySelector(client, namespace, selector), container: ctx.str('container') }
    : await podsFromArgs(ctx, client, namespace);
  const tail = bySelector && !ctx.changed('tail') ? 10 : ctx.int('tail');
  const targets = pods.flatMap((p) => targetsOf(ctx, p, container, bySelector));
  if (bySelector && targets.length === 0) ctx.io.stderr.write(`No resources found in ${namespace} namespace.\n`);
  const max = ctx.int('max-log-requests');
  if (ctx.bool('follow') && targets.length > max) {
    throw new Error(`you are attempting to follow ${targets.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
  }
  const prefix = ctx.bool('prefix');
  if (ctx.bool('follow') && targets.length > 1) await Promise.all(targets.map((t) => stream(client, ctx, t, tail, prefix)));
  else for (const t of targets) await stream(client, ctx, t, tail, prefix);
  return 0;
}
