import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import type { AdmissionRequest } from '../registry/admission.js';
import { pod } from '../resources/pod.js';
import { serviceAccount } from '../resources/serviceaccount.js';
import { serviceAccountAdmission } from './service-account.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-sa-'));
  const store = openStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const storage = new ObjectStorage(store);
  const waits: number[] = [];
  /** Each wait is where the controller may act: `during(n)` runs on the n-th wait. */
  const during = new Map<number, () => Promise<void>>();
  const p = serviceAccountAdmission(storage, () => 'abcde', {
    interval: () => 150,
    sleep: async (ms) => {
      waits.push(ms);
      await during.get(waits.length)?.();
    },
  });
  const admit = async (spec: Record<string, unknown> = { containers: [{ name: 'c', image: 'nginx' }] }) => {
    const req: AdmissionRequest = {
      op: 'CREATE', d: pod, subresource: '', namespace: 'fresh', name: 'web', obj: { metadata: { name: 'web', namespace: 'fresh' }, spec }, old: undefined,
      ctx: { user: { name: 'admin', groups: [] }, dryRun: false, fieldValidation: 'Strict', warnings: [] },
    };
    await p.admit!(req);
    return req.obj!.spec as Record<string, unknown>;
  };
  const makeAccount = (name: string) => async () => {
    await storage.create(serviceAccount, { metadata: { name, namespace: 'fresh' } });
  };
  return { admit, waits, during, makeAccount };
}

describe('ServiceAccount admission', () => {
  it('waits for a default account the controller has not made yet', async () => {
    const s = setup();
    s.during.set(3, s.makeAccount('default'));
    const spec = await s.admit();
    expect(s.waits).toEqual([150, 150, 150]);
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.volumes).toEqual([expect.objectContaining({ name: 'kube-api-access-abcde' })]);
  });

  it('gives up on the default account after ten lookups', async () => {
    const s = setup();
    await expect(s.admit()).rejects.toThrow('pods "web" is forbidden: error looking up service account fresh/default: serviceaccount "default" not found');
    expect(s.waits).toHaveLength(9);
  });

  it('looks up any other account once', async () => {
    const s = setup();
    await expect(s.admit({ serviceAccountName: 'robot', containers: [] })).rejects.toThrow('error looking up service account fresh/robot: serviceaccount "robot" not found');
    expect(s.waits).toEqual([]);
    await s.makeAccount('robot')();
    expect((await s.admit({ serviceAccountName: 'robot', automountServiceAccountToken: false, containers: [] })).volumes).toBeUndefined();
  });
});
