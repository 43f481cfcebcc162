import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { resourceQuotaColumns } from './resourcequota.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');

describe('resourcequota REQUEST / LIMIT', () => {
  it.each<[string, Record<string, unknown> | undefined, string, string]>([
    ['no status yet', undefined, '', ''],
    [
      'requests and limits split and sorted',
      {
        hard: { pods: '10', 'limits.memory': '2Gi', 'requests.cpu': '1', 'limits.cpu': '2', 'requests.memory': '1Gi' },
        used: { pods: '3', 'requests.cpu': '500m', 'limits.cpu': '1000m', 'requests.memory': '256Mi' },
      },
      'pods: 3/10, requests.cpu: 500m/1, requests.memory: 256Mi/1Gi',
      'limits.cpu: 1/2, limits.memory: 0/2Gi',
    ],
    ['object counts', { hard: { 'count/deployments.apps': '5', configmaps: '10' }, used: { configmaps: '1' } }, 'configmaps: 1/10, count/deployments.apps: 0/5', ''],
  ])('%s', (_name, status, request, limit) => {
    const quota: KObject = { metadata: { name: 'compute', creationTimestamp: '2025-01-15T11:15:00Z' }, ...(status ? { status } : {}) };
    expect(resourceQuotaColumns.cells(quota, { now: NOW })).toEqual(['compute', '45m', request, limit]);
  });
});
