// RoleBinding (rbac.authorization.k8s.io/v1): rolebindings.
import { resource } from './types.js';

export const roleBinding = resource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  namespaced: true,
});
