// PersistentVolume (core/v1): persistentvolumes.
import { resource, statusSub } from './types.js';

export const persistentVolume = resource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  namespaced: false,
  shortNames: ['pv'],
  subresources: statusSub('PersistentVolume'),
  statusSubresource: true,
});
