// Discovery as client-go's ServerPreferredResources: /api/v1 and every group's preferred version
// under /apis, giving the resources (not subresources) with their scope and verbs.
import type { RestClient } from './rest.js';
import type { ResourceRef } from './types.js';

export interface DiscoveredResource extends ResourceRef {
  verbs: string[];
}

interface APIResourceList {
  groupVersion: string;
  resources: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[];
}

interface APIGroupList {
  groups: { name: string; preferredVersion?: { version: string }; versions: { version: string }[] }[];
}

async function getJson<T>(c: RestClient, path: string): Promise<T> {
  const r = await c.raw('GET', path);
  if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}`);
  return JSON.parse(r.body) as T;
}

function resourcesOf(list: APIResourceList): DiscoveredResource[] {
  const [group, version] = list.groupVersion.includes('/') ? list.groupVersion.split('/') as [string, string] : ['', list.groupVersion];
  return list.resources
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({ group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced, verbs: r.verbs ?? [] }));
}

export async function serverPreferredResources(c: RestClient): Promise<DiscoveredResource[]> {
  const out = resourcesOf(await getJson<APIResourceList>(c, '/api/v1'));
  const groups = await getJson<APIGroupList>(c, '/apis');
  const lists = await Promise.all(groups.groups.map((g) => {
    const v = g.preferredVersion?.version ?? g.versions[0]?.version;
    // A group that fails (an aggregated APIService that is down) is left out, as client-go's
    // partial result with ErrGroupDiscoveryFailed leaves it.
    return v ? getJson<APIResourceList>(c, `/apis/${g.name}/${v}`).catch(() => undefined) : undefined;
  }));
  for (const l of lists) if (l) out.push(...resourcesOf(l));
  return out;
}
