// Discovery documents built from the resource descriptors: the legacy lists (/api, /apis,
// /api/v1, /apis/<g>/<v>) and the aggregated apidiscovery.k8s.io/v2 form kubectl asks for first.
import type { ResourceDescriptor } from '../resources/types.js';
import { groupVersion } from '../resources/types.js';
import { resourcesOf, servedGroups } from '../resources/index.js';

export const AGGREGATED_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function apiVersions(serverAddress: string): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupEntry(group: string, versions: string[]): unknown {
  const gvs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: gvs, preferredVersion: gvs[0] };
}

export function apiGroupList(extra: readonly ResourceDescriptor[] = []): unknown {
  const groups = servedGroups(extra).filter((g) => g.group !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupEntry(g.group, g.versions)) };
}

export function apiGroup(group: string, extra: readonly ResourceDescriptor[] = []): unknown | undefined {
  const g = servedGroups(extra).find((x) => x.group === group && group !== '');
  return g && { kind: 'APIGroup', apiVersion: 'v1', ...(groupEntry(g.group, g.versions) as object) };
}

function legacyEntries(d: ResourceDescriptor): unknown[] {
  const main: Record<string, unknown> = { name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs };
  if (d.shortNames.length) main.shortNames = d.shortNames;
  if (d.categories.length) main.categories = d.categories;
  const subs = Object.entries(d.subresources).sort(([a], [b]) => a.localeCompare(b)).map(([name, s]) => {
    const e: Record<string, unknown> = { name: `${d.plural}/${name}`, singularName: '', namespaced: d.namespaced };
    if (s.group !== undefined) e.group = s.group;
    if (s.version !== undefined) e.version = s.version;
    return { ...e, kind: s.kind, verbs: s.verbs };
  });
  return [main, ...subs];
}

export function apiResourceList(group: string, version: string, extra: readonly ResourceDescriptor[] = []): unknown | undefined {
  const ds = resourcesOf(group, version, extra);
  if (!ds.length) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion({ group, version }), resources: ds.flatMap(legacyEntries) };
}

function aggregatedResource(d: ResourceDescriptor): unknown {
  const r: Record<string, unknown> = {
    resource: d.plural,
    responseKind: { group: d.group, version: d.version, kind: d.kind },
    scope: d.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: d.singular,
    verbs: d.verbs,
  };
  if (d.shortNames.length) r.shortNames = d.shortNames;
  if (d.categories.length) r.categories = d.categories;
  const subs = Object.entries(d.subresources).sort(([a], [b]) => a.localeCompare(b));
  if (subs.length) {
    r.subresources = subs.map(([name, s]) => ({
      subresource: name,
      responseKind: { group: s.group ?? d.group, version: s.version ?? d.version, kind: s.kind },
      verbs: s.verbs,
    }));
  }
  return r;
}

/** /api (core only) or /apis (every named group) in the aggregated form. */
export function aggregatedDiscovery(core: boolean, extra: readonly ResourceDescriptor[] = []): unknown {
  const groups = servedGroups(extra).filter((g) => (g.group === '') === core);
  const items = groups.map((g) => ({
    metadata: { name: g.group, creationTimestamp: null },
    versions: g.versions.map((v) => ({ version: v, resources: resourcesOf(g.group, v, extra).map(aggregatedResource), freshness: 'Current' })),
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
