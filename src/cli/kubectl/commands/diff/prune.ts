// diff --prune: the objects apply --prune would delete (allowlisted kinds in the visited
// namespaces, carrying a last-applied annotation, not among the files' objects) are written to
// the LIVE side only, so the diff shows them going away.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { klog } from '../../klog.js';
import { requestJson } from '../../resource/request.js';
import { LAST_APPLIED } from '../apply/last-applied.js';
import { parseResources, restMappings, type PruneResource } from '../apply/prune.js';
import { collectionPath, type Info } from '../mutate/info.js';

export class DiffTracker {
  readonly uids = new Set<string>();
  readonly namespaces = new Set<string>();

  markVisited(info: Info, live: Obj | undefined): void {
    if (info.mapping?.namespaced) this.namespaces.add(info.namespace);
    if (live?.metadata?.uid) this.uids.add(live.metadata.uid);
  }
}

export interface DiffPruner {
  resources: PruneResource[];
  selector: string;
  tracker: DiffTracker;
}

export async function newPruner(ctx: Ctx): Promise<DiffPruner> {
  const resources = await parseResources(await ctx.factory.mapper(), ctx.list('prune-allowlist'));
  return { resources, selector: ctx.str('selector'), tracker: new DiffTracker() };
}

function objectName(o: Obj): string {
  const [group, version] = (o.apiVersion ?? '').includes('/') ? (o.apiVersion ?? '').split('/') : ['', o.apiVersion ?? ''];
  return `${group ? `${group}.` : ''}${version}.${o.kind ?? ''}.${o.metadata?.namespace ?? ''}.${o.metadata?.name ?? ''}`;
}

/** pruner.pruneAll: the objects to show as pruned, named as their files are. */
export async function pruneCandidates(ctx: Ctx, p: DiffPruner, namespaceSpecified: boolean): Promise<{ name: string; obj: Obj }[]> {
  const out: { name: string; obj: Obj }[] = [];
  try {
    const { namespaced, cluster } = await restMappings(await ctx.factory.mapper(), p.resources, namespaceSpecified, ctx.io.stderr);
    const client = await ctx.factory.client();
    const q = p.selector ? `?labelSelector=${encodeURIComponent(p.selector)}` : '';
    const scopes = [...[...p.tracker.namespaces].flatMap((ns) => namespaced.map((m) => ({ ns, m }))), ...cluster.map((m) => ({ ns: '', m }))];
    for (const { ns, m } of scopes) {
      const list = await requestJson<{ apiVersion?: string; kind?: string; items?: Obj[] }>(client, 'GET', collectionPath(m, ns || undefined) + q);
      for (const item of list.items ?? []) {
        const obj: Obj = { apiVersion: list.apiVersion ?? m.version, kind: (list.kind ?? '').replace(/List$/, ''), ...item };
        if (!obj.metadata?.annotations || !(LAST_APPLIED in obj.metadata.annotations)) continue;
        if (p.tracker.uids.has(obj.metadata.uid ?? '')) continue;
        out.push({ name: objectName(obj), obj });
      }
    }
  } catch (err) {
    klog(ctx.io.stderr, 'W', 'diff.go:760', `pruning failed and could not be evaluated err: ${(err as Error).message}`);
  }
  return out;
}
