// The apiserver's default table (k8s.io/apiserver pkg/registry/rest/table.go) for resources without
// a printer — roles, clusterroles, limitranges, CRDs…: NAME and "Created At" (RFC 3339, UTC).
import { AGE_DOC, column, nameColumn } from './define.js';
import { rfc3339 } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const defaultColumns: ColumnSet = {
  columns: [nameColumn(), column('Created At', AGE_DOC, { type: 'date' })],
  cells(obj) {
    return [obj.metadata.name ?? '', rfc3339(obj.metadata.creationTimestamp)];
  },
};
