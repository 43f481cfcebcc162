// The wire form of metrics-server's objects: Go quantities and durations.
import { describe, expect, it } from 'vitest';
import { metricsTable, nodeMetrics, usageOf } from './objects.js';
import { goDuration } from '../../client/go-duration.js';

describe('usageOf', () => {
  it.each([
    [123456789n, 3510272n, { cpu: '123456789n', memory: '3428Ki' }],
    [1_000_000n, 4n * 1048576n, { cpu: '1m', memory: '4Mi' }],
    [0n, 1500n, { cpu: '0', memory: '1500' }],
    [2_000_000_000n, 1073741824n, { cpu: '2', memory: '1Gi' }],
  ])('%s nanocores, %s bytes', (nanoCores, memoryBytes, want) => expect(usageOf({ nanoCores, memoryBytes })).toEqual(want));
});

describe('goDuration', () => {
  it.each([[15000, '15s'], [12345, '12.345s'], [10500, '10.5s'], [60000, '1m0s'], [999, '999ms'], [0, '0s']])('%i ms = %s', (ms, s) => expect(goDuration(ms)).toBe(s));
});

describe('nodeMetrics and its Table', () => {
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01', labels: { a: 'b' } } };
  const m = nodeMetrics(node, { timestamp: Date.UTC(2025, 4, 1, 10, 0, 30, 400), windowMs: 15000, usage: { nanoCores: 52_000_001n, memoryBytes: 1024n * 1048576n } }, Date.UTC(2025, 4, 1, 10, 0, 41, 900));
  it('names the node, stamps now and the sample', () => {
    expect(m).toEqual({
      kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: 'node01', creationTimestamp: '2025-05-01T10:00:41Z', labels: { a: 'b' } },
      timestamp: '2025-05-01T10:00:30Z', window: '15s', usage: { cpu: '52000001n', memory: '1Gi' },
    });
  });
  it('has Name, cpu, memory and Window columns, none for an empty list', () => {
    const t = metricsTable([m], new Map(), 'None') as { columnDefinitions: { name: string }[]; rows: { cells: unknown[] }[] };
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'cpu', 'memory', 'Window']);
    expect(t.rows).toEqual([{ cells: ['node01', '52000001n', '1Gi', '15s'] }]);
    expect(metricsTable([], new Map(), 'Metadata')).toEqual({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: null, rows: null });
  });
});
