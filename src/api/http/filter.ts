// The label and field selector of a list or watch request, as one predicate.
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { matchesLabels, parseLabelSelector } from '../selectors/labels.js';
import { checkFields, matchesFields, parseFieldSelector } from '../selectors/fields.js';

export function selectableFields(d: ResourceDescriptor, o: KObject): Record<string, string> {
  const base: Record<string, string> = { 'metadata.name': o.metadata.name ?? '' };
  if (d.namespaced) base['metadata.namespace'] = o.metadata.namespace ?? '';
  return { ...base, ...(d.selectableFields?.(o) ?? {}) };
}

export function listFilter(d: ResourceDescriptor, q: URLSearchParams): ((o: KObject) => boolean) | undefined {
  const labels = parseLabelSelector(q.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(q.get('fieldSelector') ?? undefined);
  if (!labels.length && !fields.length) return undefined;
  if (fields.length) {
    const probe = { metadata: {} } as KObject;
    checkFields(fields, new Set(Object.keys(selectableFields(d, probe))));
  }
  return (o) => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, selectableFields(d, o));
}
