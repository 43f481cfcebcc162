import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import type { Obj, ResourceRef } from '../../client/types.js';
import { fakeEnv } from '../framework/testing.js';
import type { DisruptionController } from './disruption-controller.js';
import { disruptionController } from './disruption-controller.js';

const NOW = '2026-01-01T00:00:00Z';
const owner = (kind: string, name: string, uid: string, apiVersion = 'apps/v1') => [{ apiVersion, kind, name, uid, controller: true }];

interface PodOpts { ready?: boolean; owners?: Obj['metadata']['ownerReferences']; deleting?: boolean; labels?: Record<string, string>; conditions?: unknown[] }
const pod = (name: string, o: PodOpts = {}): Obj => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', labels: o.labels ?? { app: 'web' }, ...(o.owners ? { ownerReferences: o.owners } : {}), ...(o.deleting ? { deletionTimestamp: NOW, finalizers: ['f'] } : {}) },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
  status: { phase: 'Running', conditions: o.conditions ?? [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }] },
});
const pdb = (spec: Record<string, unknown>, status?: Record<string, unknown>): Obj => ({
  apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'budget', namespace: 'default', generation: 2 },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec }, ...(status ? { status } : {}),
});
const workload = (kind: string, name: string, uid: string, replicas: number, extra: Partial<Obj['metadata']> = {}): Obj =>
  ({ apiVersion: 'apps/v1', kind, metadata: { name, namespace: 'default', uid, ...extra }, spec: { replicas } });

async function setup(seed: [ResourceRef, Obj[]][]) {
  const env = fakeEnv();
  for (const [ref, objs] of seed) env.fake.seed(ref, ...objs);
  const c = disruptionController.create(env.ctx) as DisruptionController;
  await env.ctx.informers.start();
  const status = () => env.fake.peek(REFS.pdbs, 'default', 'budget')!.status as Record<string, unknown>;
  const events = async () => { await env.ctx.recorder.flush(); return env.fake.all(REFS.events).map((e) => [e.reason, e.message]); };
  return { ...env, c, status, events };
}

const readyCond = (allowed: boolean) => ({
  type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', observedGeneration: 2, lastTransitionTime: NOW,
  reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '',
});

describe('disruption controller', () => {
  it('counts selected pods for an integer minAvailable', async () => {
    const { c, status } = await setup([[REFS.pods, [pod('a'), pod('b'), pod('c', { ready: false }), pod('x', { labels: { app: 'db' } })]], [REFS.pdbs, [pdb({ minAvailable: 1 })]]]);
    expect(await c.reconcile('default/budget')).toBeUndefined();
    expect(status()).toEqual({ observedGeneration: 2, disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 3, conditions: [readyCond(true)] });
  });

  it.each([
    ['maxUnavailable 1 of a Deployment', { maxUnavailable: 1 }, 4, 3, 0],
    ['maxUnavailable 50% rounds up', { maxUnavailable: '50%' }, 4, 2, 1],
    ['minAvailable 30% rounds up', { minAvailable: '30%' }, 4, 2, 1],
  ])('takes the controller scale for %s', async (_n, spec, expectedPods, desiredHealthy, disruptionsAllowed) => {
    const owned = owner('ReplicaSet', 'web-1', 'rs-uid');
    const { c, status } = await setup([
      [REFS.deployments, [workload('Deployment', 'web', 'dep-uid', 4)]],
      [REFS.replicasets, [workload('ReplicaSet', 'web-1', 'rs-uid', 4, { ownerReferences: owner('Deployment', 'web', 'dep-uid') })]],
      [REFS.pods, [pod('a', { owners: owned }), pod('b', { owners: owned }), pod('c', { owners: owned })]],
      [REFS.pdbs, [pdb(spec)]],
    ]);
    await c.reconcile('default/budget');
    expect(status()).toMatchObject({ expectedPods, desiredHealthy, currentHealthy: 3, disruptionsAllowed });
  });

  it('adds up StatefulSets and ReplicationControllers, and warns of unmanaged pods', async () => {
    const { c, status, events } = await setup([
      [REFS.statefulsets, [workload('StatefulSet', 'db', 'ss-uid', 3)]],
      [REFS.replicationcontrollers, [{ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'old', namespace: 'default', uid: 'rc-uid' }, spec: { replicas: 2 } }]],
      [REFS.pods, [pod('db-0', { owners: owner('StatefulSet', 'db', 'ss-uid') }), pod('old-x', { owners: owner('ReplicationController', 'old', 'rc-uid', 'v1') }), pod('bare')]],
      [REFS.pdbs, [pdb({ maxUnavailable: 0 })]],
    ]);
    await c.reconcile('default/budget');
    expect(status()).toMatchObject({ expectedPods: 5, desiredHealthy: 5, currentHealthy: 3, disruptionsAllowed: 0 });
    expect(await events()).toContainEqual(['UnmanagedPods', 'Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.']);
  });

  it.each([
    ['a DaemonSet has no scale', owner('DaemonSet', 'ds', 'ds-uid'), 'daemonsets.apps does not implement the scale subresource'],
    ['the owner is gone', owner('ReplicaSet', 'gone', 'x'), 'found no controllers for pod "a"'],
    ['an unknown kind', owner('Widget', 'w', 'w-uid', 'example.com/v1'), 'no matches for kind "Widget" in version "example.com/v1"'],
  ])('fails safe when %s', async (_n, owners, message) => {
    const { c, status, events } = await setup([[REFS.pods, [pod('a', { owners })]], [REFS.pdbs, [pdb({ maxUnavailable: 1 }, { disruptionsAllowed: 1, currentHealthy: 1, desiredHealthy: 0, expectedPods: 1, observedGeneration: 2 })]]]);
    await c.reconcile('default/budget');
    expect(status()).toEqual({
      observedGeneration: 2, disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 0, expectedPods: 1,
      conditions: [{ type: 'DisruptionAllowed', status: 'False', observedGeneration: 2, lastTransitionTime: NOW, reason: 'SyncFailed', message }],
    });
    expect(await events()).toContainEqual(['CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${message}`]);
  });

  it('reports no pods and allows nothing without expected pods', async () => {
    const { c, status, events } = await setup([[REFS.pdbs, [pdb({ minAvailable: 0 })]]]);
    await c.reconcile('default/budget');
    expect(status()).toMatchObject({ expectedPods: 0, disruptionsAllowed: 0, conditions: [readyCond(false)] });
    expect(await events()).toEqual([['NoPods', 'No matching pods found']]);
  });

  it('keeps what the eviction subresource recorded until the pod goes or two minutes pass', async () => {
    const evicted = { disruptedPods: { a: '2025-12-31T23:59:30Z', b: '2025-12-31T23:57:00Z', gone: '2025-12-31T23:59:50Z', c: '2025-12-31T23:59:55Z' }, disruptionsAllowed: 0, currentHealthy: 4, desiredHealthy: 2, expectedPods: 4, observedGeneration: 2 };
    const { c, status, events } = await setup([[REFS.pods, [pod('a'), pod('b'), pod('c', { deleting: true }), pod('d')]], [REFS.pdbs, [pdb({ minAvailable: 2 }, evicted)]]]);
    expect(await c.reconcile('default/budget')).toEqual({ requeueAfter: 90_000 });
    expect(status()).toMatchObject({ disruptedPods: { a: '2025-12-31T23:59:30Z' }, currentHealthy: 2, expectedPods: 4, disruptionsAllowed: 0 });
    expect(await events()).toEqual([['NotDeleted', "Pod was expected by PDB default/default to be deleted but it wasn't"]]);
  });

  it('writes nothing when the status is current, and moves the transition time only with the status', async () => {
    const { c, fake, clock, status } = await setup([[REFS.pods, [pod('a'), pod('b')]], [REFS.pdbs, [pdb({ minAvailable: 1 })]]]);
    await c.reconcile('default/budget');
    await new Promise((r) => setImmediate(r));
    await c.reconcile('default/budget');
    expect(fake.actions.filter((a) => a.resource === 'poddisruptionbudgets')).toHaveLength(1);
    clock.advance(60_000);
    await fake.patch(REFS.pods, 'default', 'b', 'application/merge-patch+json', { status: { conditions: [{ type: 'Ready', status: 'False' }] } });
    await new Promise((r) => setImmediate(r));
    expect(c.queue.length).toBe(1);
    await c.reconcile('default/budget');
    expect(status()).toMatchObject({ currentHealthy: 1, disruptionsAllowed: 0, conditions: [{ status: 'False', reason: 'InsufficientPods', lastTransitionTime: '2026-01-01T00:01:00Z' }] });
  });

  it('resets a DisruptionTarget condition left on a pod that never terminated', async () => {
    const cond = (at: string) => [{ type: 'Ready', status: 'True' }, { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', lastTransitionTime: at }];
    const { c, fake, clock } = await setup([[REFS.pods, [pod('old', { conditions: cond('2025-12-31T23:57:00Z') }), pod('new', { conditions: cond('2025-12-31T23:59:00Z') })]]]);
    expect(c.queue.length).toBe(1);
    const key = (await c.queue.get())!;
    expect(key).toBe('stale-pod:default/old');
    await c.reconcile(key);
    expect(fake.peek(REFS.pods, 'default', 'old')!.status).toMatchObject({ conditions: [{ type: 'Ready' }, { type: 'DisruptionTarget', status: 'False', lastTransitionTime: NOW }] });
    expect(await c.reconcile('stale-pod:default/new')).toEqual({ requeueAfter: 60_000 });
    clock.advance(60_000);
    expect(c.queue.length).toBe(1);
  });
});
