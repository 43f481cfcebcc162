// CSINode (storage.k8s.io/v1): csinodes, one per node, created by its kubelet.
import { resource } from './types.js';

export const csiNode = resource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSINode',
  plural: 'csinodes',
  namespaced: false,
});
