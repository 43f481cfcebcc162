import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';
import { fakeEnv } from '../framework/testing.js';
import { pod, service, settle } from '../endpoints/testdata.js';
import type { EndpointSliceController } from './endpointslice-controller.js';
import { endpointSliceController } from './endpointslice-controller.js';
import type { Slice } from './slice-build.js';

const node = (name: string, zone?: string): Obj => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, ...(zone ? { labels: { 'topology.kubernetes.io/zone': zone } } : {}) } });

async function setup(seed: { services?: Obj[]; pods?: Obj[]; slices?: Obj[] }, flags: Record<string, string> = {}) {
  const env = fakeEnv(flags);
  env.fake.seed(REFS.nodes, node('node-1', 'zone-a'), node('node-2'));
  for (const s of seed.services ?? []) env.fake.seed(REFS.services, s);
  for (const p of seed.pods ?? []) env.fake.seed(REFS.pods, p);
  for (const s of seed.slices ?? []) env.fake.seed(REFS.endpointslices, s);
  const c = endpointSliceController.create(env.ctx) as EndpointSliceController;
  await env.ctx.informers.start();
  const slices = () => env.fake.all<Slice>(REFS.endpointslices, 'default');
  const uid = (kind: typeof REFS.pods | typeof REFS.services, n: string) => env.fake.peek(kind, 'default', n)!.metadata.uid!;
  return { ...env, c, slices, uid };
}

const writes = (actions: { verb: string; resource: string }[]) => actions.filter((a) => a.resource === 'endpointslices').map((a) => a.verb);

describe('endpointslice controller', () => {
  it('creates a slice owned by the service with conditions, node, zone, target and ports', async () => {
    const { c, slices, uid } = await setup({
      services: [service('web', { labels: { tier: 'front', 'kubernetes.io/service-name': 'spoof' } })],
      pods: [pod('a', { ip: '10.0.0.1' }), pod('b', { ip: '10.0.0.2', node: 'node-2', ready: false }), pod('t', { ip: '10.0.0.3', deleting: true }), pod('x')],
    });
    await c.reconcile('default/web');
    const [s, ...rest] = slices();
    expect(rest).toEqual([]);
    expect(s!.metadata).toMatchObject({
      generateName: 'web-',
      labels: { tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-12-31T23:00:00Z' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: uid(REFS.services, 'web'), controller: true, blockOwnerDeletion: true }],
    });
    expect(s!.metadata.name).toMatch(/^web-.{5}$/);
    expect(s!.addressType).toBe('IPv4');
    expect(s!.ports).toEqual([{ name: 'web', protocol: 'TCP', port: 8080 }]);
    expect(s!.endpoints).toEqual([
      { addresses: ['10.0.0.1'], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: uid(REFS.pods, 'a') }, nodeName: 'node-1', zone: 'zone-a' },
      { addresses: ['10.0.0.2'], conditions: { ready: false, serving: false, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: uid(REFS.pods, 'b') }, nodeName: 'node-2' },
      { addresses: ['10.0.0.3'], conditions: { ready: false, serving: true, terminating: true }, targetRef: { kind: 'Pod', namespace: 'default', name: 't', uid: uid(REFS.pods, 't') }, nodeName: 'node-1', zone: 'zone-a' },
    ]);
  });

  it('keeps one placeholder slice for a service without endpoints, and does nothing more', async () => {
    const { c, slices, fake } = await setup({ services: [service('db', { clusterIP: 'None', ports: [] })] });
    await c.reconcile('default/db');
    expect(slices()).toMatchObject([{ endpoints: [], ports: [], metadata: { labels: { 'service.kubernetes.io/headless': '' } } }]);
    await settle();
    await c.reconcile('default/db');
    expect(writes(fake.actions)).toEqual(['create']);
  });

  it('updates the slice in place as pods change, and turns it into the placeholder when they go', async () => {
    const { c, slices, fake } = await setup({ services: [service('web')], pods: [pod('a', { ip: '10.0.0.1', ready: false })] });
    await c.reconcile('default/web');
    const name = slices()[0]!.metadata.name;
    await fake.update(REFS.pods, { ...fake.peek(REFS.pods, 'default', 'a')!, status: pod('a', { ip: '10.0.0.1', readySince: '2026-01-01T00:00:09Z' }).status });
    await settle();
    await c.reconcile('default/web');
    expect(slices()).toMatchObject([{ metadata: { name, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T00:00:09Z' } }, endpoints: [{ conditions: { ready: true } }] }]);
    await fake.delete(REFS.pods, 'default', 'a');
    await settle();
    await c.reconcile('default/web');
    expect(slices()).toMatchObject([{ metadata: { name }, endpoints: [], ports: [] }]);
    expect(slices()[0]!.metadata.annotations).toBeUndefined();
    expect(writes(fake.actions)).toEqual(['create', 'update', 'update']);
  });

  it('puts at most max endpoints in a slice', async () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(`p${String(i).padStart(3, '0')}`, { ip: `10.0.${Math.floor(i / 200)}.${i % 200}` }));
    const { c, slices } = await setup({ services: [service('web')], pods });
    await c.reconcile('default/web');
    expect(slices().map((s) => s.endpoints.length).sort()).toEqual([100, 100, 50]);
  });

  it('honours --max-endpoints-per-slice', async () => {
    const pods = Array.from({ length: 5 }, (_, i) => pod(`p${i}`, { ip: `10.0.0.${i + 1}` }));
    const { c, slices } = await setup({ services: [service('web')], pods }, { 'max-endpoints-per-slice': '2' });
    await c.reconcile('default/web');
    expect(slices().map((s) => s.endpoints.length).sort()).toEqual([1, 2, 2]);
  });

  it('fills the unchanged slice closest to full with new endpoints', async () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(`p${String(i).padStart(3, '0')}`, { ip: `10.0.${Math.floor(i / 100)}.${i % 100}` }));
    const { c, slices, fake } = await setup({ services: [service('web')], pods });
    await c.reconcile('default/web');
    await fake.create(REFS.pods, 'default', pod('zz', { ip: '10.9.9.9' }));
    await settle();
    await c.reconcile('default/web');
    expect(slices().map((s) => s.endpoints.length).sort()).toEqual([100, 51]);
    expect(writes(fake.actions)).toEqual(['create', 'create', 'update']);
  });

  it('leaves out pods on unknown nodes, reports it, and retries', async () => {
    const { c, slices, fake } = await setup({ services: [service('web')], pods: [pod('a', { ip: '10.0.0.1' }), pod('lost', { ip: '10.0.0.2', node: 'ghost' })] });
    await expect(c.reconcile('default/web')).rejects.toThrow('skipping Pod lost for Service default/web: Node ghost Not Found');
    expect(slices()[0]!.endpoints.map((e) => e.addresses[0])).toEqual(['10.0.0.1']);
    await new Promise((r) => setTimeout(r, 0));
    const ev = fake.all(REFS.events, 'default');
    expect(ev).toMatchObject([{ reason: 'FailedToUpdateEndpointSlices', type: 'Warning', message: 'Error updating Endpoint Slices for Service default/web: skipping Pod lost for Service default/web: Node ghost Not Found' }]);
  });

  it('sets the hostname for pods whose subdomain is the service, and deletes slices it does not own', async () => {
    const foreign = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'db-old', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' }, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'db', uid: 'old-uid', controller: true }] }, addressType: 'IPv4', endpoints: [], ports: [] };
    const { c, slices, fake } = await setup({ services: [service('db', { clusterIP: 'None' })], pods: [pod('db-0', { ip: '10.0.0.5', hostname: 'db-0', subdomain: 'db' })], slices: [foreign] });
    await c.reconcile('default/db');
    expect(writes(fake.actions)).toEqual(['create', 'delete']);
    expect(slices()).toMatchObject([{ endpoints: [{ addresses: ['10.0.0.5'], hostname: 'db-0' }] }]);
  });

  it('mirrors service label changes onto its slices', async () => {
    const { c, slices, fake } = await setup({ services: [service('web')], pods: [pod('a', { ip: '10.0.0.1' })] });
    await c.reconcile('default/web');
    const svc = fake.peek(REFS.services, 'default', 'web')!;
    await fake.update(REFS.services, { ...svc, metadata: { ...svc.metadata, labels: { team: 'x' } } });
    await settle();
    await c.reconcile('default/web');
    expect(slices()[0]!.metadata.labels).toMatchObject({ team: 'x', 'kubernetes.io/service-name': 'web' });
    expect(writes(fake.actions)).toEqual(['create', 'update']);
  });

  it('refuses to act on a cache older than its own writes, and ignores its own writes', async () => {
    const { c, fake, ctx } = await setup({ services: [service('web')], pods: [pod('a', { ip: '10.0.0.1' })] });
    ctx.informers.stop();
    await c.reconcile('default/web');
    await expect(c.reconcile('default/web')).rejects.toThrow('EndpointSlice informer cache is out of date');
    expect(writes(fake.actions)).toEqual(['create']);
  });

  it('resyncs the service a second after someone else edits or deletes its slice', async () => {
    const { c, fake, clock, slices } = await setup({ services: [service('web')], pods: [pod('a', { ip: '10.0.0.1' })] });
    await c.reconcile('default/web');
    await settle();
    while (c.queue.length) c.queue.done((await c.queue.get())!);
    await fake.delete(REFS.endpointslices, 'default', slices()[0]!.metadata.name!);
    await settle();
    expect(c.queue.length).toBe(0);
    clock.advance(1000);
    expect(c.queue.length).toBe(1);
  });
});
