// ClusterRole (rbac.authorization.k8s.io/v1): clusterroles.
import { resource } from './types.js';

export const clusterRole = resource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  namespaced: false,
});
