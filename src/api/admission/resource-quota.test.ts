import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import type { AdmissionRequest, Operation } from '../registry/admission.js';
import type { ResourceDescriptor } from '../resources/types.js';
import type { KObject } from '../types.js';
import { pod } from '../resources/pod.js';
import { service } from '../resources/service.js';
import { configMap } from '../resources/configmap.js';
import { deployment } from '../resources/deployment.js';
import { persistentVolumeClaim } from '../resources/persistentvolumeclaim.js';
import { resourceQuota as quotaResource } from '../resources/resourcequota.js';
import { StatusError } from '../errors.js';
import { resourceQuota, type ResourceQuotaOptions } from './resource-quota.js';
import { quotaUsage } from './resource-quota-usage.js';
import { writeResourceList } from '../quantity/resource-list.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(): Promise<ObjectStorage> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-rq-'));
  const store = openStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return new ObjectStorage(store);
}

const quota = (name: string, hard: Record<string, string>, extra: Record<string, unknown> = {}): KObject =>
  ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: 'default' }, spec: { hard, ...extra } });

const res = (requests?: Record<string, string>, limits?: Record<string, string>) => ({ ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) });

const podOf = (name: string, containers: { name: string; resources?: unknown }[], spec: Record<string, unknown> = {}): KObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers, ...spec } });

const request = (d: ResourceDescriptor, obj: KObject, op: Operation = 'CREATE', old?: KObject, dryRun = false): AdmissionRequest => ({
  op, d, subresource: '', namespace: 'default', name: obj.metadata.name ?? '', obj, old,
  ctx: { user: { name: 'admin', groups: [] }, dryRun, fieldValidation: 'Strict', warnings: [] },
});

async function admit(storage: ObjectStorage, req: AdmissionRequest, opts?: ResourceQuotaOptions): Promise<string | undefined> {
  try {
    await resourceQuota(storage, opts).validate!(req);
    return undefined;
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    expect(e.status.code).toBe(403);
    return e.status.message;
  }
}

/** Admits and stores, as the registry would. */
async function create(storage: ObjectStorage, d: ResourceDescriptor, obj: KObject): Promise<void> {
  expect(await admit(storage, request(d, obj))).toBeUndefined();
  await storage.create(d, obj);
}

const status = async (storage: ObjectStorage, name: string) => (await storage.get(quotaResource, 'default', name)).status as { hard?: unknown; used?: unknown };

describe('resourceQuota: exceeded and must specify', () => {
  it('rejects the pod over the count with upstream text, measuring usage of a fresh quota', async () => {
    const storage = await setup();
    for (const n of ['a', 'b']) await storage.create(pod, podOf(n, [{ name: 'nginx' }]));
    await storage.create(quotaResource, quota('pod-count', { pods: '2' }));
    expect(await admit(storage, request(pod, podOf('web', [{ name: 'nginx' }])))).toBe(
      'pods "web" is forbidden: exceeded quota: pod-count, requested: pods=1, used: pods=2, limited: pods=2',
    );
  });

  it('prints every exceeded resource, sorted and comma-joined', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('compute', { 'requests.cpu': '1', 'limits.cpu': '1', pods: '10' }));
    const p = podOf('web', [{ name: 'nginx', resources: res({ cpu: '2' }, { cpu: '2' }) }]);
    expect(await admit(storage, request(pod, p))).toBe(
      'pods "web" is forbidden: exceeded quota: compute, requested: limits.cpu=2,requests.cpu=2, used: limits.cpu=0,requests.cpu=0, limited: limits.cpu=1,requests.cpu=1',
    );
  });

  it('requires containers to state what a cpu/memory quota tracks', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('compute', { 'limits.cpu': '2', 'limits.memory': '2Gi' }));
    expect(await admit(storage, request(pod, podOf('web', [{ name: 'nginx' }])))).toBe(
      'pods "web" is forbidden: failed quota: compute: must specify limits.cpu for: nginx; limits.memory for: nginx',
    );
    const two = podOf('web', [{ name: 'b', resources: res(undefined, { memory: '1Gi' }) }, { name: 'a' }]);
    expect(await admit(storage, request(pod, two))).toBe('pods "web" is forbidden: failed quota: compute: must specify limits.cpu for: a,b; limits.memory for: a');
  });
});

describe('resourceQuota: usage', () => {
  it('charges each admitted pod to status.used and mirrors spec.hard', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('compute', { pods: '5', 'requests.cpu': '2', 'requests.memory': '1Gi' }));
    const p = () => [{ name: 'nginx', resources: res({ cpu: '500m', memory: '128Mi' }) }];
    await create(storage, pod, podOf('one', p()));
    expect(await status(storage, 'compute')).toEqual({
      hard: { pods: '5', 'requests.cpu': '2', 'requests.memory': '1Gi' },
      used: { pods: '1', 'requests.cpu': '500m', 'requests.memory': '128Mi' },
    });
    await create(storage, pod, podOf('two', p()));
    expect((await status(storage, 'compute')).used).toEqual({ pods: '2', 'requests.cpu': '1', 'requests.memory': '256Mi' });
  });

  it('changes nothing on a dry run', async () => {
    const storage = await setup();
    const created = await storage.create(quotaResource, quota('q', { pods: '5' }));
    expect(await admit(storage, request(pod, podOf('web', [{ name: 'nginx' }]), 'CREATE', undefined, true))).toBeUndefined();
    expect((await storage.get(quotaResource, 'default', 'q')).metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it('re-checks against the fresh quota after a conflict', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('q', { pods: '2' }));
    await create(storage, pod, podOf('a', [{ name: 'c' }]));
    let raced = false;
    const racing = Object.create(storage) as ObjectStorage;
    racing.update = async (d, obj, rv) => {
      if (!raced) {
        raced = true;
        const cur = await storage.get(quotaResource, 'default', 'q');
        await storage.update(quotaResource, { ...cur, status: { hard: { pods: '2' }, used: { pods: '2' } } }, Number(cur.metadata.resourceVersion));
      }
      return storage.update(d, obj, rv);
    };
    expect(await admit(racing, request(pod, podOf('b', [{ name: 'c' }])))).toBe(
      'pods "b" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2',
    );
  });

  it('recalculates from stored objects when asked to always', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('q', { pods: '1' }));
    const a = podOf('a', [{ name: 'c' }]);
    await create(storage, pod, a);
    const stored = await storage.get(pod, 'default', 'a');
    await storage.delete(pod, stored, Number(stored.metadata.resourceVersion));
    expect(await admit(storage, request(pod, podOf('b', [{ name: 'c' }])))).toMatch(/exceeded quota/);
    expect(await admit(storage, request(pod, podOf('b', [{ name: 'c' }])), { recalculate: 'always' })).toBeUndefined();
  });
});

describe('resourceQuota: scopes and other kinds', () => {
  it('applies BestEffort / NotBestEffort and PriorityClass scopes', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('best-effort', { pods: '0' }, { scopes: ['BestEffort'] }));
    await storage.create(quotaResource, quota('high', { pods: '0' }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }));
    const guaranteed = podOf('g', [{ name: 'c', resources: res({ cpu: '1' }, { cpu: '1' }) }]);
    expect(await admit(storage, request(pod, guaranteed))).toBeUndefined();
    expect(await admit(storage, request(pod, podOf('b', [{ name: 'c' }])))).toBe('pods "b" is forbidden: exceeded quota: best-effort, requested: pods=1, used: pods=0, limited: pods=0');
    const high = podOf('h', [{ name: 'c', resources: res({ cpu: '1' }) }], { priorityClassName: 'high' });
    expect(await admit(storage, request(pod, high))).toMatch(/exceeded quota: high,/);
  });

  it('counts services, node ports and load balancers, also on type changes', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('svc', { services: '5', 'services.nodeports': '1', 'services.loadbalancers': '0' }));
    const svc = (type: string): KObject => ({ metadata: { name: 's', namespace: 'default', resourceVersion: '5' }, spec: { type, ports: [{ port: 80 }, { port: 443 }] } });
    expect(await admit(storage, request(service, svc('ClusterIP')))).toBeUndefined();
    expect(await admit(storage, request(service, svc('NodePort'), 'UPDATE', svc('ClusterIP')))).toBe(
      'services "s" is forbidden: exceeded quota: svc, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1',
    );
  });

  it('charges claim storage per class and only the increase on update', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('storage', { 'requests.storage': '10Gi', 'gold.storageclass.storage.k8s.io/requests.storage': '5Gi' }));
    const pvc = (size: string, cls = 'gold'): KObject =>
      ({ metadata: { name: 'data', namespace: 'default' }, spec: { storageClassName: cls, resources: { requests: { storage: size } } } });
    await create(storage, persistentVolumeClaim, pvc('4Gi'));
    const old = await storage.get(persistentVolumeClaim, 'default', 'data');
    expect(await admit(storage, request(persistentVolumeClaim, pvc('6Gi'), 'UPDATE', old))).toBe(
      'persistentvolumeclaims "data" is forbidden: exceeded quota: storage, requested: gold.storageclass.storage.k8s.io/requests.storage=2Gi, used: gold.storageclass.storage.k8s.io/requests.storage=4Gi, limited: gold.storageclass.storage.k8s.io/requests.storage=5Gi',
    );
    expect(await admit(storage, request(persistentVolumeClaim, pvc('5Gi'), 'UPDATE', old))).toBeUndefined();
    expect((await status(storage, 'storage')).used).toEqual({ 'gold.storageclass.storage.k8s.io/requests.storage': '5Gi', 'requests.storage': '5Gi' });
  });

  it('counts configmaps by alias and other kinds by count/<resource>.<group>', async () => {
    const storage = await setup();
    await storage.create(quotaResource, quota('objects', { configmaps: '1', 'count/deployments.apps': '1' }));
    await create(storage, configMap, { metadata: { name: 'one', namespace: 'default' } });
    expect(await admit(storage, request(configMap, { metadata: { name: 'two', namespace: 'default' } }))).toBe(
      'configmaps "two" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    );
    await create(storage, deployment, { metadata: { name: 'web', namespace: 'default' }, spec: {} });
    expect(await admit(storage, request(deployment, { metadata: { name: 'api', namespace: 'default' }, spec: {} }))).toBe(
      'deployments.apps "api" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
  });

  it('measures a stored quota as the controller would', async () => {
    const storage = await setup();
    await storage.create(pod, podOf('a', [{ name: 'c', resources: res({ memory: '64Mi' }) }]));
    await storage.create(pod, { ...podOf('done', [{ name: 'c', resources: res({ memory: '1Gi' }) }]), status: { phase: 'Succeeded' } });
    const q = await storage.create(quotaResource, quota('q', { pods: '9', 'count/pods': '9', 'requests.memory': '1Gi', secrets: '3' }));
    expect(writeResourceList(await quotaUsage(storage, q))).toEqual({ 'count/pods': '2', pods: '1', 'requests.memory': '64Mi', secrets: '0' });
  });
});
