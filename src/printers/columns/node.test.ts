import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { nodeColumns } from './node.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');

function node(labels: Record<string, string>, conditions: object[], extra: { unschedulable?: boolean; status?: object } = {}): KObject {
  return {
    metadata: { name: 'n1', labels, creationTimestamp: '2025-01-05T12:00:00Z' },
    spec: extra.unschedulable ? { unschedulable: true } : {},
    status: { conditions, nodeInfo: { kubeletVersion: 'v1.32.4' }, ...extra.status },
  };
}

const ready = (status: string) => ({ type: 'Ready', status });

describe('node STATUS and ROLES', () => {
  it.each<[string, KObject, string, string]>([
    ['ready worker', node({}, [ready('True')]), 'Ready', '<none>'],
    ['not ready', node({}, [{ type: 'MemoryPressure', status: 'False' }, ready('False')]), 'NotReady', '<none>'],
    ['unknown ready condition counts as not ready', node({}, [ready('Unknown')]), 'NotReady', '<none>'],
    ['no Ready condition', node({}, []), 'Unknown', '<none>'],
    ['cordoned', node({}, [ready('True')], { unschedulable: true }), 'Ready,SchedulingDisabled', '<none>'],
    ['cordoned and down', node({}, [ready('False')], { unschedulable: true }), 'NotReady,SchedulingDisabled', '<none>'],
    [
      'roles from both label styles, sorted',
      node({ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra' }, [ready('True')]),
      'Ready',
      'control-plane,infra,worker',
    ],
    ['empty role suffix and empty legacy role are ignored', node({ 'node-role.kubernetes.io/': '', 'kubernetes.io/role': '' }, []), 'Unknown', '<none>'],
    ['the last duplicate condition wins', node({}, [ready('False'), ready('True')]), 'Ready', '<none>'],
  ])('%s', (_name, n, status, roles) => {
    expect(nodeColumns.cells(n, { now: NOW }).slice(0, 5)).toEqual(['n1', status, roles, '10d', 'v1.32.4']);
  });
});

describe('node wide columns', () => {
  it('prints the first internal and external address and node info', () => {
    const n = node({}, [ready('True')], {
      status: {
        addresses: [
          { type: 'Hostname', address: 'n1' },
          { type: 'InternalIP', address: '192.168.1.10' },
          { type: 'InternalIP', address: '192.168.1.11' },
          { type: 'ExternalIP', address: '34.1.2.3' },
        ],
        nodeInfo: { kubeletVersion: 'v1.32.4', osImage: 'Ubuntu 22.04.4 LTS', kernelVersion: '5.15.0-105-generic', containerRuntimeVersion: 'containerd://1.7.13' },
      },
    });
    expect(nodeColumns.cells(n, { now: NOW }).slice(5)).toEqual([
      '192.168.1.10',
      '34.1.2.3',
      'Ubuntu 22.04.4 LTS',
      '5.15.0-105-generic',
      'containerd://1.7.13',
    ]);
  });

  it('fills gaps with <none> and <unknown>', () => {
    expect(nodeColumns.cells(node({}, []), { now: NOW }).slice(5)).toEqual(['<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});
