// Ingress (networking.k8s.io/v1): ingresses.
import { resource, statusSub } from './types.js';

export const ingress = resource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  namespaced: true,
  shortNames: ['ing'],
  storagePrefix: 'ingress',
  subresources: statusSub('Ingress'),
  statusSubresource: true,
  tracksGeneration: true,
});
