// The APF config producer and consumer over a real store: the bootstrap objects, created once
// and left alone after, and each FlowSchema's Dangling condition following its priority level.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import { Registry } from '../registry/rest.js';
import { systemContext } from '../registry/context.js';
import { flowSchema } from '../resources/flowschema.js';
import { priorityLevelConfiguration } from '../resources/prioritylevelconfiguration.js';
import { FlowControl } from './controller.js';

const ADMIN = systemContext({ name: 'admin', groups: ['system:masters'] });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

let clock = Date.UTC(2025, 4, 1, 10);

async function setup(): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-apf-'));
  const store = openStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let n = 0;
  return new Registry(new ObjectStorage(store), { now: () => clock, uid: () => `uid-${++n}`, suffix: () => 'abcde' }, []);
}

const names = async (r: Registry, d: typeof flowSchema) => (await r.storage.list(d, undefined)).items.map((o) => o.metadata.name);

describe('FlowControl', () => {
  it('creates v1.32\'s priority levels and flow schemas once, and marks every schema Found', async () => {
    const r = await setup();
    const apf = new FlowControl(r, () => clock);
    await apf.ensureBootstrap();
    await apf.sync();
    expect(await names(r, priorityLevelConfiguration)).toEqual(['catch-all', 'exempt', 'global-default', 'leader-election', 'node-high', 'system', 'workload-high', 'workload-low']);
    expect(await names(r, flowSchema)).toEqual(['catch-all', 'endpoint-controller', 'exempt', 'global-default', 'kube-controller-manager', 'kube-scheduler', 'kube-system-service-accounts', 'probes', 'service-accounts', 'system-leader-election', 'system-node-high', 'system-nodes', 'workload-leader-election']);
    const exempt = await r.storage.get(flowSchema, undefined, 'exempt');
    expect(exempt.metadata).toMatchObject({ annotations: { 'apf.kubernetes.io/autoupdate-spec': 'true' }, generation: 1 });
    expect(exempt.status).toEqual({ conditions: [{ type: 'Dangling', status: 'False', lastTransitionTime: '2025-05-01T10:00:00Z', reason: 'Found', message: 'This FlowSchema references the PriorityLevelConfiguration object named "exempt" and it exists' }] });
    await r.delete(flowSchema, undefined, 'probes', {}, ADMIN);
    await apf.ensureBootstrap();
    expect(await names(r, flowSchema)).toContain('probes');
  });

  it('puts back the spec of an auto-updated level, and leaves one whose annotation is not "true"', async () => {
    const r = await setup();
    const apf = new FlowControl(r, () => clock);
    await apf.ensureBootstrap();
    const edit = async (name: string, annotation: string) => {
      const pl = await r.storage.get(priorityLevelConfiguration, undefined, name);
      const spec = pl.spec as { limited: { nominalConcurrencyShares: number } };
      spec.limited.nominalConcurrencyShares = 99;
      await r.update(priorityLevelConfiguration, undefined, name, { ...pl, metadata: { ...pl.metadata, annotations: { 'apf.kubernetes.io/autoupdate-spec': annotation } } }, ADMIN);
    };
    await edit('workload-low', 'true');
    await edit('global-default', 'false');
    await apf.ensureBootstrap();
    const shares = async (name: string) => ((await r.storage.get(priorityLevelConfiguration, undefined, name)).spec as { limited: { nominalConcurrencyShares: number } }).limited.nominalConcurrencyShares;
    expect([await shares('workload-low'), await shares('global-default')]).toEqual([100, 99]);
  });

  it('marks a schema Dangling when its level goes, with a new transition time', async () => {
    const r = await setup();
    const apf = new FlowControl(r, () => clock);
    await apf.ensureBootstrap();
    await apf.sync();
    const before = (await r.storage.get(flowSchema, undefined, 'service-accounts')).metadata.resourceVersion;
    await apf.sync();
    expect((await r.storage.get(flowSchema, undefined, 'service-accounts')).metadata.resourceVersion).toBe(before);
    clock += 60_000;
    await r.delete(priorityLevelConfiguration, undefined, 'workload-low', {}, ADMIN);
    await apf.sync();
    expect((await r.storage.get(flowSchema, undefined, 'service-accounts')).status).toEqual({ conditions: [{ type: 'Dangling', status: 'True', lastTransitionTime: '2025-05-01T10:01:00Z', reason: 'NotFound', message: 'This FlowSchema references the PriorityLevelConfiguration object named "workload-low" but there is no such object' }] });
  });
});
