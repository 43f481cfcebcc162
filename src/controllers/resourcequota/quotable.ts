// The resources the quota controller watches (GetQuotableResources): every namespaced resource
// the server offers that can be created, listed, watched and deleted, less the ones quota
// ignores (events). From discovery when the manager ran it, else from the apiserver's own table.
// One informer each, shared with the other loops.
import type { ResourceRef } from '../../client/types.js';
import type { DiscoveredResource } from '../../client/discovery.js';
import { RESOURCES } from '../../api/resources/index.js';
import { evaluatorFor } from '../../api/admission/resource-quota-evaluators.js';

const NEEDED = ['create', 'list', 'watch', 'delete'];

const served = (): DiscoveredResource[] => RESOURCES.filter((d) => !d.virtual)
  .map((d) => ({ group: d.group, version: d.version, resource: d.plural, kind: d.kind, namespaced: d.namespaced, verbs: [...d.verbs] }));

export function quotableRefs(discovered?: DiscoveredResource[]): ResourceRef[] {
  const seen = new Set<string>();
  const out: ResourceRef[] = [];
  for (const d of discovered ?? served()) {
    if (!d.namespaced || !NEEDED.every((v) => d.verbs.includes(v)) || !evaluatorFor(d.group, d.resource)) continue;
    const k = `${d.group}/${d.resource}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ group: d.group, version: d.version, resource: d.resource, kind: d.kind, namespaced: true });
  }
  return out;
}
