// RuntimeClass (node.k8s.io/v1): runtimeclasses, cluster-scoped, no generation (upstream's strategy).
import { resource } from './types.js';

export const runtimeClass = resource({
  group: 'node.k8s.io',
  version: 'v1',
  kind: 'RuntimeClass',
  plural: 'runtimeclasses',
  namespaced: false,
});
