import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import type { AdmissionRequest } from '../registry/admission.js';
import type { KObject } from '../types.js';
import { pod } from '../resources/pod.js';
import { runtimeClass } from '../resources/runtimeclass.js';
import { mergeTolerations, runtimeClassAdmission } from './runtime-class.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function plugin(...classes: KObject[]) {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-rc-'));
  const store = openStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const storage = new ObjectStorage(store);
  for (const c of classes) await storage.create(runtimeClass, c);
  const p = runtimeClassAdmission(storage);
  /** Both phases, as the chain runs them; the pod's spec afterwards. */
  return async (spec: Record<string, unknown>, subresource = ''): Promise<Record<string, unknown>> => {
    const req: AdmissionRequest = {
      op: 'CREATE', d: pod, subresource, namespace: 'default', name: 'web', obj: { metadata: { name: 'web', namespace: 'default' }, spec }, old: undefined,
      ctx: { user: { name: 'admin', groups: [] }, dryRun: false, fieldValidation: 'Strict', warnings: [] },
    };
    await p.admit!(req);
    await p.validate!(req);
    return req.obj!.spec as Record<string, unknown>;
  };
}

const rc = (name: string, body: Record<string, unknown>): KObject => ({ metadata: { name }, handler: 'runsc', ...body });
const NOT_READY = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const GVISOR = rc('gvisor', {
  overhead: { podFixed: { cpu: '250m', memory: '120Mi' } },
  scheduling: { nodeSelector: { runtime: 'gvisor' }, tolerations: [{ key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' }] },
});

async function rejection(run: Promise<unknown>): Promise<{ code: number; message: string }> {
  const err = (await run.then(() => undefined, (e: unknown) => e)) as { code: number; message: string } | undefined;
  if (err === undefined) throw new Error('the pod was admitted');
  return { code: err.code, message: err.message };
}

describe('RuntimeClass admission', () => {
  it('leaves a pod without a runtimeClassName alone', async () => {
    const admit = await plugin(GVISOR);
    expect(await admit({ containers: [] })).toEqual({ containers: [] });
  });

  it('rejects a pod naming a RuntimeClass that does not exist', async () => {
    const admit = await plugin();
    expect(await rejection(admit({ runtimeClassName: 'kata' }))).toEqual({ code: 403, message: 'pods "web" is forbidden: pod rejected: RuntimeClass "kata" not found' });
  });

  it('sets the overhead and merges the node selector and tolerations', async () => {
    const admit = await plugin(GVISOR);
    expect(await admit({ runtimeClassName: 'gvisor', nodeSelector: { disk: 'ssd' }, tolerations: [NOT_READY] })).toEqual({
      runtimeClassName: 'gvisor',
      overhead: { cpu: '250m', memory: '120Mi' },
      nodeSelector: { disk: 'ssd', runtime: 'gvisor' },
      tolerations: [NOT_READY, { key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' }],
    });
  });

  it('refuses a node selector that contradicts the class', async () => {
    const admit = await plugin(GVISOR);
    expect((await rejection(admit({ runtimeClassName: 'gvisor', nodeSelector: { runtime: 'runc' } }))).message)
      .toBe('pods "web" is forbidden: conflict: runtimeClass.scheduling.nodeSelector[runtime] = gvisor; pod.spec.nodeSelector[runtime] = runc');
  });

  it('accepts an overhead equal to the class\'s in value, refuses a different one', async () => {
    const admit = await plugin(GVISOR);
    expect((await admit({ runtimeClassName: 'gvisor', overhead: { cpu: '0.25', memory: '120Mi' } })).overhead).toEqual({ cpu: '250m', memory: '120Mi' });
    expect((await rejection(admit({ runtimeClassName: 'gvisor', overhead: { cpu: '1' } }))).message)
      .toBe('pods "web" is forbidden: pod rejected: Pod\'s Overhead doesn\'t match RuntimeClass\'s defined Overhead');
  });

  it('refuses an overhead no class defines', async () => {
    const admit = await plugin(rc('runc', {}));
    for (const spec of [{ overhead: { cpu: '1' } }, { runtimeClassName: 'runc', overhead: { cpu: '1' } }]) {
      expect((await rejection(admit(spec))).message).toBe('pods "web" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead');
    }
  });

  it('ignores subresources', async () => {
    const admit = await plugin();
    expect(await admit({ runtimeClassName: 'kata' }, 'binding')).toEqual({ runtimeClassName: 'kata' });
  });
});

describe('mergeTolerations', () => {
  it('drops a toleration another one covers, keeps the first of equal ones', () => {
    const any = { operator: 'Exists' };
    const keyed = { key: 'a', operator: 'Equal', value: 'x', effect: 'NoSchedule' };
    expect(mergeTolerations([keyed], [any])).toEqual([any]);
    expect(mergeTolerations([keyed], [keyed])).toEqual([keyed]);
    expect(mergeTolerations([{ key: 'a', operator: 'Exists' }], [keyed])).toEqual([{ key: 'a', operator: 'Exists' }]);
    // on NoExecute, a longer tolerationSeconds covers a shorter one, whichever list it is in
    const short = { key: 'n', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 };
    const long = { key: 'n', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
    expect(mergeTolerations([long], [short])).toEqual([long]);
    expect(mergeTolerations([short], [long])).toEqual([long]);
    expect(mergeTolerations([{ key: 'n', operator: 'Exists' }], [long])).toEqual([{ key: 'n', operator: 'Exists' }]);
    expect(mergeTolerations([], [])).toEqual([]);
  });
});
