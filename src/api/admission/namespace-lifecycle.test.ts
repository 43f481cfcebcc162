import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import type { AdmissionRequest, Operation } from '../registry/admission.js';
import { configMap } from '../resources/configmap.js';
import { namespace } from '../resources/namespace.js';
import { NamespaceCache, namespaceLifecycle } from './namespace-lifecycle.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-nsl-'));
  const store = openStore(dir);
  const storage = new ObjectStorage(store);
  const cache = new NamespaceCache(storage);
  cleanups.push(async () => {
    await cache.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let now = 1_000_000;
  const reads: string[] = [];
  const counting = Object.create(storage) as ObjectStorage;
  counting.tryGet = (async (d, ns, name) => {
    reads.push(name);
    return storage.tryGet(d, ns, name);
  }) as ObjectStorage['tryGet'];
  const plugin = namespaceLifecycle(counting, cache, () => now);
  const admit = (op: Operation, ns: string, d = configMap, name = 'x') => {
    const req: AdmissionRequest = {
      op, d, subresource: '', namespace: d === namespace ? undefined : ns, name: d === namespace ? ns : name,
      obj: { metadata: { name } }, old: undefined, ctx: { user: { name: 'admin', groups: [] }, dryRun: false, fieldValidation: 'Strict', warnings: [] },
    };
    return plugin.admit!(req);
  };
  return { storage, cache, reads, admit, advance: (ms: number) => (now += ms) };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('NamespaceLifecycle', () => {
  it('reads namespaces from the cache, and the store when the cache has not got one', async () => {
    const t = await setup();
    await t.storage.create(namespace, { metadata: { name: 'a' }, status: { phase: 'Active' } });
    await t.cache.start();
    await t.admit('CREATE', 'a');
    expect(t.reads).toEqual([]);
    await t.storage.create(namespace, { metadata: { name: 'b' }, status: { phase: 'Active' } });
    await t.admit('CREATE', 'b'); // the watch may not have brought it yet: asked live, found
    await expect(t.admit('CREATE', 'nosuch')).rejects.toMatchObject({ status: { code: 404, message: 'namespaces "nosuch" not found' } });
    expect(t.reads).toContain('nosuch');
  });

  it('asks the store for 30 s after a namespace was deleted here, whatever the cache still says', async () => {
    const t = await setup();
    await t.storage.create(namespace, { metadata: { name: 'gone' }, status: { phase: 'Active' } });
    await t.cache.start();
    await t.admit('DELETE', 'gone', namespace);
    const cur = await t.storage.get(namespace, undefined, 'gone');
    await t.storage.update(namespace, { ...cur, status: { phase: 'Terminating' } }, Number(cur.metadata.resourceVersion));
    await expect(t.admit('CREATE', 'gone')).rejects.toMatchObject({
      status: { code: 403, message: 'configmaps "x" is forbidden: unable to create new content in namespace gone because it is being terminated' },
    });
    expect(t.reads).toEqual(['gone']);
    await settle();
    t.advance(30_000);
    await expect(t.admit('CREATE', 'gone')).rejects.toMatchObject({ status: { code: 403 } }); // from the cache, which has caught up
    expect(t.reads).toEqual(['gone']);
  });

  it('never lets the system namespaces go', async () => {
    const t = await setup();
    await expect(t.admit('DELETE', 'kube-system', namespace)).rejects.toMatchObject({ status: { code: 403, message: 'namespaces "kube-system" is forbidden: this namespace may not be deleted' } });
  });
});
