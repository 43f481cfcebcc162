// csinodes (storage.k8s.io/v1): printCSINode — NAME DRIVERS AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { at, recs } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const csiNodeColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Drivers', 'Drivers indicates the number of CSI drivers registered on the node', { type: 'integer' }),
    ageColumn(),
  ],
  cells(node, { now }) {
    return [node.metadata.name ?? '', recs(at(node.spec, 'drivers')).length, age(node, now)];
  },
};
