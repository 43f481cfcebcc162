import { describe, expect, it } from 'vitest';
import { CycleState } from '../types.js';
import { makeNode, nodeInfo, podInfo, runFilter } from '../testing.js';
import { taintToleration } from './taint-toleration.js';

const untolerated = (kv: string) => ({ code: 'UnschedulableAndUnresolvable', reasons: [`node(s) had untolerated taint {${kv}}`] });

describe('TaintToleration filter', () => {
  const cases = [
    { name: 'no taints', taints: [], tolerations: [], want: null },
    { name: 'NoSchedule taint without value', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], tolerations: [], want: untolerated('node-role.kubernetes.io/control-plane: ') },
    { name: 'NoExecute taint with value', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }], tolerations: [], want: untolerated('dedicated: gpu') },
    { name: 'PreferNoSchedule does not filter', taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }], tolerations: [], want: null },
    { name: 'Equal toleration', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }], want: null },
    { name: 'wrong value', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', value: 'cpu' }], want: untolerated('dedicated: gpu') },
    { name: 'Exists with empty key tolerates all', taints: [{ key: 'a', value: 'b', effect: 'NoExecute' }], tolerations: [{ operator: 'Exists' }], want: null },
    { name: 'first untolerated taint reported', taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', value: '1', effect: 'NoSchedule' }], tolerations: [{ key: 'a', operator: 'Exists' }], want: untolerated('b: 1') },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(runFilter(taintToleration(), podInfo('p', { spec: { tolerations: c.tolerations } }), nodeInfo(makeNode('n', { taints: c.taints })))).toEqual(c.want);
    });
  }
});

describe('TaintToleration score', () => {
  it('prefers nodes with fewer untolerated PreferNoSchedule taints (reverse-normalised)', () => {
    const pl = taintToleration();
    const pod = podInfo('p', { spec: { tolerations: [{ key: 'ok', operator: 'Exists', effect: 'PreferNoSchedule' }] } });
    const nodes = [
      nodeInfo(makeNode('clean')),
      nodeInfo(makeNode('one', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }, { key: 'ok', effect: 'PreferNoSchedule' }] })),
      nodeInfo(makeNode('two', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }, { key: 'y', effect: 'PreferNoSchedule' }] })),
    ];
    const state = new CycleState();
    const scores = nodes.map((n) => pl.score(state, pod, n));
    expect(scores).toEqual([0, 1, 2]);
    pl.normalize!(state, pod, scores, nodes);
    expect(scores).toEqual([100, 50, 0]);
  });
});
