// rolebindings (rbac.authorization.k8s.io/v1): printRoleBinding — NAME ROLE AGE;
// wide USERS GROUPS SERVICEACCOUNTS (rbac.SubjectsStrings, joined with ", ").
import type { KObject } from '../../api/types.js';
import { ageColumn, column, nameColumn, wideColumn } from './define.js';
import { at, recs, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnDefinition, ColumnSet } from './types.js';

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts, in subject order. */
export function subjectsStrings(binding: KObject): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const subject of recs(binding.subjects)) {
    const kind = str(subject.kind);
    if (kind === 'ServiceAccount') serviceAccounts.push(`${str(subject.namespace)}/${str(subject.name)}`);
    else if (kind === 'User') users.push(str(subject.name));
    else if (kind === 'Group') groups.push(str(subject.name));
  }
  return [users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
}

/** The binding table; `noun` is how upstream's wide descriptions name the kind. */
export function bindingColumns(roleRefDoc: string, noun: string): ColumnSet {
  const columns: ColumnDefinition[] = [
    nameColumn(),
    column('Role', roleRefDoc),
    ageColumn(),
    wideColumn('Users', `Users in the ${noun}`),
    wideColumn('Groups', `Groups in the ${noun}`),
    wideColumn('ServiceAccounts', `ServiceAccounts in the ${noun}`),
  ];
  return {
    columns,
    cells(binding, { now }) {
      const role = `${str(at(binding.roleRef, 'kind'))}/${str(at(binding.roleRef, 'name'))}`;
      return [binding.metadata.name ?? '', role, age(binding, now), ...subjectsStrings(binding)];
    },
  };
}

export const roleBindingColumns: ColumnSet = bindingColumns('RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.', 'roleBinding');
