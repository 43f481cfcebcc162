// StorageClass (storage.k8s.io/v1): storageclasses.
import { resource } from './types.js';

export const storageClass = resource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  namespaced: false,
  shortNames: ['sc'],
});
