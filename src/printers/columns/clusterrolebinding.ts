// clusterrolebindings (rbac.authorization.k8s.io/v1): printClusterRoleBinding — NAME ROLE AGE;
// wide USERS GROUPS SERVICEACCOUNTS.
import { bindingColumns } from './rolebinding.js';
import type { ColumnSet } from './types.js';

export const clusterRoleBindingColumns: ColumnSet = bindingColumns(
  'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.',
  'clusterRoleBinding',
);
