// PersistentVolumeClaim (core/v1): persistentvolumeclaims.
import { resource, statusSub } from './types.js';

export const persistentVolumeClaim = resource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  namespaced: true,
  shortNames: ['pvc'],
  subresources: statusSub('PersistentVolumeClaim'),
  statusSubresource: true,
});
