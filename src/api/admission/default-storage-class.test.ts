import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import type { AdmissionRequest, Operation } from '../registry/admission.js';
import type { KObject } from '../types.js';
import { storageClass } from '../resources/storageclass.js';
import { persistentVolumeClaim } from '../resources/persistentvolumeclaim.js';
import { BETA_IS_DEFAULT_CLASS, BETA_STORAGE_CLASS, defaultStorageClass, IS_DEFAULT_CLASS, pickDefaultClass } from './default-storage-class.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const sc = (name: string, created: string, annotations: Record<string, string> = {}): KObject =>
  ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, creationTimestamp: created, annotations }, provisioner: 'rancher.io/local-path' });

async function setup(...classes: KObject[]): Promise<ObjectStorage> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-sc-'));
  const store = openStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const storage = new ObjectStorage(store);
  for (const c of classes) await storage.create(storageClass, c);
  return storage;
}

const claim = (spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KObject =>
  ({ metadata: { name: 'data', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec: { accessModes: ['ReadWriteOnce'], ...spec } });

const request = (obj: KObject, op: Operation = 'CREATE', subresource = ''): AdmissionRequest => ({
  op, d: persistentVolumeClaim, subresource, namespace: 'default', name: 'data', obj, old: undefined,
  ctx: { user: { name: 'admin', groups: [] }, dryRun: false, fieldValidation: 'Strict', warnings: [] },
});

const classOf = (o: KObject) => (o.spec as { storageClassName?: string | null }).storageClassName;

describe('defaultStorageClass', () => {
  it('gives a claim without a class the default one', async () => {
    const storage = await setup(sc('slow', '2024-01-01T00:00:00Z'), sc('standard', '2024-01-01T00:00:00Z', { [IS_DEFAULT_CLASS]: 'true' }));
    const pvc = claim();
    await defaultStorageClass(storage).admit!(request(pvc));
    expect(classOf(pvc)).toBe('standard');
  });

  it('leaves claims that name a class (even "" or by the beta annotation), updates and no default alone', async () => {
    const storage = await setup(sc('standard', '2024-01-01T00:00:00Z', { [IS_DEFAULT_CLASS]: 'true' }));
    const plugin = defaultStorageClass(storage);
    for (const pvc of [claim({ storageClassName: '' }), claim({ storageClassName: 'fast' }), claim({}, { [BETA_STORAGE_CLASS]: 'fast' })]) {
      const before = classOf(pvc);
      await plugin.admit!(request(pvc));
      expect(classOf(pvc)).toBe(before);
    }
    const updated = claim();
    await plugin.admit!(request(updated, 'UPDATE'));
    expect(classOf(updated)).toBeUndefined();
    const none = claim();
    await defaultStorageClass(await setup(sc('slow', '2024-01-01T00:00:00Z'))).admit!(request(none));
    expect(classOf(none)).toBeUndefined();
  });

  it('takes a null storageClassName as unset', async () => {
    const storage = await setup(sc('standard', '2024-01-01T00:00:00Z', { [BETA_IS_DEFAULT_CLASS]: 'true' }));
    const pvc = claim({ storageClassName: null });
    await defaultStorageClass(storage).admit!(request(pvc));
    expect(classOf(pvc)).toBe('standard');
  });

  it('picks the newest of several defaults, then the first name', () => {
    const d = { [IS_DEFAULT_CLASS]: 'true' };
    expect(pickDefaultClass([sc('a', '2024-01-01T00:00:00Z', d), sc('b', '2024-02-01T00:00:00Z', d), sc('c', '2023-01-01T00:00:00Z', d)])?.metadata.name).toBe('b');
    expect(pickDefaultClass([sc('z', '2024-01-01T00:00:00Z', d), sc('m', '2024-01-01T00:00:00Z', { [BETA_IS_DEFAULT_CLASS]: 'true' })])?.metadata.name).toBe('m');
    expect(pickDefaultClass([sc('x', '2024-01-01T00:00:00Z', { [IS_DEFAULT_CLASS]: 'false' })])).toBeUndefined();
  });
});
