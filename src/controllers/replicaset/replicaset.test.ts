import { describe, expect, it, vi } from 'vitest';
import { REFS } from '../../client/refs.js';
import { ApiError, type Obj } from '../../client/types.js';
import { EXPECTATIONS_TIMEOUT_MS } from './expectations.js';
import { REPLICATION_CONTROLLER } from './kinds.js';
import { at, events, harness, pod, replicaSet } from './testdata.js';

const names = (objs: Obj[]) => objs.map((o) => o.metadata.name).sort();
const creates = (h: { fake: { actions: { verb: string; resource: string }[] } }) => h.fake.actions.filter((a) => a.verb === 'create' && a.resource === 'pods');

describe('replicaset controller: scaling', () => {
  it('creates missing pods from the template, owned by the ReplicaSet, and reports them', async () => {
    const h = await harness([replicaSet('web', 3, { uid: 'rs-1' })]);
    await h.controller.reconcile('default/web');
    const pods = h.fake.all(REFS.pods, 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-/);
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true, blockOwnerDeletion: true }]);
    }
    expect((await events(h)).sort()).toEqual(pods.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata.name}`).sort());
    await h.controller.reconcile('default/web');
    expect(creates(h)).toHaveLength(3);
    expect(h.fake.peek(REFS.replicasets, 'default', 'web')?.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('creates in slow-start batches and stops at the first failing batch', async () => {
    const h = await harness([replicaSet('web', 10)]);
    const real = h.fake.create.bind(h.fake);
    let calls = 0;
    vi.spyOn(h.fake, 'create').mockImplementation(async (ref, ns, obj, o) => {
      if (ref.resource === 'pods' && ++calls > 2) {
        throw new ApiError({ code: 403, reason: 'Forbidden', message: 'pods "web-x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2' });
      }
      return real(ref, ns, obj, o);
    });
    await expect(h.controller.reconcile('default/web')).rejects.toThrow(/exceeded quota/);
    expect(calls).toBe(3); // batch of 1, then a batch of 2 with one failure
    expect(h.controller.expectations.satisfied('default/web')).toBe(true);
    const rs = h.fake.peek(REFS.replicasets, 'default', 'web');
    expect((rs?.status as { conditions: unknown[] }).conditions).toEqual([{
      type: 'ReplicaFailure', status: 'True', lastTransitionTime: at(0), reason: 'FailedCreate',
      message: 'pods "web-x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2',
    }]);
    expect(await events(h)).toContain('Warning FailedCreate Error creating: pods "web-x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2');

    vi.mocked(h.fake.create).mockRestore();
    await h.controller.reconcile('default/web');
    await h.controller.reconcile('default/web');
    expect(h.fake.all(REFS.pods)).toHaveLength(10);
    expect(h.fake.peek(REFS.replicasets, 'default', 'web')?.status).toEqual({ replicas: 10, fullyLabeledReplicas: 10, observedGeneration: 1 });
  });

  it('caps one sync at 500 creates', async () => {
    const h = await harness([replicaSet('web', 600)]);
    await h.controller.reconcile('default/web');
    expect(creates(h)).toHaveLength(500);
  });

  it('deletes the surplus pods in ActivePodsWithRanks order', async () => {
    const rs = replicaSet('web', 2, { uid: 'rs-1' });
    const owner = { ...rs, metadata: { ...rs.metadata, uid: 'rs-1' } };
    const h = await harness([rs], [
      pod('running-ready-old', { owner, node: 'n1', ready: true, created: -3600 }),
      pod('unassigned', { owner, phase: 'Pending' }),
      pod('pending', { owner, node: 'n1', phase: 'Pending' }),
      pod('not-ready', { owner, node: 'n1' }),
      pod('running-ready-new', { owner, node: 'n1', ready: true, created: -60, readySince: -10 }),
    ]);
    h.clock.advance(0);
    await h.controller.reconcile('default/web');
    const deleted = h.fake.actions.filter((a) => a.verb === 'delete').map((a) => a.name);
    expect(deleted).toEqual(['unassigned', 'pending', 'not-ready']);
    expect(names(h.fake.all(REFS.pods))).toEqual(['running-ready-new', 'running-ready-old']);
    expect(await events(h)).toContain('Normal SuccessfulDelete Deleted pod: unassigned');
  });

  it('does not count pods being deleted or finished, and replaces them', async () => {
    const rs = replicaSet('web', 2, { uid: 'rs-1' });
    const h = await harness([rs], [
      pod('a', { owner: rs, node: 'n1', ready: true }),
      pod('b', { owner: rs, node: 'n1', ready: true, deleting: true }),
      pod('c', { owner: rs, node: 'n1', phase: 'Failed' }),
    ]);
    await h.controller.reconcile('default/web');
    expect(creates(h)).toHaveLength(1);
  });

  it('replaces a pod that was deleted', async () => {
    const h = await harness([replicaSet('web', 2)]);
    await h.controller.reconcile('default/web');
    const [first] = h.fake.all(REFS.pods);
    await h.fake.delete(REFS.pods, 'default', first!.metadata.name!);
    await h.controller.reconcile('default/web');
    expect(h.fake.all(REFS.pods)).toHaveLength(2);
    expect(creates(h)).toHaveLength(3);
  });
});

describe('replicaset controller: expectations', () => {
  it('does not create again while its creates are unobserved, until they expire', async () => {
    const h = await harness([replicaSet('web', 2)]);
    h.ctx.informers.stop(); // the cache no longer sees the pods it creates
    await h.controller.reconcile('default/web');
    await h.controller.reconcile('default/web');
    expect(creates(h)).toHaveLength(2);
    expect(h.controller.expectations.pending('default/web')).toEqual({ add: 2, del: 0 });
    h.clock.advance(EXPECTATIONS_TIMEOUT_MS + 1);
    await h.controller.reconcile('default/web');
    expect(creates(h)).toHaveLength(4);
  });

  it('lowers expectations as the informer reports its pods', async () => {
    const h = await harness([replicaSet('web', 2)]);
    await h.controller.reconcile('default/web');
    expect(h.controller.expectations.pending('default/web')).toEqual({ add: 0, del: 0 });
    await h.fake.patch(REFS.replicasets, 'default', 'web', 'application/merge-patch+json', { spec: { replicas: 0 } });
    await h.controller.reconcile('default/web');
    expect(h.controller.expectations.pending('default/web')).toEqual({ add: 0, del: 0 });
    expect(h.fake.all(REFS.pods)).toHaveLength(0);
  });
});

describe('replicaset controller: adoption', () => {
  it('adopts matching orphans, releases owned pods that stopped matching, leaves others alone', async () => {
    const rs = replicaSet('web', 3, { uid: 'rs-1' });
    const other = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', uid: 'job-1' } } as Obj;
    const h = await harness([rs], [
      pod('orphan', { node: 'n1' }),
      pod('strayed', { owner: rs, labels: { app: 'db' } }),
      pod('foreign', { owner: other }),
      pod('orphan-deleting', { deleting: true }),
    ]);
    await h.controller.reconcile('default/web');
    const patches = h.fake.actions.filter((a) => a.verb === 'patch');
    expect(patches.map((a) => [a.name, a.object])).toEqual([
      ['orphan', { metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true, blockOwnerDeletion: true }], uid: 'uid-orphan' } }],
      ['strayed', { metadata: { ownerReferences: [{ $patch: 'delete', uid: 'rs-1' }], uid: 'uid-strayed' } }],
    ]);
    // the adopted orphan counts: two more pods make three
    expect(creates(h)).toHaveLength(2);
  });

  it('adopts nothing when a fresh read shows the ReplicaSet being deleted', async () => {
    const rs = replicaSet('web', 1, { uid: 'rs-1' });
    const h = await harness([rs], [pod('orphan')]);
    vi.spyOn(h.fake, 'get').mockResolvedValue({ ...rs, metadata: { ...rs.metadata, deletionTimestamp: at(5) } });
    await expect(h.controller.reconcile('default/web')).rejects.toThrow(/can't adopt Pod default\/orphan \(uid-orphan\): default\/web has just been deleted/);
    expect(h.fake.actions.filter((a) => a.verb === 'patch')).toEqual([]);
  });
});

describe('replicaset controller: status', () => {
  it('counts fully labeled, ready and available pods and requeues when one will become available', async () => {
    const rs = replicaSet('web', 3, { uid: 'rs-1', minReadySeconds: 10, labels: { app: 'web', tier: 'fe' } });
    const h = await harness([rs], [
      pod('a', { owner: rs, node: 'n', ready: true, readySince: -60, labels: { app: 'web', tier: 'fe' } }),
      pod('b', { owner: rs, node: 'n', ready: true, readySince: -4, labels: { app: 'web', tier: 'fe' } }),
      pod('c', { owner: rs, node: 'n', ready: false }),
    ]);
    const r = await h.controller.reconcile('default/web');
    expect(h.fake.peek(REFS.replicasets, 'default', 'web')?.status).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 });
    expect(r).toEqual({ requeueAfter: 6000 });
    h.clock.advance(6000);
    await h.controller.reconcile('default/web');
    expect(h.fake.peek(REFS.replicasets, 'default', 'web')?.status).toMatchObject({ availableReplicas: 2 });
  });

  it('writes no status when nothing changed', async () => {
    const rs = { ...replicaSet('web', 1, { uid: 'rs-1' }), status: { replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 1 } };
    const h = await harness([rs], [pod('a', { owner: rs, node: 'n' })]);
    await h.controller.reconcile('default/web');
    expect(h.fake.actions).toEqual([]);
  });
});

describe('replicationcontroller', () => {
  it('shares the logic with a map selector and v1 owner references', async () => {
    const rc: Obj = {
      apiVersion: 'v1', kind: 'ReplicationController',
      metadata: { name: 'web', namespace: 'default', uid: 'rc-1', generation: 2 },
      spec: { replicas: 2, selector: { app: 'web' }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } },
    };
    const h = await harness([rc], [pod('orphan')], REPLICATION_CONTROLLER);
    await h.controller.reconcile('default/web');
    const pods = h.fake.all(REFS.pods);
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', uid: 'rc-1' });
    await h.ctx.recorder.flush();
    expect(h.fake.all(REFS.events)[0]?.involvedObject).toMatchObject({ kind: 'ReplicationController', apiVersion: 'v1', name: 'web' });
    expect(h.fake.peek(REFS.replicationcontrollers, 'default', 'web')?.status).toEqual({ replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 2 });
  });
});
