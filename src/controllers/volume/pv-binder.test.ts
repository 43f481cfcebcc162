import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { PersistentVolumeBinder } from './pv-binder.js';
import { node, podUsing, pv, pvc, storageClass } from './testdata.js';
import type { PV, PVC } from './types.js';

const settle = () => new Promise((r) => setImmediate(r));

async function setup(seed: (f: ReturnType<typeof fakeEnv>['fake']) => void) {
  const env = fakeEnv();
  seed(env.fake);
  const binder = new PersistentVolumeBinder(env.ctx);
  await env.ctx.informers.start();
  const events = async (): Promise<{ reason: string; message: string; type: string; involvedObject: { kind?: string; name?: string } }[]> => {
    await binder.flush();
    return env.fake.all(REFS.events) as never;
  };
  return { ...env, binder, events };
}

const writes = (actions: { verb: string; resource: string; name: string; subresource?: string }[]) =>
  actions.filter((a) => a.resource !== 'events').map((a) => `${a.verb} ${a.resource}${a.subresource ? `/${a.subresource}` : ''} ${a.name}`);

describe('persistentvolume-binder: static binding', () => {
  it('binds a pending claim to the smallest fitting volume, volume first, and is idempotent', async () => {
    const { fake, binder } = await setup((f) => {
      f.seed(REFS.persistentvolumes, pv('big', '10Gi'), pv('small', '2Gi'));
      f.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi'));
    });
    expect(await binder.reconcile('default/data')).toEqual({ requeueAfter: 15_000 });
    expect(writes(fake.actions)).toEqual([
      'update persistentvolumes small', 'update persistentvolumes/status small',
      'update persistentvolumeclaims data', 'update persistentvolumeclaims/status data',
    ]);
    const vol = fake.peek<PV>(REFS.persistentvolumes, '', 'small')!;
    expect(vol.spec?.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: 'default', name: 'data', uid: 'uid-data' });
    expect(vol.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(vol.status).toMatchObject({ phase: 'Bound', lastPhaseTransitionTime: '2026-01-01T00:00:00Z' });
    const claim = fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'data')!;
    expect(claim.spec?.volumeName).toBe('small');
    expect(claim.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    expect(fake.peek<PV>(REFS.persistentvolumes, '', 'big')!.spec?.claimRef).toBeUndefined();

    await settle();
    const before = fake.actions.length;
    await binder.reconcile('default/data');
    await binder.reconcile('small');
    await binder.reconcile('big');
    expect(fake.actions.length).toBe(before);
  });

  it('honours a volume pre-bound by the user (no bound-by-controller on the volume)', async () => {
    const { fake, binder } = await setup((f) => {
      f.seed(REFS.persistentvolumes, pv('reserved', '5Gi', { claimRef: { namespace: 'default', name: 'data' } }), pv('small', '1Gi'));
      f.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi'));
    });
    await binder.reconcile('default/data');
    const vol = fake.peek<PV>(REFS.persistentvolumes, '', 'reserved')!;
    expect(vol.spec?.claimRef?.uid).toBe('uid-data');
    expect(vol.metadata.annotations).toBeUndefined();
    expect(fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'data')!.spec?.volumeName).toBe('reserved');
  });

  it('binds a claim to the volume it names, or says why not', async () => {
    const { fake, binder, events } = await setup((f) => {
      f.seed(REFS.persistentvolumes, pv('tiny', '100Mi'), pv('fine', '1Gi'));
      f.seed(REFS.persistentvolumeclaims, pvc('a', '1Gi', { volumeName: 'tiny' }), pvc('b', '1Gi', { volumeName: 'fine' }));
    });
    await binder.reconcile('default/a');
    await binder.reconcile('default/b');
    expect(fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'a')!.status?.phase).toBe('Pending');
    expect(fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'b')!.status?.phase).toBe('Bound');
    // The claim named the volume itself: the claim is not marked bound-by-controller.
    expect(fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'b')!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
    expect(await events()).toMatchObject([{ type: 'Warning', reason: 'VolumeMismatch', message: 'Cannot bind to requested volume "tiny": requested PV is too small' }]);
  });

  it('leaves a class-less claim with no volume Pending with FailedBinding, then binds a volume created later', async () => {
    const { fake, binder, events } = await setup((f) => f.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi', { storageClassName: '' })));
    await binder.reconcile('default/data');
    expect(await events()).toMatchObject([{ type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set', involvedObject: { kind: 'PersistentVolumeClaim', name: 'data' } }]);
    expect(writes(fake.actions)).toEqual([]);
    await fake.create(REFS.persistentvolumes, '', pv('late', '1Gi'));
    await settle();
    expect(binder.queue.length).toBe(2);
    await binder.reconcile('default/data');
    expect(fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'data')!.spec?.volumeName).toBe('late');
  });

  it('gives a class-less claim the default class retroactively', async () => {
    const { fake, binder } = await setup((f) => {
      f.seed(REFS.storageclasses, storageClass('std', 'example.com/x', { metadata: { name: 'std', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }));
      f.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi'));
    });
    await binder.reconcile('default/data');
    expect(writes(fake.actions)).toEqual(['update persistentvolumeclaims data']);
    expect(fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'data')!.spec?.storageClassName).toBe('std');
  });

  it('marks a bound claim Lost when its volume disappears', async () => {
    const bound = pvc('data', '1Gi', { volumeName: 'gone' }, { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } });
    const { fake, binder, events } = await setup((f) => f.seed(REFS.persistentvolumeclaims, { ...bound, status: { phase: 'Bound' } }));
    await binder.reconcile('default/data');
    expect(fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'data')!.status?.phase).toBe('Lost');
    expect(await events()).toMatchObject([{ type: 'Warning', reason: 'ClaimLost', message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!' }]);
  });

  it('makes a new volume Available', async () => {
    const { fake, binder } = await setup((f) => f.seed(REFS.persistentvolumes, pv('fresh', '1Gi', {}, { status: { phase: 'Pending' } })));
    await binder.reconcile('fresh');
    expect(fake.peek<PV>(REFS.persistentvolumes, '', 'fresh')!.status?.phase).toBe('Available');
  });
});

describe('persistentvolume-binder: WaitForFirstConsumer', () => {
  const wffc = storageClass('local', 'kubernetes.io/no-provisioner', { volumeBindingMode: 'WaitForFirstConsumer' });
  const local = (name: string, n: string) => pv(name, '1Gi', {
    storageClassName: 'local',
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [n] }] }] } },
  });

  it('waits for a consumer, names unscheduled pods, then binds on the selected node', async () => {
    const { fake, binder, events } = await setup((f) => {
      f.seed(REFS.storageclasses, wffc);
      f.seed(REFS.nodes, node('n1'), node('n2'));
      f.seed(REFS.persistentvolumes, local('on-n1', 'n1'), local('on-n2', 'n2'));
      f.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi', { storageClassName: 'local' }));
    });
    await binder.reconcile('default/data');
    expect(writes(fake.actions)).toEqual([]);
    await fake.create(REFS.pods, 'default', podUsing('web', 'data'));
    await settle();
    await binder.reconcile('default/data');
    expect((await events()).map((e) => [e.reason, e.message])).toEqual([
      ['WaitForFirstConsumer', 'waiting for first consumer to be created before binding'],
      ['WaitForPodScheduled', 'waiting for pod web to be scheduled'],
    ]);
    await fake.patch(REFS.persistentvolumeclaims, 'default', 'data', 'application/merge-patch+json', { metadata: { annotations: { 'volume.kubernetes.io/selected-node': 'n2' } } });
    await settle();
    await binder.reconcile('default/data');
    expect(fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'data')!.spec?.volumeName).toBe('on-n2');
  });
});

describe('persistentvolume-binder: handlers', () => {
  it('queues the volume of a deleted claim and the claim of a deleted volume', async () => {
    const { fake, binder } = await setup((f) => {
      f.seed(REFS.persistentvolumes, pv('v', '1Gi', { claimRef: { namespace: 'default', name: 'c', uid: 'uid-c' } }, { status: { phase: 'Bound' } }));
      f.seed(REFS.persistentvolumeclaims, pvc('c', '1Gi', { volumeName: 'v' }));
    });
    const drain = async () => { const keys: string[] = []; while (binder.queue.length) { const k = (await binder.queue.get())!; keys.push(k); binder.queue.done(k); } return keys.sort(); };
    await drain();
    await fake.delete(REFS.persistentvolumeclaims, 'default', 'c');
    expect(await drain()).toEqual(['v']);
    await fake.delete(REFS.persistentvolumes, '', 'v');
    expect(await drain()).toEqual(['default/c']);
  });
});
