// Discovery of the aggregated group-versions, merged into the server's own: the legacy group list
// and /apis/<group> list every APIService (available or not, as kube-aggregator's apisHandler
// does); the aggregated document lists each version with the resources its server gave, marked
// Stale while the APIService is unavailable (no resources if it never answered).
import type { ExtensionResource, Registration } from './types.js';

interface GroupEntry {
  name: string;
  versions: { groupVersion: string; version: string }[];
  preferredVersion: { groupVersion: string; version: string };
}

/** The registrations grouped by API group, in priority order. */
function byGroup(regs: Registration[]): Map<string, Registration[]> {
  const out = new Map<string, Registration[]>();
  for (const r of regs) if (r.group) (out.get(r.group) ?? out.set(r.group, []).get(r.group)!).push(r);
  return out;
}

function groupEntry(group: string, regs: Registration[]): GroupEntry {
  const versions = regs.map((r) => ({ groupVersion: `${group}/${r.version}`, version: r.version }));
  return { name: group, versions, preferredVersion: versions[0]! };
}

/** The legacy APIGroupList with the aggregated groups after the server's own. */
export function withAggregatedGroups(list: { groups: unknown[] }, regs: Registration[]): unknown {
  const own = new Set(list.groups.map((g) => (g as { name: string }).name));
  const extra = [...byGroup(regs)].filter(([g]) => !own.has(g)).map(([g, rs]) => groupEntry(g, rs));
  return { ...list, groups: [...list.groups, ...extra] };
}

/** /apis/<group> for an aggregated group, or undefined. */
export function aggregatedGroup(group: string, regs: Registration[]): unknown | undefined {
  const rs = byGroup(regs).get(group);
  return rs && { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, rs) };
}

function resourceEntry(group: string, version: string, r: ExtensionResource): unknown {
  return { resource: r.name, responseKind: { group, version, kind: r.kind }, scope: r.namespaced ? 'Namespaced' : 'Cluster', singularResource: r.singularName, verbs: r.verbs };
}

function versionEntry(r: Registration): unknown {
  const listed = r.extension && (r.available || r.discovered);
  const resources = listed ? r.extension!.resources.map((x) => resourceEntry(r.group, r.version, x)) : [];
  return { version: r.version, ...(resources.length ? { resources } : {}), freshness: r.available ? 'Current' : 'Stale' };
}

/** The aggregated APIGroupDiscoveryList of /apis with the aggregated groups after the server's own. */
export function withAggregatedDiscovery(doc: { items: unknown[] }, regs: Registration[]): unknown {
  const own = new Set(doc.items.map((i) => (i as { metadata: { name: string } }).metadata.name));
  const extra = [...byGroup(regs)].filter(([g]) => !own.has(g)).map(([g, rs]) => ({ metadata: { name: g, creationTimestamp: null }, versions: rs.map(versionEntry) }));
  return { ...doc, items: [...doc.items, ...extra] };
}

/** The extension server's APIResourceList for /apis/<group>/<version>. */
export function resourceList(group: string, version: string, resources: ExtensionResource[]): unknown {
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group}/${version}`, resources };
}
