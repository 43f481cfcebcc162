// Service (core/v1): services.
import { resource, statusSub } from './types.js';

export const service = resource({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  storagePrefix: 'services/specs',
  subresources: { proxy: { kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, ...statusSub('Service') },
  statusSubresource: true,
});
