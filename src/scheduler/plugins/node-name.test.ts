import { describe, expect, it } from 'vitest';
import { makeNode, nodeInfo, podInfo, runFilter } from '../testing.js';
import { nodeName } from './node-name.js';

describe('NodeName', () => {
  const cases = [
    { name: 'no node name', nodeName: undefined, want: null },
    { name: 'same node', nodeName: 'n1', want: null },
    { name: 'another node', nodeName: 'n2', want: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match the requested node name"] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = podInfo('p', c.nodeName ? { nodeName: c.nodeName } : {});
      expect(runFilter(nodeName(), pod, nodeInfo(makeNode('n1')))).toEqual(c.want);
    });
  }
});
