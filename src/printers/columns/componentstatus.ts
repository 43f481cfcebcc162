// componentstatuses (core/v1): printComponentStatus — NAME STATUS MESSAGE ERROR (no AGE column).
import { column, nameColumn } from './define.js';
import { recs, str } from './fields.js';
import type { ColumnSet } from './types.js';

export const componentStatusColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Status', 'Status of the component conditions'),
    column('Message', 'Message of the component conditions'),
    column('Error', 'Error of the component conditions'),
  ],
  cells(cs) {
    const healthy = recs(cs.conditions).find((c) => str(c.type) === 'Healthy');
    if (healthy === undefined) return [cs.metadata.name ?? '', 'Unknown', '', ''];
    const status = str(healthy.status) === 'True' ? 'Healthy' : 'Unhealthy';
    return [cs.metadata.name ?? '', status, str(healthy.message), str(healthy.error)];
  },
};
