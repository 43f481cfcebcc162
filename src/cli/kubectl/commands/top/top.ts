// kubectl top node|pod: resource usage from the metrics.k8s.io API (metrics-server) in kubectl's
// columns; a cluster without that API gets `error: Metrics API not available`, as the real one.
import type { RestClient } from '../../../../client/rest.js';
import { nodeTable, podTable, type NodeMetrics, type PodMetrics, type Usage } from '../../../../printers/top.js';
import type { Ctx } from '../../context.js';
import { query } from '../../resource/paths.js';
import { requestJson } from '../../resource/request.js';

const METRICS = '/apis/metrics.k8s.io/v1beta1';

async function requireMetricsApi(client: RestClient): Promise<void> {
  await requestJson(client, 'GET', '/api');
  const groups = await requestJson<{ groups?: { name: string }[] }>(client, 'GET', '/apis');
  if (!(groups.groups ?? []).some((g) => g.name === 'metrics.k8s.io')) throw new Error('Metrics API not available');
}

function byUsage<T>(items: T[], sortBy: string, usage: (t: T) => Usage): T[] {
  if (sortBy !== 'cpu' && sortBy !== 'memory') return items;
  const num = (t: T): number => Number.parseFloat(usage(t)[sortBy] ?? '0') || 0;
  return [...items].sort((a, b) => num(b) - num(a));
}

async function topNodes(ctx: Ctx, client: RestClient): Promise<number> {
  const name = ctx.args[0];
  const selector = ctx.str('selector');
  const metrics = name
    ? [await requestJson<NodeMetrics>(client, 'GET', `${METRICS}/nodes/${encodeURIComponent(name)}`)]
    : (await requestJson<{ items: NodeMetrics[] }>(client, 'GET', `${METRICS}/nodes${query({ labelSelector: selector })}`)).items;
  const nodes = (await requestJson<{ items: { metadata: { name?: string }; status?: { allocatable?: Usage; capacity?: Usage } }[] }>(client, 'GET', `/api/v1/nodes${query({ labelSelector: selector })}`)).items;
  const totals = new Map(nodes.map((n) => [n.metadata.name ?? '', (ctx.bool('show-capacity') ? n.status?.capacity : n.status?.allocatable) ?? {}]));
  const seen = new Set(metrics.map((m) => m.metadata.name));
  const missing = name ? [] : nodes.map((n) => n.metadata.name ?? '').filter((n) => !seen.has(n));
  ctx.io.stdout.write(nodeTable(byUsage(metrics, ctx.str('sort-by'), (m) => m.usage ?? {}), totals, missing, ctx.bool('no-headers')));
  return 0;
}

async function topPods(ctx: Ctx, client: RestClient): Promise<number> {
  const all = ctx.bool('all-namespaces');
  const { namespace } = await ctx.factory.namespace();
  const base = all ? `${METRICS}/pods` : `${METRICS}/namespaces/${encodeURIComponent(namespace)}/pods`;
  const name = ctx.args[0];
  const metrics = name
    ? [await requestJson<PodMetrics>(client, 'GET', `${base}/${encodeURIComponent(name)}`)]
    : (await requestJson<{ items: PodMetrics[] }>(client, 'GET', base + query({ labelSelector: ctx.str('selector'), fieldSelector: ctx.str('field-selector') }))).items;
  if (metrics.length === 0) {
    throw new Error(all ? 'No resources found' : `No resources found in ${namespace} namespace.`);
  }
  const cpuOf = (m: PodMetrics): Usage => ({ [ctx.str('sort-by')]: String((m.containers ?? []).reduce((a, c) => a + (Number.parseFloat(c.usage?.[ctx.str('sort-by') as keyof Usage] ?? '0') || 0), 0)) });
  ctx.io.stdout.write(podTable(byUsage(metrics, ctx.str('sort-by'), cpuOf), { allNamespaces: all, containers: ctx.bool('containers'), noHeaders: ctx.bool('no-headers') }));
  return 0;
}

export async function run(ctx: Ctx): Promise<number> {
  const client = await ctx.factory.client();
  await requireMetricsApi(client);
  return ctx.spec.path[1] === 'node' ? topNodes(ctx, client) : topPods(ctx, client);
}
