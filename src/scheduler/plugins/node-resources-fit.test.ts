import { describe, expect, it } from 'vitest';
import { CycleState } from '../types.js';
import { makeNode, nodeInfo, podInfo, runFilter } from '../testing.js';
import { nodeResourcesFit } from './node-resources-fit.js';

const container = (cpu: string, extra: Record<string, unknown> = {}) => ({ name: `c${cpu}`, image: 'x', resources: { requests: { cpu } }, ...extra });

describe('NodeResourcesFit filter', () => {
  // Node: 2 cpu, 4Gi, 3 pods; one existing pod asks for 1 cpu and 1Gi.
  const existing = podInfo('old', { cpu: '1', memory: '1Gi', nodeName: 'n' });
  const cases = [
    { name: 'fits', spec: { containers: [container('500m')] }, want: null },
    { name: 'too much cpu', spec: { containers: [container('1500m')] }, want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } },
    { name: 'more cpu than the node has at all is unresolvable', spec: { containers: [container('3')] }, want: { code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient cpu'] } },
    { name: 'cpu and memory', spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '1500m', memory: '3500Mi' } } }] }, want: { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] } },
    { name: 'an init container needs more than the sum', spec: { containers: [container('200m')], initContainers: [container('1200m')] }, want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } },
    { name: 'a sidecar adds to the containers', spec: { containers: [container('600m')], initContainers: [container('500m', { restartPolicy: 'Always' })] }, want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } },
    { name: 'overhead counts', spec: { containers: [container('800m')], overhead: { cpu: '300m' } }, want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } },
    { name: 'extended resource missing', spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { 'nvidia.com/gpu': '1' } } }] }, want: { code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient nvidia.com/gpu'] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const node = nodeInfo(makeNode('n', { cpu: '2', memory: '4Gi', pods: '3' }), [existing]);
      expect(runFilter(nodeResourcesFit(), podInfo('p', { spec: c.spec }), node)).toEqual(c.want);
    });
  }
  it('counts pods against status.allocatable.pods', () => {
    const node = nodeInfo(makeNode('n', { pods: '2' }), [podInfo('a', { nodeName: 'n' }), podInfo('b', { nodeName: 'n' })]);
    expect(runFilter(nodeResourcesFit(), podInfo('p'), node)).toEqual({ code: 'Unschedulable', reasons: ['Too many pods'] });
  });
});

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it('scores free cpu and memory, defaulting empty requests to 100m / 200Mi', () => {
    const pl = nodeResourcesFit();
    const state = new CycleState();
    // 4 cpu, 8Gi; pod asks for 1 cpu and 2Gi → cpu (4000-1000)*100/4000 = 75, memory (8-2)*100/8 = 75.
    expect(pl.score(state, podInfo('p', { cpu: '1', memory: '2Gi' }), nodeInfo(makeNode('n')))).toBe(75);
    // A best-effort pod counts as 100m and 200Mi: cpu 97 (97.5), memory 97 (97.56…), mean 97.
    expect(pl.score(state, podInfo('p'), nodeInfo(makeNode('n')))).toBe(97);
    // Fuller node scores lower.
    const busy = nodeInfo(makeNode('n'), [podInfo('old', { cpu: '2', memory: '4Gi', nodeName: 'n' })]);
    expect(pl.score(state, podInfo('p', { cpu: '1', memory: '2Gi' }), busy)).toBe(25);
  });
});
