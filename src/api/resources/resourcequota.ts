// ResourceQuota (core/v1): resourcequotas.
import { resource, statusSub } from './types.js';

export const resourceQuota = resource({
  group: '',
  version: 'v1',
  kind: 'ResourceQuota',
  plural: 'resourcequotas',
  namespaced: true,
  shortNames: ['quota'],
  subresources: statusSub('ResourceQuota'),
  statusSubresource: true,
});
