// CSIStorageCapacity (storage.k8s.io/v1): csistoragecapacities, namespaced.
import { resource } from './types.js';

export const csiStorageCapacity = resource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSIStorageCapacity',
  plural: 'csistoragecapacities',
  namespaced: true,
});
