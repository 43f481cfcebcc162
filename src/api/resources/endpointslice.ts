// EndpointSlice (discovery.k8s.io/v1): endpointslices.
import { resource } from './types.js';

export const endpointSlice = resource({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
});
