// kubectl top node [NAME | -l label]: NodeMetrics from metrics.k8s.io, each node's allocatable (or
// capacity with --show-capacity) for the percentages, nodes without metrics shown <unknown>.
import type { RestClient } from '../../../../client/rest.js';
import { nodeMetricsText, type NodeMetrics, type Usage } from '../../../../printers/top.js';
import { labelsString, parseLabels } from '../create/label-selector.js';
import type { Ctx } from '../../context.js';
import { query } from '../../resource/paths.js';
import { decodedTyped, requestJson, TYPED_LIST } from '../../resource/request.js';
import { requireMetricsApi } from './metrics-api.js';

const METRICS = '/apis/metrics.k8s.io/v1beta1';

interface Node { metadata: { name?: string }; status?: { allocatable?: Usage; capacity?: Usage } }

async function nodeMetrics(client: RestClient, name: string, selector: string): Promise<NodeMetrics[]> {
  if (name) return [await decodedTyped(requestJson<NodeMetrics>(client, 'GET', `${METRICS}/nodes/${encodeURIComponent(name)}`))];
  return (await decodedTyped(requestJson<{ items?: NodeMetrics[] }>(client, 'GET', `${METRICS}/nodes${query({ labelSelector: selector })}`, TYPED_LIST))).items ?? [];
}

async function nodes(client: RestClient, name: string, selector: string): Promise<Node[]> {
  if (name) return [await decodedTyped(requestJson<Node>(client, 'GET', `/api/v1/nodes/${encodeURIComponent(name)}`))];
  return (await decodedTyped(requestJson<{ items?: Node[] }>(client, 'GET', `/api/v1/nodes${query({ labelSelector: selector })}`, TYPED_LIST))).items ?? [];
}

export async function runTopNode(ctx: Ctx): Promise<number> {
  if (ctx.args.length > 1) throw ctx.usageError('node [NAME | -l label]');
  const name = ctx.args[0] ?? '';
  const selector = ctx.str('selector');
  const sortBy = ctx.str('sort-by');
  const client = await ctx.factory.client();
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new Error('--sort-by accepts only cpu or memory');
  if (name && selector) throw new Error('only one of NAME or --selector can be provided');
  // RunTopNode: labels.Parse first, and the selector is sent as it prints
  const parsed = selector === '' ? '' : labelsString(parseLabels(selector));
  await requireMetricsApi(client);
  const metrics = await nodeMetrics(client, name, parsed);
  if (!metrics.length) throw new Error('metrics not available yet');
  const capacity = ctx.bool('show-capacity');
  const available = new Map((await nodes(client, name, parsed)).map((n) => [n.metadata.name ?? '', capacity ? n.status?.capacity : n.status?.allocatable]));
  ctx.io.stdout.write(nodeMetricsText(metrics, available, { noHeaders: ctx.bool('no-headers'), sortBy }));
  return 0;
}
