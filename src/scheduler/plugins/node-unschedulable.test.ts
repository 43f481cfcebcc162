import { describe, expect, it } from 'vitest';
import { makeNode, nodeInfo, podInfo, runFilter } from '../testing.js';
import { nodeUnschedulable } from './node-unschedulable.js';

describe('NodeUnschedulable', () => {
  const cases = [
    { name: 'schedulable node', unschedulable: false, tolerations: [], want: null },
    { name: 'cordoned node', unschedulable: true, tolerations: [], want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] } },
    { name: 'cordoned node, pod tolerates the unschedulable taint', unschedulable: true, tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }], want: null },
    { name: 'cordoned node, toleration of another effect', unschedulable: true, tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }], want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = podInfo('p', { spec: { tolerations: c.tolerations } });
      expect(runFilter(nodeUnschedulable(), pod, nodeInfo(makeNode('n', { unschedulable: c.unschedulable })))).toEqual(c.want);
    });
  }
});
