import { describe, expect, it } from 'vitest';
import { makeNode, nodeInfo, podInfo, runFilter } from '../testing.js';
import { nodePorts } from './node-ports.js';

const withPorts = (name: string, ports: { hostPort: number; hostIP?: string; protocol?: string }[], nodeName?: string) =>
  podInfo(name, { ...(nodeName ? { nodeName } : {}), spec: { containers: [{ name: 'c', image: 'x', ports: ports.map((p) => ({ containerPort: 80, ...p })) }] } });

const CONFLICT = { code: 'Unschedulable', reasons: ["node(s) didn't have free ports for the requested pod ports"] };

describe('NodePorts', () => {
  const cases = [
    { name: 'no host ports', existing: [{ hostPort: 80 }], wanted: [], want: null },
    { name: 'same port taken', existing: [{ hostPort: 80 }], wanted: [{ hostPort: 80 }], want: CONFLICT },
    { name: 'other protocol', existing: [{ hostPort: 53, protocol: 'UDP' }], wanted: [{ hostPort: 53 }], want: null },
    { name: 'specific IPs differ', existing: [{ hostPort: 80, hostIP: '10.0.0.1' }], wanted: [{ hostPort: 80, hostIP: '10.0.0.2' }], want: null },
    { name: '0.0.0.0 clashes with a specific IP', existing: [{ hostPort: 80, hostIP: '10.0.0.1' }], wanted: [{ hostPort: 80 }], want: CONFLICT },
    { name: 'specific IP clashes with 0.0.0.0', existing: [{ hostPort: 80 }], wanted: [{ hostPort: 80, hostIP: '10.0.0.2' }], want: CONFLICT },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const node = nodeInfo(makeNode('n'), [withPorts('old', c.existing, 'n')]);
      expect(runFilter(nodePorts(), withPorts('new', c.wanted), node)).toEqual(c.want);
    });
  }
});
