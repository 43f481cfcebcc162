// runtimeclasses (node.k8s.io/v1): printRuntimeClass — NAME HANDLER AGE. Upstream looks the Handler
// description up in ObjectMeta's docs, which have no such key, so it is empty.
import { ageColumn, column, nameColumn } from './define.js';
import { str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const runtimeClassColumns: ColumnSet = {
  columns: [nameColumn(), column('Handler', ''), ageColumn()],
  cells(rc, { now }) {
    return [rc.metadata.name ?? '', str(rc.handler), age(rc, now)];
  },
};
