// Namespace (core/v1): namespaces.
import { resource, statusSub } from './types.js';

export const namespace = resource({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  shortNames: ['ns'],
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: { finalize: { kind: 'Namespace', verbs: ['update'] }, ...statusSub('Namespace') },
  statusSubresource: true,
  selectableFields: (o) => ({ 'status.phase': String(((o.status ?? {}) as Record<string, unknown>).phase ?? '') }),
});
