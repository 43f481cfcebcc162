// Deployment (apps/v1): deployments.
import { resource, statusSub, scaleSub } from './types.js';

export const deployment = resource({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: { ...scaleSub(), ...statusSub('Deployment') },
  statusSubresource: true,
  tracksGeneration: true,
});
