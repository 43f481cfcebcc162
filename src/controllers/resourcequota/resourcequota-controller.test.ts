import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import type { Obj, ResourceRef } from '../../client/types.js';
import type { DiscoveredResource } from '../../client/discovery.js';
import { fakeEnv } from '../framework/testing.js';
import type { ResourceQuotaController } from './resourcequota-controller.js';
import { resourceQuotaController } from './resourcequota-controller.js';
import { quotableRefs } from './quotable.js';

const settle = () => new Promise((r) => setImmediate(r));

interface PodOpts { phase?: string; requests?: Record<string, string>; limits?: Record<string, string>; deadline?: number; priorityClassName?: string; ns?: string }
const pod = (name: string, o: PodOpts = {}): Obj => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: o.ns ?? 'team' },
  spec: {
    containers: [{ name: 'c', image: 'nginx', resources: { ...(o.requests ? { requests: o.requests } : {}), ...(o.limits ? { limits: o.limits } : {}) } }],
    ...(o.deadline !== undefined ? { activeDeadlineSeconds: o.deadline } : {}),
    ...(o.priorityClassName ? { priorityClassName: o.priorityClassName } : {}),
  },
  status: { phase: o.phase ?? 'Running' },
});
const quota = (name: string, hard: Record<string, string>, spec: Record<string, unknown> = {}, status?: Record<string, unknown>): Obj =>
  ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: 'team' }, spec: { hard, ...spec }, ...(status ? { status } : {}) });
const plain = (kind: string, name: string, extra: Record<string, unknown> = {}): Obj => ({ kind, metadata: { name, namespace: 'team' }, ...extra });

async function setup(seed: [ResourceRef, Obj[]][], resources?: DiscoveredResource[]) {
  const env = fakeEnv();
  if (resources) env.ctx.resources = resources;
  for (const [ref, objs] of seed) env.fake.seed(ref, ...objs);
  const c = resourceQuotaController.create(env.ctx) as ResourceQuotaController;
  await env.ctx.informers.start();
  const status = (name: string) => env.fake.peek(REFS.resourcequotas, 'team', name)!.status as { hard?: unknown; used?: unknown };
  return { ...env, c, status };
}

describe('resource quota controller', () => {
  it('measures compute usage of non-terminal pods and mirrors spec.hard into status', async () => {
    const { c, status } = await setup([
      [REFS.pods, [
        pod('a', { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '200m', memory: '256Mi' } }),
        pod('b', { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }),
        pod('done', { phase: 'Succeeded', requests: { cpu: '4' } }), pod('elsewhere', { ns: 'other', requests: { cpu: '8' } }),
      ]],
      [REFS.resourcequotas, [quota('compute', { pods: '10', 'count/pods': '10', 'requests.cpu': '2', 'requests.memory': '2Gi', 'limits.cpu': '4', 'limits.memory': '4Gi' })]],
    ]);
    await c.reconcile('team/compute');
    expect(status('compute')).toEqual({
      hard: { 'count/pods': '10', 'limits.cpu': '4', 'limits.memory': '4Gi', pods: '10', 'requests.cpu': '2', 'requests.memory': '2Gi' },
      used: { 'count/pods': '3', 'limits.cpu': '1200m', 'limits.memory': '1280Mi', pods: '2', 'requests.cpu': '1100m', 'requests.memory': '1152Mi' },
    });
  });

  it('counts services, node ports, load balancers, storage and other objects', async () => {
    const { c, status } = await setup([
      [REFS.services, [
        plain('Service', 'np', { spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] } }),
        plain('Service', 'lb', { spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } }), plain('Service', 'ip', { spec: { type: 'ClusterIP' } }),
      ]],
      [REFS.configmaps, [plain('ConfigMap', 'a'), plain('ConfigMap', 'b')]],
      [REFS.secrets, [plain('Secret', 's')]],
      [REFS.persistentvolumeclaims, [plain('PersistentVolumeClaim', 'data', { spec: { resources: { requests: { storage: '1Gi' } } } })]],
      [REFS.deployments, [plain('Deployment', 'web')]],
      [REFS.resourcequotas, [quota('objects', {
        services: '5', 'services.nodeports': '5', 'services.loadbalancers': '1', configmaps: '5', secrets: '5', persistentvolumeclaims: '5',
        'requests.storage': '10Gi', replicationcontrollers: '5', resourcequotas: '1', 'count/deployments.apps': '2', 'count/widgets.example.com': '1',
      })]],
    ]);
    await c.reconcile('team/objects');
    expect(status('objects').used).toEqual({
      configmaps: '2', 'count/deployments.apps': '1', persistentvolumeclaims: '1', replicationcontrollers: '0', 'requests.storage': '1Gi',
      resourcequotas: '1', secrets: '1', services: '3', 'services.loadbalancers': '1', 'services.nodeports': '3',
    });
  });

  it.each([
    ['Terminating', { scopes: ['Terminating'] }, '1'],
    ['NotTerminating', { scopes: ['NotTerminating'] }, '3'],
    ['BestEffort', { scopes: ['BestEffort'] }, '2'],
    ['NotBestEffort', { scopes: ['NotBestEffort'] }, '2'],
    ['PriorityClass In', { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }, '1'],
  ])('honours the %s scope', async (_n, spec, want) => {
    const { c, status } = await setup([
      [REFS.pods, [pod('job', { deadline: 60 }), pod('be'), pod('burst', { requests: { cpu: '1' } }), pod('vip', { requests: { memory: '1Gi' }, priorityClassName: 'high' })]],
      [REFS.resourcequotas, [quota('q', { pods: '10' }, spec)]],
    ]);
    await c.reconcile('team/q');
    expect(status('q').used).toEqual({ pods: want });
  });

  it('writes nothing when the status is current and asks to be run again in five minutes', async () => {
    const { c, fake } = await setup([
      [REFS.configmaps, [plain('ConfigMap', 'a')]],
      [REFS.resourcequotas, [quota('q', { configmaps: '5' }, {}, { hard: { configmaps: '5' }, used: { configmaps: '1' } })]],
    ]);
    expect(await c.reconcile('team/q')).toEqual({ requeueAfter: 300_000 });
    expect(fake.actions).toEqual([]);
  });

  it('corrects a stale status.used through the status subresource', async () => {
    const { c, fake, status } = await setup([[REFS.resourcequotas, [quota('q', { configmaps: '5' }, {}, { hard: { configmaps: '5' }, used: { configmaps: '3' } })]]]);
    await c.reconcile('team/q');
    expect(fake.actions).toMatchObject([{ verb: 'update', resource: 'resourcequotas', subresource: 'status' }]);
    expect(status('q')).toEqual({ hard: { configmaps: '5' }, used: { configmaps: '0' } });
  });

  it('recalculates the namespace quotas tracking a kind when such an object goes or finishes', async () => {
    const { c, fake } = await setup([
      [REFS.pods, [pod('a'), pod('x', { ns: 'other' })]],
      [REFS.configmaps, [plain('ConfigMap', 'cm')]],
      [REFS.resourcequotas, [quota('pods', { pods: '5' }), quota('cms', { configmaps: '5' })]],
    ]);
    while (c.queue.length) c.queue.done((await c.queue.get())!);
    await fake.delete(REFS.pods, 'other', 'x');
    await fake.patch(REFS.pods, 'team', 'a', 'application/merge-patch+json', { metadata: { labels: { a: 'b' } } });
    await settle();
    expect(c.queue.length).toBe(0);
    await fake.patch(REFS.pods, 'team', 'a', 'application/merge-patch+json', { status: { phase: 'Failed' } });
    await settle();
    expect(await c.queue.get()).toBe('team/pods');
    expect(c.queue.length).toBe(0);
  });

  it('syncs a quota when its spec.hard changes, not when its status does', async () => {
    const { c, fake } = await setup([[REFS.resourcequotas, [quota('q', { pods: '5' })]]]);
    while (c.queue.length) c.queue.done((await c.queue.get())!);
    await fake.patch(REFS.resourcequotas, 'team', 'q', 'application/merge-patch+json', { status: { used: { pods: '1' } } });
    await settle();
    expect(c.queue.length).toBe(0);
    await fake.patch(REFS.resourcequotas, 'team', 'q', 'application/merge-patch+json', { spec: { hard: { pods: '6' } } });
    await settle();
    expect(c.queue.length).toBe(1);
  });

  it('watches what discovery offers, so count/ of a custom resource is measured', async () => {
    const all = ['create', 'delete', 'get', 'list', 'watch'];
    const widgets = { group: 'example.com', version: 'v1', resource: 'widgets', kind: 'Widget', namespaced: true, verbs: all };
    const discovered: DiscoveredResource[] = [
      { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, verbs: all },
      { group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true, verbs: all },
      { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, verbs: all },
      { group: '', version: 'v1', resource: 'bindings', kind: 'Binding', namespaced: true, verbs: ['create'] },
      { group: '', version: 'v1', resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true, verbs: all },
      widgets,
    ];
    expect(quotableRefs(discovered).map((r) => r.resource)).toEqual(['pods', 'resourcequotas', 'widgets']);
    const { c, status } = await setup([[widgets, [plain('Widget', 'w1'), plain('Widget', 'w2')]], [REFS.resourcequotas, [quota('q', { 'count/widgets.example.com': '5', 'count/gadgets.example.com': '1' })]]], discovered);
    await c.reconcile('team/q');
    expect(status('q').used).toEqual({ 'count/widgets.example.com': '2' });
  });
});
