import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { serviceColumns } from './service.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');

function svc(spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject {
  return { metadata: { name: 's', creationTimestamp: '2025-01-15T11:15:00Z' }, spec, status };
}

const tcp = (port: number, nodePort?: number) => ({ port, protocol: 'TCP', ...(nodePort ? { nodePort } : {}) });

describe('service cells', () => {
  it.each<[string, KObject, string[]]>([
    [
      'cluster IP',
      svc({ type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [tcp(53), { port: 53, protocol: 'UDP' }], selector: { 'k8s-app': 'kube-dns' } }),
      ['ClusterIP', '10.96.0.10', '<none>', '53/TCP,53/UDP', '45m', 'k8s-app=kube-dns'],
    ],
    [
      'headless, no selector',
      svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [tcp(80)] }),
      ['ClusterIP', 'None', '<none>', '80/TCP', '45m', '<none>'],
    ],
    [
      'cluster IP with external IPs',
      svc({ type: 'ClusterIP', clusterIPs: ['10.96.1.1'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [tcp(80)] }),
      ['ClusterIP', '10.96.1.1', '1.2.3.4,5.6.7.8', '80/TCP', '45m', '<none>'],
    ],
    [
      'node port',
      svc({ type: 'NodePort', clusterIP: '10.96.45.201', ports: [tcp(80, 30080), tcp(443, 30443)], selector: { app: 'web' } }),
      ['NodePort', '10.96.45.201', '<none>', '80:30080/TCP,443:30443/TCP', '45m', 'app=web'],
    ],
    [
      'load balancer pending',
      svc({ type: 'LoadBalancer', clusterIP: '10.96.77.9', ports: [tcp(80, 31234)] }),
      ['LoadBalancer', '10.96.77.9', '<pending>', '80:31234/TCP', '45m', '<none>'],
    ],
    [
      'load balancer addresses, sorted, never clipped (the apiserver prints wide)',
      svc(
        { type: 'LoadBalancer', clusterIP: '10.96.77.9', ports: [tcp(80, 31234)] },
        { loadBalancer: { ingress: [{ ip: '203.0.113.20' }, { hostname: 'a1b2c3.elb.us-east-1.amazonaws.com' }, { ip: '203.0.113.10' }] } },
      ),
      ['LoadBalancer', '10.96.77.9', '203.0.113.10,203.0.113.20,a1b2c3.elb.us-east-1.amazonaws.com', '80:31234/TCP', '45m', '<none>'],
    ],
    [
      'load balancer plus external IPs',
      svc({ type: 'LoadBalancer', clusterIP: '10.96.77.9', externalIPs: ['9.9.9.9'] }, { loadBalancer: { ingress: [{ ip: '1.1.1.1' }] } }),
      ['LoadBalancer', '10.96.77.9', '1.1.1.1,9.9.9.9', '<none>', '45m', '<none>'],
    ],
    [
      'external name',
      svc({ type: 'ExternalName', externalName: 'example.com' }),
      ['ExternalName', '<none>', 'example.com', '<none>', '45m', '<none>'],
    ],
    ['unknown type', svc({ type: 'Weird' }), ['Weird', '<none>', '<unknown>', '<none>', '45m', '<none>']],
  ])('%s', (_name, s, want) => {
    expect(serviceColumns.cells(s, { now: NOW })).toEqual(['s', ...want]);
  });

  it('has the wide SELECTOR column last', () => {
    expect(serviceColumns.columns.map((c) => `${c.name}:${c.priority}`).join(' ')).toBe(
      'Name:0 Type:0 Cluster-IP:0 External-IP:0 Port(s):0 Age:0 Selector:1',
    );
  });
});
