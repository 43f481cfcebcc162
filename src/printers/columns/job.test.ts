import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { cronJobColumns } from './cronjob.js';
import { jobColumns } from './job.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');
const cond = (type: string, status = 'True') => ({ type, status });

function job(spec: Record<string, unknown>, status: Record<string, unknown>, deleting = false): KObject {
  return {
    metadata: { name: 'pi', creationTimestamp: at(600), ...(deleting ? { deletionTimestamp: at(1) } : {}) },
    spec: {
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } },
      template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }] } },
      ...spec,
    },
    status,
  };
}

describe('job STATUS / COMPLETIONS / DURATION', () => {
  it.each<[string, KObject, string, string, string]>([
    ['not started', job({ completions: 1 }, {}), 'Running', '0/1', ''],
    ['running', job({ completions: 3, parallelism: 1 }, { startTime: at(125), succeeded: 1, active: 1 }), 'Running', '1/3', '2m5s'],
    ['complete', job({ completions: 1 }, { startTime: at(300), completionTime: at(290), succeeded: 1, conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }), 'Complete', '1/1', '10s'],
    ['failed', job({ completions: 1 }, { startTime: at(300), failed: 6, conditions: [cond('FailureTarget'), cond('Failed')] }), 'Failed', '0/1', '5m'],
    ['failure target only', job({ completions: 1 }, { startTime: at(30), conditions: [cond('FailureTarget')] }), 'FailureTarget', '0/1', '30s'],
    ['suspended', job({ completions: 1, suspend: true }, { conditions: [cond('Suspended')] }), 'Suspended', '0/1', ''],
    ['a False condition does not count', job({ completions: 1 }, { conditions: [cond('Suspended', 'False')] }), 'Running', '0/1', ''],
    ['terminating', job({ completions: 1 }, { startTime: at(60) }, true), 'Terminating', '0/1', '60s'],
    ['complete wins over terminating', job({ completions: 1 }, { succeeded: 1, conditions: [cond('Complete')] }, true), 'Complete', '1/1', ''],
    ['work queue, parallel', job({ parallelism: 3 }, { succeeded: 2 }), 'Running', '2/1 of 3', ''],
    ['work queue, single', job({ parallelism: 1 }, {}), 'Running', '0/1', ''],
  ])('%s', (_name, j, status, completions, duration) => {
    const cells = jobColumns.cells(j, { now: NOW });
    expect(cells.slice(1, 5)).toEqual([status, completions, duration, '10m']);
    expect(cells.slice(5)).toEqual(['pi', 'perl:5.34', 'batch.kubernetes.io/controller-uid=abc']);
  });
});

describe('cronjob cells', () => {
  function cronJob(spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject {
    return {
      metadata: { name: 'backup', creationTimestamp: at(3 * 86400) },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: { spec: { template: { spec: { containers: [{ name: 'b', image: 'busybox' }] } } } },
        ...spec,
      },
      status,
    };
  }

  it.each<[string, KObject, unknown[]]>([
    ['never scheduled', cronJob({ suspend: false }), ['*/5 * * * *', '<none>', 'False', 0, '<none>', '3d']],
    [
      'active, with time zone',
      cronJob({ suspend: true, timeZone: 'Etc/UTC' }, { active: [{ name: 'backup-1' }], lastScheduleTime: at(75) }),
      ['*/5 * * * *', 'Etc/UTC', 'True', 1, '75s', '3d'],
    ],
    ['suspend unset', cronJob({}), ['*/5 * * * *', '<none>', '<unset>', 0, '<none>', '3d']],
  ])('%s', (_name, cj, want) => {
    const cells = cronJobColumns.cells(cj, { now: NOW });
    expect(cells.slice(1, 7)).toEqual(want);
    expect(cells.slice(7)).toEqual(['b', 'busybox', '<none>']);
  });
});
