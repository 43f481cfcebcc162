// Role (rbac.authorization.k8s.io/v1): roles.
import { resource } from './types.js';

export const role = resource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  namespaced: true,
});
