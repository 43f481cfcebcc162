import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity } from './quantity.js';
import { allocatable } from './objects-nodes.js';

describe('quantities', () => {
  it.each([
    ['2', '2'],
    ['2000m', '2'],
    ['1500m', '1500m'],
    ['0.5', '500m'],
    ['4015772Ki', '4015772Ki'],
    ['4096Mi', '4Gi'],
    ['1024', '1024'],
    ['2048Ki', '2Mi'],
    ['1000', '1k'],
    ['110', '110'],
    ['1e3', '1e3'],
  ])('%s prints as %s', (text, canonical) => {
    expect(formatQuantity(parseQuantity(text)!)).toBe(canonical);
  });

  it.each(['abc', '1.2.3', '4GB', '', 'Ki'])('%j is not a quantity', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('allocatable takes kubelet eviction thresholds off, as on a kubeadm node', () => {
    expect(allocatable({ cpu: '2', memory: '4015772Ki', 'ephemeral-storage': '20134592Ki', pods: '110' })).toEqual({
      cpu: '2',
      memory: '3913372Ki',
      'ephemeral-storage': '18556039957',
      pods: '110',
    });
  });
});
