import { describe, expect, it } from 'vitest';
import { Diagnosis, fitErrorMessage } from './diagnosis.js';
import type { Status } from './types.js';

const st = (code: Status['code'], ...reasons: string[]): Status => ({ code, reasons });

describe('fitErrorMessage', () => {
  it('counts reasons and sorts the "<n> <reason>" strings as Go does', () => {
    const d = new Diagnosis();
    d.statuses.set('cp', st('UnschedulableAndUnresolvable', 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'));
    d.statuses.set('w1', st('Unschedulable', 'Insufficient cpu', 'Insufficient memory'));
    d.statuses.set('w2', st('Unschedulable', 'Insufficient cpu'));
    expect(fitErrorMessage(3, d)).toBe('0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.');
  });

  it('sorts counts as text (10 before 9)', () => {
    const d = new Diagnosis();
    for (let i = 0; i < 10; i++) d.statuses.set(`a${i}`, st('Unschedulable', 'Insufficient cpu'));
    for (let i = 0; i < 9; i++) d.statuses.set(`b${i}`, st('Unschedulable', 'Too many pods'));
    expect(fitErrorMessage(19, d)).toBe('0/19 nodes are available: 10 Insufficient cpu, 9 Too many pods.');
  });

  it('puts a PreFilter message instead of the histogram, and appends the PostFilter message', () => {
    const d = new Diagnosis();
    d.absent = st('UnschedulableAndUnresolvable', 'pod has unbound immediate PersistentVolumeClaims');
    d.preFilterMsg = 'pod has unbound immediate PersistentVolumeClaims';
    d.postFilterMsg = 'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
    expect(fitErrorMessage(2, d)).toBe('0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  });

  it('counts nodes absent from the map with the absent status', () => {
    const d = new Diagnosis();
    d.statuses.set('n1', st('UnschedulableAndUnresolvable', 'No preemption victims found for incoming pod'));
    d.absent = st('UnschedulableAndUnresolvable', 'Preemption is not helpful for scheduling');
    expect(fitErrorMessage(3, d)).toBe('0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.');
  });
});
