// metrics-server's API (metrics.k8s.io/v1beta1, behind the aggregator): nodes and pods, get and
// list with label and field selectors, JSON or Table. The nodes and the Running pods come from the
// API (metrics-server's informers); their usage from the last two scrapes of the kubelets, taken
// every resolution since the serving pod started.
import type { KObject } from '../types.js';
import { notFound, notFoundPath, methodNotSupported } from '../errors.js';
import { writeJson } from '../http/respond.js';
import { wantsTable } from '../http/table.js';
import { matchesLabels, parseLabelSelector } from '../selectors/labels.js';
import { matchesFields, parseFieldSelector } from '../selectors/fields.js';
import { node as nodeD } from '../resources/node.js';
import { pod as podD } from '../resources/pod.js';
import type { ExtensionResource, ProxiedRequest } from '../aggregator/types.js';
import { resourceList } from '../aggregator/discovery.js';
import { metricsTable, nodeMetrics, podMetrics, podTotal } from './objects.js';
import { nodeValues, podValues, scrapeTimes, type NodeValue, type PodValue } from './points.js';
import type { MetricsBackend, NodeMetrics, PodMetrics, ResourceUsage } from './types.js';
import { serverStart } from './server-start.js';

export const GROUP = 'metrics.k8s.io';
export const VERSION = 'v1beta1';

export const METRICS_RESOURCES: ExtensionResource[] = [
  { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
  { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
];

interface Values {
  nodes: Map<string, NodeValue>;
  pods: Map<string, PodValue>;
}

/** The usage of the last two scrapes as of now. */
async function values(p: ProxiedRequest, backend: MetricsBackend | undefined): Promise<Values> {
  const times = scrapeTimes(await serverStart(p.storage, p.server, p.now), p.now);
  const batches = times.map((t) => backend?.scrape(t) ?? []);
  const last = batches[batches.length - 1] ?? [];
  const prev = batches.length > 1 ? batches[0] : undefined;
  return { nodes: nodeValues(last, prev), pods: podValues(last, prev) };
}

/** The label and field selection of a list (fields: metadata.name, and metadata.namespace for pods). */
function selection(q: URLSearchParams, namespaced: boolean): (o: KObject) => boolean {
  const labels = parseLabelSelector(q.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(q.get('fieldSelector') ?? undefined);
  return (o) => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, {
    'metadata.name': o.metadata.name ?? '', ...(namespaced ? { 'metadata.namespace': o.metadata.namespace ?? '' } : {}),
  });
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const running = (o: KObject): boolean => (o.status as { phase?: string } | undefined)?.phase === 'Running';

function respond(p: ProxiedRequest, body: unknown, items: (NodeMetrics | PodMetrics)[], totals: Map<NodeMetrics | PodMetrics, ResourceUsage>): void {
  if (wantsTable(p.req.headers.accept)) writeJson(p.res, 200, metricsTable(items, totals, p.query.get('includeObject') ?? 'Metadata'));
  else writeJson(p.res, 200, body);
}

async function serveNodes(p: ProxiedRequest, backend: MetricsBackend | undefined): Promise<void> {
  const now = p.now;
  if (p.info.name) {
    const n = await p.storage.tryGet(nodeD, undefined, p.info.name);
    if (!n) throw notFound({ group: '', resource: 'node' }, p.info.name);
    const v = (await values(p, backend)).nodes.get(p.info.name);
    if (!v) throw notFound({ group: GROUP, resource: 'nodemetrics' }, p.info.name);
    const m = nodeMetrics(n, v, now);
    return respond(p, m, [m], new Map());
  }
  const nodes = (await p.storage.list(nodeD, undefined, { filter: selection(p.query, false) })).items;
  const vs = (await values(p, backend)).nodes;
  const items = nodes.flatMap((n) => (vs.has(n.metadata.name ?? '') ? [nodeMetrics(n, vs.get(n.metadata.name ?? '')!, now)] : []));
  items.sort((a, b) => cmp(a.metadata.name, b.metadata.name));
  respond(p, { kind: 'NodeMetricsList', apiVersion: `${GROUP}/${VERSION}`, metadata: {}, items }, items, new Map());
}

async function servePods(p: ProxiedRequest, backend: MetricsBackend | undefined): Promise<void> {
  const now = p.now;
  const ns = p.info.namespace;
  if (p.info.name) {
    const pod = await p.storage.tryGet(podD, ns, p.info.name);
    if (!pod || !running(pod)) throw notFound({ group: '', resource: 'pods' }, p.info.name);
    const vs = (await values(p, backend)).pods;
    const v = vs.get(`${ns}/${p.info.name}`);
    if (!v) throw notFound({ group: GROUP, resource: 'podmetrics' }, `${ns}/${p.info.name}`);
    const m = podMetrics(pod, v, now);
    return respond(p, m, [m], new Map([[m, podTotal(m, vs)]]));
  }
  const select = selection(p.query, true);
  const pods = (await p.storage.list(podD, ns || undefined, { filter: (o) => running(o) && select(o) })).items;
  const vs = (await values(p, backend)).pods;
  const key = (o: KObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  const items = pods.flatMap((o) => (vs.has(key(o)) ? [podMetrics(o, vs.get(key(o))!, now)] : []));
  items.sort((a, b) => cmp(a.metadata.namespace, b.metadata.namespace) || cmp(a.metadata.name, b.metadata.name));
  respond(p, { kind: 'PodMetricsList', apiVersion: `${GROUP}/${VERSION}`, metadata: {}, items }, items, new Map(items.map((m) => [m, podTotal(m, vs)])));
}

export async function serveMetrics(p: ProxiedRequest, backend: MetricsBackend | undefined): Promise<void> {
  const info = p.info;
  if (!info.isResourceRequest) return writeJson(p.res, 200, resourceList(GROUP, VERSION, METRICS_RESOURCES));
  const known = (info.resource === 'pods' && (info.namespace || !info.name)) || (info.resource === 'nodes' && !info.namespace);
  if (!known || info.subresource) throw notFoundPath();
  const gr = { group: GROUP, resource: info.resource };
  if (info.verb !== 'get' && info.verb !== 'list') throw methodNotSupported(gr, info.verb);
  return info.resource === 'nodes' ? serveNodes(p, backend) : servePods(p, backend);
}

