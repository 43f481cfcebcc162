// kubectl top pod [NAME | -l label]: PodMetrics from metrics.k8s.io (one namespace or -A). No
// metrics for pods that exist is `metrics not available yet` while every pod is younger than the
// pipeline's two minutes, the pod and its age after; no pods at all is `No resources found`.
import type { RestClient } from '../../../../client/rest.js';
import { podMetricsText, type PodMetrics } from '../../../../printers/top.js';
import { labelsString, parseLabels } from '../create/label-selector.js';
import type { Ctx } from '../../context.js';
import { query } from '../../resource/paths.js';
import { decodedTyped, requestJson, TYPED_LIST } from '../../resource/request.js';
import { requireMetricsApi } from './metrics-api.js';
import { wallClockNs } from './age.js';
import { goDurationNs } from '../../../../client/go-duration.js';

const METRICS = '/apis/metrics.k8s.io/v1beta1';
/** metricsCreationDelay */
const CREATION_DELAY_MS = 2 * 60_000;

interface Options { name: string; namespace: string; all: boolean; labels: string; fields: string }

async function podMetrics(client: RestClient, o: Options): Promise<PodMetrics[]> {
  const base = o.all ? `${METRICS}/pods` : `${METRICS}/namespaces/${encodeURIComponent(o.namespace)}/pods`;
  if (o.name) return [await decodedTyped(requestJson<PodMetrics>(client, 'GET', `${base}/${encodeURIComponent(o.name)}`))];
  return (await decodedTyped(requestJson<{ items?: PodMetrics[] }>(client, 'GET', base + query({ labelSelector: o.labels, fieldSelector: o.fields }), TYPED_LIST))).items ?? [];
}

interface Pod { metadata: { name?: string; namespace?: string; creationTimestamp?: string } }

/** verifyEmptyMetrics: the pods of the namespace (the command's, even with -A) say why there are none. */
async function verifyEmpty(client: RestClient, o: Options, nowNs: bigint): Promise<void> {
  const path = `/api/v1/namespaces/${encodeURIComponent(o.namespace)}/pods`;
  const pods = (await decodedTyped(requestJson<{ items?: Pod[] }>(client, 'GET', path + query({ labelSelector: o.labels, fieldSelector: o.fields }), TYPED_LIST))).items ?? [];
  if (!pods.length) return;
  for (const p of pods) {
    const age = nowNs - BigInt(Date.parse(p.metadata.creationTimestamp ?? '')) * 1_000_000n;
    if (age > BigInt(CREATION_DELAY_MS) * 1_000_000n) throw new Error(`Metrics not available for pod ${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}, age: ${goDurationNs(age)}`);
  }
  throw new Error('metrics not available yet');
}

export async function runTopPod(ctx: Ctx): Promise<number> {
  if (ctx.args.length > 1) throw ctx.usageError('pod [NAME | -l label]');
  const { namespace } = await ctx.factory.namespace();
  const o: Options = { name: ctx.args[0] ?? '', namespace, all: ctx.bool('all-namespaces'), labels: ctx.str('selector'), fields: ctx.str('field-selector') };
  const sortBy = ctx.str('sort-by');
  const client = await ctx.factory.client();
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new Error('--sort-by accepts only cpu or memory');
  if (o.name && (o.labels || o.fields)) throw new Error('only one of NAME or selector can be provided');
  // RunTopPod: labels.Parse first, and the selector is sent as it prints
  if (o.labels !== '') o.labels = labelsString(parseLabels(o.labels));
  await requireMetricsApi(client);
  const metrics = await podMetrics(client, o);
  if (!metrics.length) {
    await verifyEmpty(client, o, wallClockNs());
    ctx.io.stderr.write(o.all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  ctx.io.stdout.write(podMetricsText(metrics, { containers: ctx.bool('containers'), allNamespaces: o.all, noHeaders: ctx.bool('no-headers'), sortBy, sum: ctx.bool('sum') }));
  return 0;
}
