// ReplicationController (core/v1): replicationcontrollers.
import { resource, statusSub, scaleSub } from './types.js';

export const replicationController = resource({
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  plural: 'replicationcontrollers',
  namespaced: true,
  shortNames: ['rc'],
  categories: ['all'],
  storagePrefix: 'controllers',
  subresources: { ...scaleSub(), ...statusSub('ReplicationController') },
  statusSubresource: true,
  tracksGeneration: true,
  selectableFields: (o) => ({ 'status.replicas': String(((o.status ?? {}) as Record<string, unknown>).replicas ?? 0) }),
});
