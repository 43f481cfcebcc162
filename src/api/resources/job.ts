// Job (batch/v1): jobs.
import { resource, statusSub } from './types.js';

export const job = resource({
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  namespaced: true,
  categories: ['all'],
  subresources: statusSub('Job'),
  statusSubresource: true,
  tracksGeneration: true,
  selectableFields: (o) => ({ 'status.successful': String(((o.status ?? {}) as Record<string, unknown>).successful ?? 0) }),
});
