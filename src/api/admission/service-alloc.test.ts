import { describe, expect, it } from 'vitest';
import { service } from '../resources/service.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import { serviceAllocation } from './service-alloc.js';

function plugin(existing: KObject[], picks: number[]) {
  const storage = { list: async () => ({ items: existing, resourceVersion: '1' }) } as unknown as ObjectStorage;
  return serviceAllocation(storage, { serviceSubnet: '10.96.0.0/12', pick: () => picks.shift() ?? 0 });
}

const svc = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: 'u1' }, spec });

describe('service allocation', () => {
  it('gives a Local LoadBalancer a health-check node port besides its node ports, avoiding taken ones', async () => {
    const other = { ...svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30001 }], healthCheckNodePort: 30002 }), metadata: { name: 'o', namespace: 'default', uid: 'u2' } };
    const obj = svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] });
    await plugin([other], [5, 0, 1, 2, 3])!.admit!({ op: 'CREATE', d: service, subresource: '', namespace: 'default', name: 'web', obj, old: undefined, ctx: {} as never });
    const spec = obj.spec as { ports: { nodePort: number }[]; healthCheckNodePort: number; clusterIP: string };
    expect(spec.clusterIP).toBe('10.96.0.6');
    expect(spec.ports[0]!.nodePort).toBe(30000);
    expect(spec.healthCheckNodePort).toBe(30003);
  });

  it('leaves Cluster-policy LoadBalancers without one', async () => {
    const obj = svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', ports: [{ port: 80 }] });
    await plugin([], [1, 2])!.admit!({ op: 'CREATE', d: service, subresource: '', namespace: 'default', name: 'web', obj, old: undefined, ctx: {} as never });
    expect((obj.spec as { healthCheckNodePort?: number }).healthCheckNodePort).toBeUndefined();
  });
});
