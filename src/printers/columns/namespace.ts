// namespaces (core/v1): printNamespace — NAME STATUS AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { at, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const namespaceColumns: ColumnSet = {
  columns: [nameColumn(), column('Status', 'The status of the namespace'), ageColumn()],
  cells(ns, { now }) {
    return [ns.metadata.name ?? '', str(at(ns.status, 'phase')), age(ns, now)];
  },
};
