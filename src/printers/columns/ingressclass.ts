// ingressclasses (networking.k8s.io/v1): printIngressClass — NAME CONTROLLER PARAMETERS AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { optStr, rec, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** `Kind[.apiGroup]/name` of spec.parameters, `<none>` without parameters. */
function parameters(value: unknown): string {
  if (value === undefined || value === null) return '<none>';
  const p = rec(value);
  const group = optStr(p.apiGroup);
  return `${str(p.kind)}${group === undefined ? '' : `.${group}`}/${str(p.name)}`;
}

export const ingressClassColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Controller', 'Controller that is responsible for handling this class'),
    column('Parameters', 'A reference to a resource with additional parameters'),
    ageColumn(),
  ],
  cells(ic, { now }) {
    const spec = rec(ic.spec);
    return [ic.metadata.name ?? '', str(spec.controller), parameters(spec.parameters), age(ic, now)];
  },
};
