// Lease (coordination.k8s.io/v1): leases.
import { resource } from './types.js';

export const lease = resource({
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  namespaced: true,
});
