import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SqliteStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import type { AdmissionRequest, Operation } from '../registry/admission.js';
import type { RequestContext } from '../registry/context.js';
import type { ResourceDescriptor } from '../resources/types.js';
import type { KObject } from '../types.js';
import { limitRange } from '../resources/limitrange.js';
import { pod } from '../resources/pod.js';
import { persistentVolumeClaim } from '../resources/persistentvolumeclaim.js';
import { StatusError } from '../errors.js';
import { limitRanger, LIMIT_RANGER_ANNOTATION } from './limit-ranger.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(...ranges: KObject[]): Promise<ObjectStorage> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-lr-'));
  const store: SqliteStore = openStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const storage = new ObjectStorage(store);
  for (const r of ranges) await storage.create(limitRange, r);
  return storage;
}

const ctx: RequestContext = { user: { name: 'admin', groups: ['system:masters'] }, dryRun: false, fieldValidation: 'Strict', warnings: [] };

const request = (d: ResourceDescriptor, obj: KObject, op: Operation = 'CREATE', old?: KObject): AdmissionRequest =>
  ({ op, d, subresource: '', namespace: 'default', name: obj.metadata.name ?? '', obj, old, ctx });

const range = (name: string, limits: unknown[]): KObject =>
  ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace: 'default' }, spec: { limits } });

const podOf = (name: string, containers: unknown[], initContainers?: unknown[]): KObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers, ...(initContainers ? { initContainers } : {}) } });

async function admitAndValidate(storage: ObjectStorage, req: AdmissionRequest): Promise<void> {
  const p = limitRanger(storage);
  await p.admit!(req);
  await p.validate!(req);
}

async function rejection(storage: ObjectStorage, req: AdmissionRequest): Promise<string> {
  try {
    await admitAndValidate(storage, req);
  } catch (e) {
    if (e instanceof StatusError) {
      expect(e.status.code).toBe(403);
      return e.status.message!;
    }
    throw e;
  }
  throw new Error('admitted');
}

describe('limitRanger defaults', () => {
  it('sets default requests and limits and records them in the annotation', async () => {
    const storage = await setup(range('limits', [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }]));
    const p = podOf('web', [{ name: 'nginx', image: 'nginx' }]);
    await admitAndValidate(storage, request(pod, p));
    const c = (p.spec as { containers: { resources: unknown }[] }).containers[0]!;
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    expect(p.metadata.annotations![LIMIT_RANGER_ANNOTATION]).toBe('LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx');
  });

  it('keeps what the container states, covers init containers, and derives defaultRequest from default', async () => {
    const storage = await setup(range('limits', [{ type: 'Container', default: { cpu: '1', memory: '1Gi' } }]));
    const p = podOf('web', [{ name: 'app', resources: { requests: { cpu: '200m' } } }], [{ name: 'init' }]);
    await admitAndValidate(storage, request(pod, p));
    const spec = p.spec as { containers: { resources: unknown }[]; initContainers: { resources: unknown }[] };
    expect(spec.containers[0]!.resources).toEqual({ requests: { cpu: '200m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(spec.initContainers[0]!.resources).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } });
    expect(p.metadata.annotations![LIMIT_RANGER_ANNOTATION]).toBe(
      'LimitRanger plugin set: memory request for container app; cpu, memory limit for container app; cpu, memory request for init container init; cpu, memory limit for init container init',
    );
  });

  it('leaves pods alone without LimitRanges and on update', async () => {
    const storage = await setup();
    const p = podOf('web', [{ name: 'nginx' }]);
    await admitAndValidate(storage, request(pod, p));
    expect(p.metadata.annotations).toBeUndefined();
    const withRange = await setup(range('l', [{ type: 'Container', default: { cpu: '1' } }]));
    const q = podOf('web', [{ name: 'nginx' }]);
    await admitAndValidate(withRange, request(pod, q, 'UPDATE', podOf('web', [{ name: 'nginx' }])));
    expect(q.metadata.annotations).toBeUndefined();
  });
});

describe('limitRanger constraints', () => {
  it('rejects a request below the Container minimum', async () => {
    const storage = await setup(range('min', [{ type: 'Container', min: { cpu: '100m' } }]));
    const p = podOf('web', [{ name: 'nginx', resources: { requests: { cpu: '50m' }, limits: { cpu: '50m' } } }]);
    expect(await rejection(storage, request(pod, p))).toBe('pods "web" is forbidden: minimum cpu usage per Container is 100m, but request is 50m');
  });

  it('aggregates several failures in brackets', async () => {
    const storage = await setup(range('max', [{ type: 'Container', max: { cpu: '1', memory: '1Gi' } }]));
    const p = podOf('web', [{ name: 'nginx', resources: { limits: { cpu: '2', memory: '2Gi' }, requests: { cpu: '2', memory: '2Gi' } } }]);
    expect(await rejection(storage, request(pod, p))).toBe(
      'pods "web" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
    );
  });

  it('reports a missing limit and deduplicates identical messages', async () => {
    const storage = await setup(range('max', [{ type: 'Container', max: { memory: '1Gi' }, default: {} }]));
    const p = podOf('web', [{ name: 'a', resources: { limits: { memory: '2Gi' } } }, { name: 'b', resources: { limits: { memory: '2Gi' } } }]);
    expect(await rejection(storage, request(pod, p))).toBe('pods "web" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi');
  });

  it('enforces maxLimitRequestRatio', async () => {
    const storage = await setup(range('ratio', [{ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }]));
    const p = podOf('web', [{ name: 'nginx', resources: { limits: { cpu: '1' }, requests: { cpu: '250m' } } }]);
    expect(await rejection(storage, request(pod, p))).toBe('pods "web" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000');
  });

  it('sums containers for the Pod type', async () => {
    const storage = await setup(range('pod', [{ type: 'Pod', max: { cpu: '1' } }]));
    const c = (n: string) => ({ name: n, resources: { limits: { cpu: '600m' }, requests: { cpu: '600m' } } });
    const p = podOf('web', [c('a'), c('b')]);
    expect(await rejection(storage, request(pod, p))).toBe('pods "web" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m');
  });

  it('checks claim storage against the PersistentVolumeClaim type', async () => {
    const storage = await setup(range('storage', [{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '10Gi' } }]));
    const claim = (size: string): KObject => ({ metadata: { name: 'data', namespace: 'default' }, spec: { resources: { requests: { storage: size } } } });
    expect(await rejection(storage, request(persistentVolumeClaim, claim('500Mi')))).toBe(
      'persistentvolumeclaims "data" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi',
    );
    expect(await rejection(storage, request(persistentVolumeClaim, claim('20Gi'), 'UPDATE', claim('5Gi')))).toBe(
      'persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi',
    );
    await admitAndValidate(storage, request(persistentVolumeClaim, claim('5Gi')));
  });

  it('admits a pod its defaults bring within range', async () => {
    const storage = await setup(range('l', [{ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1' } }]));
    const p = podOf('web', [{ name: 'nginx' }]);
    await admitAndValidate(storage, request(pod, p));
    expect((p.spec as { containers: { resources: unknown }[] }).containers[0]!.resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1' } });
  });
});
