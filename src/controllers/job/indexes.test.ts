import { describe, expect, it } from 'vitest';
import { firstPendingIndexes, formatIndexes, parseIndexes, withIndexes } from './indexes.js';
import { generateNameWithIndex, podsForRemoval } from './manage.js';
import { newJob } from './testing.js';
import type { Pod } from './types.js';

const pod = (name: string, ix?: number, extra: Partial<Pod> = {}): Pod => ({
  metadata: { name, ...(ix === undefined ? {} : { annotations: { 'batch.kubernetes.io/job-completion-index': String(ix) } }), creationTimestamp: '2026-01-01T00:00:00Z' },
  ...extra,
});

describe('completed indexes', () => {
  it.each([
    ['', 10, ''],
    ['0', 10, '0'],
    ['0,1', 10, '0,1'],
    ['0-2,4', 10, '0-2,4'],
    ['0,1,2,3', 10, '0-3'],
    ['1-3,7-9', 5, '1-3'],
    ['3-9', 5, '3,4'],
    ['x,2', 5, '2'],
  ])('%j with completions %i reads back as %j', (s, completions, want) => {
    expect(formatIndexes(parseIndexes(s, completions))).toBe(want);
  });

  it('merges new indexes into intervals', () => {
    expect(formatIndexes(withIndexes(parseIndexes('0-2,6', 10), [3, 5, 8]))).toBe('0-3,5,6,8');
  });

  it('picks the first indexes neither running nor done', () => {
    expect(firstPendingIndexes([pod('a', 1), pod('b', 4)], parseIndexes('0,2', 10), 3, 6)).toEqual([3, 5]);
    expect(firstPendingIndexes([], [], 2, 5)).toEqual([0, 1]);
  });

  it('names pods <job>-<index>- within 58 characters', () => {
    expect(generateNameWithIndex('pi', 3)).toBe('pi-3-');
    expect(generateNameWithIndex('x'.repeat(60), 12)).toBe(`${'x'.repeat(54)}-12-`);
  });
});

describe('pods chosen for removal', () => {
  it('drops duplicates and out-of-range or unindexed pods of an Indexed Job first', () => {
    const job = newJob('pi', { completionMode: 'Indexed', completions: 3 });
    const running = { spec: { nodeName: 'n' }, status: { phase: 'Running' } };
    const pods = [pod('a', 0, running), pod('b', 0), pod('c', 5), pod('d'), pod('e', 1)];
    expect(podsForRemoval(job, pods, 0).map((p) => p.metadata.name).sort()).toEqual(['b', 'c', 'd']);
  });

  it('prefers unscheduled, then pending, then not-ready pods', () => {
    const job = newJob('pi', { parallelism: 5, completions: 10 });
    const pods = [
      pod('ready', undefined, { spec: { nodeName: 'n' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }),
      pod('running', undefined, { spec: { nodeName: 'n' }, status: { phase: 'Running' } }),
      pod('pending', undefined, { spec: { nodeName: 'n' }, status: { phase: 'Pending' } }),
      pod('unscheduled', undefined, { status: { phase: 'Pending' } }),
    ];
    expect(podsForRemoval(job, pods, 3).map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending', 'running']);
  });
});
