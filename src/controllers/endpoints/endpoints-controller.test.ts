import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';
import { fakeEnv } from '../framework/testing.js';
import { EndpointsController, endpointsController } from './endpoints-controller.js';
import { pod, service, settle } from './testdata.js';

async function setup(seed: { services?: Obj[]; pods?: Obj[]; endpoints?: Obj[] }) {
  const env = fakeEnv();
  for (const s of seed.services ?? []) env.fake.seed(REFS.services, s);
  for (const p of seed.pods ?? []) env.fake.seed(REFS.pods, p);
  for (const e of seed.endpoints ?? []) env.fake.seed(REFS.endpoints, e);
  const c = endpointsController.create(env.ctx) as EndpointsController;
  await env.ctx.informers.start();
  return { ...env, c };
}

const addr = (ip: string, name: string, uid: string, node = 'node-1') => ({ ip, nodeName: node, targetRef: { kind: 'Pod', namespace: 'default', name, uid } });

describe('endpoints controller', () => {
  it('lists ready and not-ready pods with resolved named ports, skipping pods that do not belong', async () => {
    const { fake, c } = await setup({
      services: [service('web', { labels: { tier: 'front' } })],
      pods: [
        pod('b', { ip: '10.0.0.2' }), pod('a', { ip: '10.0.0.10' }), pod('slow', { ip: '10.0.0.3', ready: false }),
        pod('noip'), pod('gone', { ip: '10.0.0.4', deleting: true }), pod('done', { ip: '10.0.0.5', phase: 'Succeeded' }),
        pod('other', { ip: '10.0.0.6', labels: { app: 'db' } }),
      ],
    });
    await c.reconcile('default/web');
    const uid = (n: string) => fake.peek(REFS.pods, 'default', n)!.metadata.uid!;
    const ep = fake.peek(REFS.endpoints, 'default', 'web')!;
    expect(ep.metadata.labels).toEqual({ tier: 'front' });
    expect(ep.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': '2025-12-31T23:00:00Z' });
    expect(ep.subsets).toEqual([{
      addresses: [addr('10.0.0.10', 'a', uid('a')), addr('10.0.0.2', 'b', uid('b'))],
      notReadyAddresses: [addr('10.0.0.3', 'slow', uid('slow'))],
      ports: [{ name: 'web', port: 8080, protocol: 'TCP' }],
    }]);
  });

  it('publishes not-ready and terminating pods as ready with publishNotReadyAddresses', async () => {
    const { fake, c } = await setup({
      services: [service('web', { publishNotReadyAddresses: true, ports: [{ port: 80, protocol: 'TCP', targetPort: 9090 }] })],
      pods: [pod('slow', { ip: '10.0.0.3', ready: false }), pod('gone', { ip: '10.0.0.4', deleting: true })],
    });
    await c.reconcile('default/web');
    const ep = fake.peek(REFS.endpoints, 'default', 'web')!;
    expect(ep.subsets).toMatchObject([{ addresses: [{ ip: '10.0.0.3' }, { ip: '10.0.0.4' }], ports: [{ port: 9090, protocol: 'TCP' }] }]);
    expect((ep.subsets as { notReadyAddresses?: unknown }[])[0]!.notReadyAddresses).toBeUndefined();
  });

  it('splits pods whose named port resolves differently into separate subsets', async () => {
    const { fake, c } = await setup({
      services: [service('web')],
      pods: [pod('a', { ip: '10.0.0.1' }), pod('b', { ip: '10.0.0.2', ports: [{ name: 'http', containerPort: 9000 }] }), pod('c', { ip: '10.0.0.3', ports: [{ name: 'grpc', containerPort: 1 }] })],
    });
    await c.reconcile('default/web');
    const subsets = fake.peek(REFS.endpoints, 'default', 'web')!.subsets as { addresses: { ip: string }[]; ports: { port: number }[] }[];
    expect(subsets.map((s) => [s.addresses.map((a) => a.ip), s.ports.map((p) => p.port)]).sort()).toEqual([[['10.0.0.1'], [8080]], [['10.0.0.2'], [9000]]]);
  });

  it('gives a portless headless service addresses without ports, the headless label and hostnames', async () => {
    const { fake, c } = await setup({
      services: [service('db', { clusterIP: 'None', ports: [], labels: { a: 'b' } })],
      pods: [pod('db-0', { ip: '10.0.0.7', hostname: 'db-0', subdomain: 'db' })],
    });
    await c.reconcile('default/db');
    const ep = fake.peek(REFS.endpoints, 'default', 'db')!;
    expect(ep.metadata.labels).toEqual({ a: 'b', 'service.kubernetes.io/headless': '' });
    expect(ep.subsets).toEqual([{ addresses: [{ ...addr('10.0.0.7', 'db-0', fake.peek(REFS.pods, 'default', 'db-0')!.metadata.uid!), hostname: 'db-0' }] }]);
  });

  it('writes an empty Endpoints for a selector that matches nothing and nothing when up to date', async () => {
    const { fake, c } = await setup({ services: [service('web')] });
    await c.reconcile('default/web');
    expect(fake.peek(REFS.endpoints, 'default', 'web')).toMatchObject({ metadata: { name: 'web' } });
    expect(fake.peek(REFS.endpoints, 'default', 'web')!.subsets).toBeUndefined();
    await settle();
    await c.reconcile('default/web');
    expect(fake.actions.map((a) => a.verb)).toEqual(['create']);
  });

  it('leaves services without a selector and ExternalName services alone', async () => {
    const { fake, c } = await setup({
      services: [service('kubernetes', { selector: null }), service('ext', { type: 'ExternalName' })],
      pods: [pod('a', { ip: '10.0.0.1' })],
      endpoints: [{ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default' }, subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] }],
    });
    await c.reconcile('default/kubernetes');
    await c.reconcile('default/ext');
    expect(fake.actions).toEqual([]);
  });

  it('updates the Endpoints when a pod becomes ready, and keeps other labels and annotations in sync', async () => {
    const { fake, c } = await setup({ services: [service('web')], pods: [pod('a', { ip: '10.0.0.1', ready: false })] });
    await c.reconcile('default/web');
    await fake.update(REFS.pods, { ...fake.peek(REFS.pods, 'default', 'a')!, status: pod('a', { ip: '10.0.0.1', readySince: '2026-01-01T00:00:05Z' }).status });
    await settle();
    expect(c.queue.length).toBe(1);
    await c.reconcile('default/web');
    const ep = fake.peek(REFS.endpoints, 'default', 'web')!;
    expect(ep.subsets).toMatchObject([{ addresses: [{ ip: '10.0.0.1' }] }]);
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2026-01-01T00:00:05Z');
    expect(fake.actions.filter((a) => a.resource === 'endpoints').map((a) => a.verb)).toEqual(['create', 'update']);
  });

  it('deletes the Endpoints when the service is gone, and checks leftovers once at start', async () => {
    const leader = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'lock', namespace: 'kube-system', annotations: { 'control-plane.alpha.kubernetes.io/leader': '{}' } } };
    const { fake, c } = await setup({ endpoints: [{ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'old', namespace: 'default' } }, leader] });
    expect(c.queue.length).toBe(1);
    const key = await c.queue.get();
    expect(key).toBe('default/old');
    await c.reconcile(key!);
    expect(fake.actions).toMatchObject([{ verb: 'delete', resource: 'endpoints', name: 'old' }]);
    await fake.create(REFS.endpoints, 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'manual' } });
    await settle();
    expect(c.queue.length).toBe(0);
  });

  it('truncates to 1000 addresses and marks the Endpoints over capacity', async () => {
    const pods = Array.from({ length: 1001 }, (_, i) => pod(`p${i}`, { ip: `10.1.${Math.floor(i / 250)}.${i % 250}` }));
    const { fake, c } = await setup({ services: [service('web')], pods });
    await c.reconcile('default/web');
    const ep = fake.peek(REFS.endpoints, 'default', 'web')!;
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
    expect((ep.subsets as { addresses: unknown[] }[])[0]!.addresses).toHaveLength(1000);
  });

  it('enqueues the services a pod event concerns', async () => {
    const { fake, c } = await setup({ services: [service('web'), service('db', { selector: { app: 'db' } })] });
    while (c.queue.length) c.queue.done((await c.queue.get())!);
    expect(c.queue.length).toBe(0);
    await fake.create(REFS.pods, 'default', pod('a', { ip: '10.0.0.1' }));
    await settle();
    expect(c.queue.length).toBe(1);
    expect(await c.queue.get()).toBe('default/web');
  });
});
