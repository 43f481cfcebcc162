// kubectl cluster-info dump: ClusterInfoDumpOptions' Complete and Run — the nodes, then for each
// namespace (kube-system and the current one, --namespaces, or with -A every one) its events,
// replication controllers, services, daemon sets, deployments, replica sets and pods as typed
// lists, then every pod's container logs; to stdout or files under --output-directory.
import type { RestClient } from '../../../client/rest.js';
import type { Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { requestJson } from '../resource/request.js';
import { printerFor } from './create/options.js';
import { podLogs, type DumpPod } from './cluster-info-dump/logs.js';
import { ListPrinter, listExtension, outputFor } from './cluster-info-dump/sink.js';

type List = Obj & { items?: Obj[] };

/** Per namespace: the file name and the list's path. */
const NAMESPACED: [string, string][] = [
  ['events', 'api/v1/namespaces/NS/events'],
  ['replication-controllers', 'api/v1/namespaces/NS/replicationcontrollers'],
  ['services', 'api/v1/namespaces/NS/services'],
  ['daemonsets', 'apis/apps/v1/namespaces/NS/daemonsets'],
  ['deployments', 'apis/apps/v1/namespaces/NS/deployments'],
  ['replicasets', 'apis/apps/v1/namespaces/NS/replicasets'],
  ['pods', 'api/v1/namespaces/NS/pods'],
];

interface Dump {
  ctx: Ctx;
  client: RestClient;
  printer: ListPrinter;
  dir: string;
  ext: string;
}

function print(d: Dump, name: string, list: List): void {
  const out = outputFor(d.dir, d.ctx.io.stdout, d.ctx.io.cwd, name, d.ext);
  out.write(d.printer.text(list));
}

async function namespaces(ctx: Ctx, client: RestClient, current: string): Promise<string[]> {
  if (ctx.bool('all-namespaces')) {
    const list = await requestJson<List>(client, 'GET', '/api/v1/namespaces');
    return (list.items ?? []).map((n) => n.metadata.name ?? '');
  }
  const given = ctx.list('namespaces');
  return given.length > 0 ? given : ['kube-system', current];
}

async function dumpNamespace(d: Dump, ns: string): Promise<void> {
  let pods: List = { metadata: {} };
  for (const [name, path] of NAMESPACED) {
    const list = await requestJson<List>(d.client, 'GET', `/${path.replace('NS', encodeURIComponent(ns))}`);
    print(d, `${ns}/${name}`, list);
    pods = list;
  }
  for (const pod of (pods.items ?? []) as DumpPod[]) {
    const out = outputFor(d.dir, d.ctx.io.stdout, d.ctx.io.cwd, `${ns}/${pod.metadata.name ?? ''}/logs`, '.txt');
    await podLogs(d.client, pod, out);
  }
}

export async function run(ctx: Ctx): Promise<number> {
  const format = printerFor(ctx, 'none', '');
  const client = await ctx.factory.client();
  if (ctx.int('pod-running-timeout') <= 0) throw new Error('--pod-running-timeout must be higher than zero');
  const { namespace } = await ctx.factory.namespace();
  const d: Dump = { ctx, client, printer: new ListPrinter(format, ctx.bool('show-managed-fields')), dir: ctx.str('output-directory'), ext: listExtension(format) };
  print(d, 'nodes', await requestJson<List>(client, 'GET', '/api/v1/nodes'));
  for (const ns of await namespaces(ctx, client, namespace)) await dumpNamespace(d, ns);
  if (d.dir !== '' && d.dir !== '-') ctx.io.stdout.write(`Cluster info dumped to ${d.dir}\n`);
  return 0;
}
