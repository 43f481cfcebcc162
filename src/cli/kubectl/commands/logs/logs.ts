// kubectl logs: one container's log (or every container's with --all-containers) of a pod, of
// the pod behind TYPE/NAME, or of each pod a selector matches (10 lines each unless --tail),
// optionally followed and prefixed with [pod/name/container].
import type { RestClient } from '../../../../client/rest.js';
import { enhanceListError } from '../../../../client/list-error.js';
import { isNotFound } from '../../../../client/types.js';
import { statusOf } from '../../../../client/rest.js';
import type { Ctx } from '../../context.js';
import { formatRfc3339Utc, parseRfc3339 } from '../../../../printers/gotypes/go-time.js';
import { objectPath, query } from '../../resource/paths.js';
import { TYPED_ACCEPT, typedError, typedGet } from '../../resource/request.js';

import { podFor, podsBySelector, type Pod } from './pods.js';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface Target { pod: Pod; container: string }

/** ToPodLogOptions: the request's options, once the pods are known (--since-time must parse). */
interface LogOptions {
  sinceTime?: string;
  sinceSeconds?: number;
  limitBytes?: number;
  tailLines?: number;
}

/** time.Duration.Round(time.Second), in seconds: halves round away from zero. */
function roundSeconds(ms: number): number {
  const s = Math.floor(Math.abs(ms) / 1000 + 0.5);
  return ms < 0 ? -s : s;
}

function logOptions(ctx: Ctx, bySelector: boolean): LogOptions {
  const o: LogOptions = {};
  const sinceTime = ctx.str('since-time');
  if (sinceTime !== '') {
    const t = parseRfc3339(sinceTime);
    if (!t.ok) throw new Error(t.error);
    o.sinceTime = formatRfc3339Utc(t.epochMs);
  }
  if (ctx.int('limit-bytes') !== 0) o.limitBytes = ctx.int('limit-bytes');
  if (ctx.int('since') !== 0) o.sinceSeconds = roundSeconds(ctx.int('since'));
  const tail = ctx.int('tail');
  if (bySelector && tail === -1 && !ctx.changed('tail')) o.tailLines = 10;
  else if (tail !== -1) o.tailLines = tail;
  return o;
}

/** LogsOptions.Validate for pods, in its order. */
function validate(ctx: Ctx, o: LogOptions, container: string): void {
  if (ctx.str('since-time') !== '' && ctx.int('since') !== 0) throw new Error('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (ctx.int('limit-bytes') < 0) throw new Error('--limit-bytes must be greater than 0');
  if (ctx.bool('all-containers') && container !== '') throw new Error(`--all-containers=true should not be specified with container name ${container}`);
  if (ctx.changed('container') && ctx.args.length === 2) throw new Error('only one of -c or an inline [CONTAINER] arg is allowed');
  if (o.sinceSeconds !== undefined && o.sinceSeconds < 0) throw new Error('--since must be greater than 0');
  if (o.tailLines !== undefined && o.tailLines < -1) throw new Error('--tail must be greater than or equal to -1');
}

/** The query as client-go encodes PodLogOptions: url.Values, so keys in sorted order. */
function logQuery(ctx: Ctx, container: string, o: LogOptions): string {
  return query({
    container,
    follow: ctx.bool('follow') || undefined,
    limitBytes: o.limitBytes,
    previous: ctx.bool('previous') || undefined,
    sinceSeconds: o.sinceSeconds,
    sinceTime: o.sinceTime,
    tailLines: o.tailLines,
    timestamps: ctx.bool('timestamps') || undefined,
  });
}

async function stream(client: RestClient, ctx: Ctx, t: Target, o: LogOptions, prefix: boolean): Promise<void> {
  const ns = t.pod.metadata.namespace ?? '';
  const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(t.pod.metadata.name ?? '')}/log${logQuery(ctx, t.container, o)}`;
  const res = await client.stream(path, TYPED_ACCEPT);
  if ((res.statusCode ?? 0) >= 300) {
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    // the typed clientset's GetLogs: its Status comes back without kind and apiVersion
    throw typedError(statusOf({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
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
  const { pods, note } = await podFor(client, r, ns, first!.slice(at + 1), ctx.bool('all-pods')).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
    const what = r.group ? `${r.resource}.${r.group}` : r.resource;
    throw new Error(`error from server (NotFound): ${what} "${first!.slice(at + 1)}" not found in namespace "${ns}"`);
  });
  ctx.io.stderr.write(note);
  return { pods, container };
}

export async function run(ctx: Ctx): Promise<number> {
  const selector = ctx.str('selector');
  // Complete's switch on the number of arguments
  if ((ctx.args.length === 0 && !selector) || ctx.args.length > 2) throw ctx.usageError(USAGE);
  if (ctx.args.length === 1 && selector) throw ctx.usageError('only a selector (-l) or a POD name is allowed');
  // Complete reads the namespace (ConfirmUsable) before anything asks the server
  const { namespace } = await ctx.factory.namespace();
  // the builder is given both the pod's name and the selector
  if (ctx.args.length === 2 && selector) throw new Error('selectors and the all flag cannot be used when passing resource/name arguments');
  await ctx.factory.mapper(4);
  const client = await ctx.factory.client();
  const bySelector = selector !== '';
  const { pods, container } = bySelector
    ? {
      pods: await podsBySelector(client, namespace, selector).catch((err: unknown) => { throw enhanceListError(err, '/v1, Resource=pods', { labelSelector: selector }); }),
      container: ctx.str('container'),
    }
    : await podsFromArgs(ctx, client, namespace);
  if (bySelector && pods.length === 0) ctx.io.stderr.write(`No resources found in ${namespace} namespace.\n`);
  const options = logOptions(ctx, bySelector);
  validate(ctx, options, container);
  // --all-pods: no "Defaulted container" note, and every line prefixed
  const allPods = ctx.bool('all-pods');
  const targets = pods.flatMap((p) => targetsOf(ctx, p, container, bySelector || allPods));
  const max = ctx.int('max-log-requests');
  if (ctx.bool('follow') && targets.length > max) {
    throw new Error(`you are attempting to follow ${targets.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
  }
  const prefix = ctx.bool('prefix') || allPods;
  if (ctx.bool('follow') && targets.length > 1) await Promise.all(targets.map((t) => stream(client, ctx, t, options, prefix)));
  else for (const t of targets) await stream(client, ctx, t, options, prefix);
  return 0;
}
