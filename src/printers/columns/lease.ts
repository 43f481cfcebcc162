// leases (coordination.k8s.io/v1): printLease — NAME HOLDER AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { at, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const leaseColumns: ColumnSet = {
  columns: [nameColumn(), column('Holder', 'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.'), ageColumn()],
  cells(lease, { now }) {
    return [lease.metadata.name ?? '', str(at(lease.spec, 'holderIdentity')), age(lease, now)];
  },
};
