import { describe, expect, it } from 'vitest';
import { CycleState } from '../types.js';
import { makeNode, nodeInfo, podInfo, runFilter } from '../testing.js';
import { nodeAffinity } from './node-affinity.js';

const MISMATCH = { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] };
const required = (...terms: unknown[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
const node = nodeInfo(makeNode('n1', { labels: { zone: 'a', disk: 'ssd', cores: '8' } }));

describe('NodeAffinity filter', () => {
  const cases = [
    { name: 'nothing required', spec: {}, want: null },
    { name: 'nodeSelector matches', spec: { nodeSelector: { zone: 'a' } }, want: null },
    { name: 'nodeSelector differs', spec: { nodeSelector: { zone: 'b' } }, want: MISMATCH },
    { name: 'In', spec: required({ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd', 'nvme'] }] }), want: null },
    { name: 'NotIn', spec: required({ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['ssd'] }] }), want: MISMATCH },
    { name: 'Exists', spec: required({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }), want: null },
    { name: 'DoesNotExist', spec: required({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }), want: MISMATCH },
    { name: 'Gt', spec: required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }), want: null },
    { name: 'Lt', spec: required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }), want: MISMATCH },
    { name: 'terms are ORed', spec: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }, { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }), want: null },
    { name: 'an empty term matches nothing', spec: required({}), want: MISMATCH },
    { name: 'nodeSelector and affinity both apply', spec: { nodeSelector: { zone: 'b' }, ...required({ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }) }, want: MISMATCH },
    { name: 'metadata.name field', spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }), want: null },
  ];
  for (const c of cases) {
    it(c.name, () => expect(runFilter(nodeAffinity(), podInfo('p', { spec: c.spec }), node)).toEqual(c.want));
  }
});

describe('NodeAffinity PreFilter', () => {
  it('narrows to the nodes metadata.name pins (DaemonSet pods)', () => {
    const pod = podInfo('p', { spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1', 'n2'] }] }) });
    expect(nodeAffinity().preFilter(new CycleState(), pod)).toEqual({ nodeNames: new Set(['n1', 'n2']) });
  });
  it('skips pods without required affinity or nodeSelector', () => {
    expect(nodeAffinity().preFilter(new CycleState(), podInfo('p'))?.status?.code).toBe('Skip');
  });
});

describe('NodeAffinity score', () => {
  it('sums the weights of matching preferred terms, normalised to 100', () => {
    const pl = nodeAffinity();
    const pod = podInfo('p', { spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
      { weight: 6, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
    ] } } } });
    const nodes = [node, nodeInfo(makeNode('n2', { labels: { zone: 'a' } })), nodeInfo(makeNode('n3'))];
    const state = new CycleState();
    expect(pl.preScore!(state, pod, nodes)).toBe(true);
    const scores = nodes.map((n) => pl.score(state, pod, n));
    expect(scores).toEqual([8, 2, 0]);
    pl.normalize!(state, pod, scores, nodes);
    expect(scores).toEqual([100, 25, 0]);
  });
});
