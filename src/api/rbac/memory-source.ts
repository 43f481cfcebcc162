// An RbacSource over a fixed list of Role, RoleBinding, ClusterRole and ClusterRoleBinding
// objects, told apart by `kind`. Useful for tests and for answering from a snapshot.
import type { KObject } from '../types.js';
import type { RbacSource } from './types.js';

export function memoryRbacSource(objects: readonly KObject[]): RbacSource {
  const ofKind = (kind: string): KObject[] => objects.filter((o) => o.kind === kind);
  const inNamespace = (kind: string, ns: string): KObject[] =>
    ofKind(kind).filter((o) => (o.metadata.namespace ?? '') === ns);
  return {
    roles: (ns) => inNamespace('Role', ns),
    roleBindings: (ns) => inNamespace('RoleBinding', ns),
    clusterRoles: () => ofKind('ClusterRole'),
    clusterRoleBindings: () => ofKind('ClusterRoleBinding'),
  };
}
