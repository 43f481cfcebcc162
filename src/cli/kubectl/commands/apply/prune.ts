// apply --prune (the label-selector form): after applying, every object of the allowlisted kinds
// in the visited namespaces (and the cluster-scoped kinds) that carries a last-applied annotation
// and was not part of this apply is deleted and printed `pruned`.
import type { Obj } from '../../../../client/types.js';
import type { OutStream } from '../../../shared/io.js';
import type { ApiResource, RestMapper } from '../../discovery/mapper.js';
import { klog } from '../../klog.js';
import { requestJson } from '../../resource/request.js';
import { withDryRun } from '../mutate/dry-run.js';
import { collectionPath, objectPath } from '../mutate/info.js';
import { LAST_APPLIED } from './last-applied.js';
import type { ApplyRun } from './state.js';

export interface PruneResource {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

const DEFAULT_NAMESPACED: [string, string, string][] = [
  ['', 'v1', 'ConfigMap'], ['', 'v1', 'Endpoints'], ['', 'v1', 'PersistentVolumeClaim'], ['', 'v1', 'Pod'],
  ['', 'v1', 'ReplicationController'], ['', 'v1', 'Secret'], ['', 'v1', 'Service'], ['batch', 'v1', 'Job'],
  ['batch', 'v1', 'CronJob'], ['networking.k8s.io', 'v1', 'Ingress'], ['apps', 'v1', 'DaemonSet'],
  ['apps', 'v1', 'Deployment'], ['apps', 'v1', 'ReplicaSet'], ['apps', 'v1', 'StatefulSet'],
];
const DEFAULT_CLUSTER: [string, string, string][] = [['', 'v1', 'Namespace'], ['', 'v1', 'PersistentVolume']];

const DEPRECATED = 'Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.';

/** RESTMapping(groupKind, version), refetching discovery on a miss over cached data. */
function restMapping(mapper: RestMapper, group: string, kind: string, version: string): Promise<ApiResource | undefined> {
  return mapper.lookup((m) => m.resources.find((r) => r.group === group && r.kind === kind && r.version === version));
}

/** prune.ParseResources: `group/version/kind` (`core` for the core group). */
export async function parseResources(mapper: RestMapper, gvks: string[]): Promise<PruneResource[]> {
  const out: PruneResource[] = [];
  for (const s of gvks) {
    const parts = s.split('/');
    if (parts.length !== 3) throw new Error(`invalid GroupVersionKind format: ${s}, please follow <group/version/kind>`);
    const group = parts[0] === 'core' ? '' : parts[0]!;
    const m = await restMapping(mapper, group, parts[2]!, parts[1]!);
    if (!m) throw new Error(`no matches for kind ${JSON.stringify(parts[2])} in version ${JSON.stringify(group === '' ? parts[1] : `${group}/${parts[1]}`)}`);
    out.push({ group, version: parts[1]!, kind: parts[2]!, namespaced: m.namespaced });
  }
  return out;
}

/** prune.GetRESTMappings */
export async function restMappings(mapper: RestMapper, resources: PruneResource[], namespaceSpecified: boolean, stderr: OutStream): Promise<{ namespaced: ApiResource[]; cluster: ApiResource[] }> {
  let list = resources;
  if (list.length === 0) {
    list = [...DEFAULT_NAMESPACED.map(([group, version, kind]) => ({ group, version, kind, namespaced: true })),
      ...DEFAULT_CLUSTER.map(([group, version, kind]) => ({ group, version, kind, namespaced: false }))];
    if (namespaceSpecified) klog(stderr, 'W', 'prune.go:71', DEPRECATED);
  }
  const out = { namespaced: [] as ApiResource[], cluster: [] as ApiResource[] };
  for (const r of list) {
    const m = await restMapping(mapper, r.group, r.kind, r.version);
    if (!m) {
      const gv = r.group === '' ? r.version : `${r.group}/${r.version}`;
      throw new Error(`error retrieving RESTMappings to prune: invalid resource ${r.group}/${r.version}, Kind=${r.kind}, Namespaced=${r.namespaced}: no matches for kind ${JSON.stringify(r.kind)} in version ${JSON.stringify(gv)}`);
    }
    (r.namespaced ? out.namespaced : out.cluster).push(m);
  }
  return out;
}

async function pruneOne(run: ApplyRun, namespace: string, m: ApiResource): Promise<void> {
  const q = run.o.selector ? `?labelSelector=${encodeURIComponent(run.o.selector)}` : '';
  const list = await requestJson<{ apiVersion?: string; kind?: string; items?: Obj[] }>(run.client, 'GET', collectionPath(m, namespace || undefined) + q);
  for (const item of list.items ?? []) {
    const obj: Obj = { apiVersion: list.apiVersion ?? m.version, kind: (list.kind ?? '').replace(/List$/, ''), ...item };
    if (!obj.metadata?.annotations || !(LAST_APPLIED in obj.metadata.annotations)) continue;
    if (run.visitedUids.has(obj.metadata.uid ?? '')) continue;
    if (run.o.dryRun !== 'client') {
      const body: Record<string, unknown> = {};
      if (run.o.gracePeriod >= 0) body.gracePeriodSeconds = run.o.gracePeriod;
      body.propagationPolicy = run.o.cascade;
      if (run.o.dryRun === 'server') body.dryRun = ['All'];
      await requestJson(run.client, 'DELETE', objectPath(m, namespace || undefined, obj.metadata.name ?? ''), { body });
    }
    run.io.stdout.write(await run.o.printer().print(obj, withDryRun('pruned', run.o.dryRun)));
  }
}

export async function pruneAll(run: ApplyRun, mapper: RestMapper, resources: PruneResource[]): Promise<void> {
  const { namespaced, cluster } = await restMappings(mapper, resources, run.o.namespace !== '', run.io.stderr);
  for (const ns of run.visitedNamespaces) {
    for (const m of namespaced) {
      try {
        await pruneOne(run, ns, m);
      } catch (err) {
        throw new Error(`error pruning namespaced object ${m.group}/${m.version}, Kind=${m.kind}: ${(err as Error).message}`);
      }
    }
  }
  for (const m of cluster) {
    try {
      await pruneOne(run, '', m);
    } catch (err) {
      throw new Error(`error pruning nonNamespaced object ${m.group}/${m.version}, Kind=${m.kind}: ${(err as Error).message}`);
    }
  }
}
