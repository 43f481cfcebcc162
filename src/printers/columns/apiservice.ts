// apiservices (apiregistration.k8s.io/v1): kube-aggregator's ConvertToTable — NAME SERVICE
// AVAILABLE AGE. SERVICE is namespace/name or Local; AVAILABLE the Available condition's status,
// with its reason when it is not True (`False (MissingEndpoints)`), Unknown without one.
import { ageColumn, column, nameColumn } from './define.js';
import { optStr, rec, recs, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

function available(status: unknown): string {
  const c = recs(rec(status).conditions).find((x) => x.type === 'Available');
  if (!c) return 'Unknown';
  const s = str(c.status);
  const reason = optStr(c.reason);
  return s !== 'True' && reason ? `${s} (${reason})` : s;
}

export const apiServiceColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Service', 'The reference to the service that hosts this API endpoint.'),
    column('Available', 'Whether this service is available.'),
    ageColumn(),
  ],
  cells(a, { now }) {
    const svc = rec(a.spec).service;
    const service = svc ? `${str(rec(svc).namespace)}/${str(rec(svc).name)}` : 'Local';
    return [a.metadata.name ?? '', service, available(a.status), age(a, now)];
  },
};
