import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { PersistentVolumeBinder } from './pv-binder.js';
import { pv, pvc } from './testdata.js';
import type { PV, PVSpec } from './types.js';

const claimRef = { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: 'default', name: 'gone', uid: 'uid-gone' };
const boundByController = { metadata: { name: 'v', annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } }, status: { phase: 'Bound' } };

interface Case {
  name: string;
  spec: Partial<PVSpec>;
  annotations?: Record<string, string>;
  /** The volume afterwards: undefined when deleted. */
  phase: string | undefined;
  claimRef?: 'kept' | 'dropped';
  event?: [string, string];
}

const cases: Case[] = [
  { name: 'Retain: Released, claimRef kept', spec: { persistentVolumeReclaimPolicy: 'Retain' }, phase: 'Released', claimRef: 'kept' },
  { name: 'Delete: a provisioned local-path volume is deleted', spec: { persistentVolumeReclaimPolicy: 'Delete' }, annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' }, phase: undefined },
  { name: 'Delete: hostPath under /tmp is deleted', spec: { persistentVolumeReclaimPolicy: 'Delete', hostPath: { path: '/tmp/data' } }, phase: undefined },
  {
    name: 'Delete: hostPath elsewhere fails', spec: { persistentVolumeReclaimPolicy: 'Delete', hostPath: { path: '/data' } }, phase: 'Failed', claimRef: 'kept',
    event: ['VolumeFailedDelete', 'host_path deleter only supports /tmp/.+ but received provided /data'],
  },
  { name: 'Delete: another external provisioner deletes it itself', spec: { persistentVolumeReclaimPolicy: 'Delete' }, annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' }, phase: 'Released', claimRef: 'kept' },
  {
    name: 'Delete: a local volume has no deleter', spec: { persistentVolumeReclaimPolicy: 'Delete', hostPath: undefined, local: { path: '/mnt/disk' } }, phase: 'Failed', claimRef: 'kept',
    event: ['VolumeFailedDelete', 'error getting deleter volume plugin for volume "v": no deletable volume plugin matched'],
  },
  { name: 'Recycle: hostPath is scrubbed and Available again', spec: { persistentVolumeReclaimPolicy: 'Recycle' }, phase: 'Available', claimRef: 'dropped', event: ['VolumeRecycled', 'Volume recycled'] },
  {
    name: 'Recycle: no recycler for a local volume', spec: { persistentVolumeReclaimPolicy: 'Recycle', hostPath: undefined, local: { path: '/mnt/disk' } }, phase: 'Failed', claimRef: 'kept',
    event: ['VolumeFailedRecycle', 'No recycler plugin found for the volume!'],
  },
];

describe('reclaiming a volume whose claim was deleted', () => {
  it.each(cases)('$name', async ({ spec, annotations, phase, claimRef: ref, event }) => {
    const { fake, ctx } = fakeEnv();
    const meta = { ...boundByController.metadata, annotations: { ...boundByController.metadata.annotations, ...annotations } };
    fake.seed(REFS.persistentvolumes, pv('v', '1Gi', { ...spec, claimRef }, { ...boundByController, metadata: meta }));
    const binder = new PersistentVolumeBinder(ctx);
    await ctx.informers.start();
    await binder.reconcile('v');
    const after = fake.peek<PV>(REFS.persistentvolumes, '', 'v');
    expect(after?.status?.phase).toBe(phase);
    if (ref === 'kept') expect(after?.spec?.claimRef).toEqual(claimRef);
    if (ref === 'dropped') expect(after?.spec?.claimRef).toBeUndefined();
    await binder.flush();
    const events = (fake.all(REFS.events) as unknown as { reason: string; message: string }[]).map((e) => [e.reason, e.message]);
    expect(events).toEqual(event ? [event] : []);
  });

  it('asks the apiserver before releasing a volume whose claim is missing from the cache', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.persistentvolumes, pv('v', '1Gi', { claimRef, persistentVolumeReclaimPolicy: 'Delete' }, boundByController));
    const binder = new PersistentVolumeBinder(ctx);
    await ctx.informers.start();
    ctx.informers.for(REFS.persistentvolumeclaims).stop();
    fake.seed(REFS.persistentvolumeclaims, pvc('gone', '1Gi', { volumeName: 'v' }));
    await binder.reconcile('v');
    expect(fake.peek<PV>(REFS.persistentvolumes, '', 'v')?.status?.phase).toBe('Bound');
    expect(fake.actions).toEqual([]);
  });
});
