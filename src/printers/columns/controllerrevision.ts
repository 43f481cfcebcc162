// controllerrevisions (apps/v1): printControllerRevision — NAME CONTROLLER REVISION AGE;
// CONTROLLER is the controlling owner as `<kind>.<group>/<name>` (e.g. daemonset.apps/kube-proxy).
import type { KObject } from '../../api/types.js';
import { ageColumn, column, nameColumn } from './define.js';
import { num } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** metav1.GetControllerOf, formatted as formatResourceName(GroupKind, name, withKind=true). */
export function controllerName(obj: KObject): string {
  const owner = (obj.metadata.ownerReferences ?? []).find((ref) => ref.controller === true);
  if (owner === undefined) return '<none>';
  const apiVersion = owner.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = owner.kind ?? '';
  if (group === '' && kind === '') return owner.name;
  const groupKind = group === '' ? kind : `${kind}.${group}`;
  return `${groupKind.toLowerCase()}/${owner.name}`;
}

export const controllerRevisionColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Controller', 'Controller of the object'),
    column('Revision', 'revision indicates the revision of the state represented by Data.'),
    ageColumn(),
  ],
  cells(rev, { now }) {
    return [rev.metadata.name ?? '', controllerName(rev), num(rev.revision), age(rev, now)];
  },
};
