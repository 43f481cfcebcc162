// ClusterRoleBinding (rbac.authorization.k8s.io/v1): clusterrolebindings.
import { resource } from './types.js';

export const clusterRoleBinding = resource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  namespaced: false,
});
