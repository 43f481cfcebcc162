// ReplicaSet (apps/v1): replicasets.
import { resource, statusSub, scaleSub } from './types.js';

export const replicaSet = resource({
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  subresources: { ...scaleSub(), ...statusSub('ReplicaSet') },
  statusSubresource: true,
  tracksGeneration: true,
  selectableFields: (o) => ({ 'status.replicas': String(((o.status ?? {}) as Record<string, unknown>).replicas ?? 0) }),
});
