import { describe, expect, it } from 'vitest';
import { CycleState } from '../types.js';
import { makeNode, nodeInfo, podInfo } from '../testing.js';
import { balancedAllocation } from './balanced-allocation.js';

describe('NodeResourcesBalancedAllocation', () => {
  const cases = [
    { name: 'equal shares', cpu: '2', memory: '4Gi', want: 100 },
    { name: 'cpu 50%, memory 0%', cpu: '2', memory: undefined, want: 75 },
    { name: 'cpu 25%, memory 75%', cpu: '1', memory: '6Gi', want: 75 },
    { name: 'over the node counts as 100%', cpu: '8', memory: undefined, want: 50 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = podInfo('p', { cpu: c.cpu, ...(c.memory ? { memory: c.memory } : {}) });
      expect(balancedAllocation().score(new CycleState(), pod, nodeInfo(makeNode('n', { cpu: '4', memory: '8Gi' })))).toBe(c.want);
    });
  }
});
