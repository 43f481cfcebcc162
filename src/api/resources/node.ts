// Node (core/v1): nodes.
import { resource, statusSub } from './types.js';

export const node = resource({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
  shortNames: ['no'],
  storagePrefix: 'minions',
  subresources: { proxy: { kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, ...statusSub('Node') },
  statusSubresource: true,
  selectableFields: (o) => ({ 'spec.unschedulable': String(((o.spec ?? {}) as Record<string, unknown>).unschedulable ?? false) }),
});
