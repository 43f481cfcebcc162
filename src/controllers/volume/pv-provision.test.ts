import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { PersistentVolumeBinder } from './pv-binder.js';
import { node, pvc, storageClass } from './testdata.js';
import type { PV, PVC, StorageClass } from './types.js';

const settle = () => new Promise((r) => setImmediate(r));

interface Ev { reason: string; message: string; type: string; source: { component: string } }

async function setup(cls: StorageClass, claim: PVC) {
  const env = fakeEnv();
  env.fake.seed(REFS.storageclasses, cls);
  env.fake.seed(REFS.nodes, node('worker'));
  env.fake.seed(REFS.persistentvolumeclaims, claim);
  const binder = new PersistentVolumeBinder(env.ctx);
  await env.ctx.informers.start();
  const events = async (): Promise<Ev[]> => {
    await binder.flush();
    return env.fake.all(REFS.events) as never;
  };
  return { ...env, binder, events };
}

describe('dynamic provisioning', () => {
  it('provisions a local-path volume on the selected node and binds it', async () => {
    const cls = storageClass('standard', 'rancher.io/local-path', { volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Delete' });
    const claim = pvc('data', '256Mi', { storageClassName: 'standard' }, { annotations: { 'volume.kubernetes.io/selected-node': 'worker' } });
    const { fake, binder, events } = await setup(cls, claim);
    await binder.reconcile('default/data');

    const annotated = fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'data')!;
    expect(annotated.metadata.annotations).toMatchObject({
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    const vol = fake.peek<PV>(REFS.persistentvolumes, '', 'pvc-uid-data')!;
    expect(vol.metadata.annotations).toEqual({ 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' });
    expect(vol.spec).toMatchObject({
      accessModes: ['ReadWriteOnce'], capacity: { storage: '256Mi' }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', volumeMode: 'Filesystem',
      claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: 'uid-data' },
      hostPath: { path: '/var/local-path-provisioner/pvc-uid-data_default_data', type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker'] }] }] } },
    });
    expect((await events()).map((e) => [e.source.component, e.reason, e.message])).toEqual([
      ['test-controller', 'ExternalProvisioning', "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered."],
      ['rancher.io/local-path_kube-controller-manager', 'Provisioning', 'External provisioner is provisioning volume for claim "default/data"'],
      ['rancher.io/local-path_kube-controller-manager', 'ProvisioningSucceeded', 'Successfully provisioned volume pvc-uid-data'],
    ]);

    await settle();
    await binder.reconcile('pvc-uid-data');
    expect(binder.queue.length).toBeGreaterThan(0);
    await binder.reconcile('default/data');
    const bound = fake.peek<PVC>(REFS.persistentvolumeclaims, 'default', 'data')!;
    expect(bound.spec?.volumeName).toBe('pvc-uid-data');
    expect(bound.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '256Mi' } });
    expect(fake.peek<PV>(REFS.persistentvolumes, '', 'pvc-uid-data')!.status?.phase).toBe('Bound');

    await settle();
    const before = fake.all(REFS.persistentvolumes).length;
    await binder.reconcile('default/data');
    expect(fake.all(REFS.persistentvolumes).length).toBe(before);
  });

  it('provisions kubedojo.io/local claims of an Immediate class on a node of its own choosing', async () => {
    const cls = storageClass('dojo', 'kubedojo.io/local', { reclaimPolicy: 'Retain' });
    const { fake, binder } = await setup(cls, pvc('data', '1Gi', { storageClassName: 'dojo' }));
    await binder.reconcile('default/data');
    const vol = fake.peek<PV>(REFS.persistentvolumes, '', 'pvc-uid-data')!;
    expect(vol.spec?.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(vol.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.[0]?.values).toEqual(['worker']);
  });

  const failures: { name: string; cls: StorageClass; source: string; reason: string; message: string }[] = [
    { name: 'no-provisioner is static only', cls: storageClass('fast', 'kubernetes.io/no-provisioner'), source: 'test-controller', reason: 'ProvisioningFailed', message: 'no volume plugin matched name: kubernetes.io/no-provisioner' },
    { name: 'local-path needs a selected node', cls: storageClass('fast', 'rancher.io/local-path'), source: 'rancher.io/local-path_kube-controller-manager', reason: 'ProvisioningFailed', message: 'failed to provision volume with StorageClass "fast": configuration error, no node was specified' },
    { name: 'an unknown external provisioner is waited for', cls: storageClass('fast', 'ebs.csi.aws.com'), source: 'test-controller', reason: 'ExternalProvisioning', message: "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered." },
  ];

  it.each(failures)('$name', async ({ cls, source, reason, message }) => {
    const { fake, binder, events } = await setup(cls, pvc('data', '1Gi', { storageClassName: 'fast' }));
    await binder.reconcile('default/data');
    expect(fake.all(REFS.persistentvolumes)).toEqual([]);
    expect((await events()).map((e) => [e.source.component, e.reason, e.message])).toContainEqual([source, reason, message]);
  });

  it('reports a claim whose class does not exist', async () => {
    const { binder, events } = await setup(storageClass('other', 'x.io/y'), pvc('data', '1Gi', { storageClassName: 'missing' }));
    await binder.reconcile('default/data');
    expect(await events()).toMatchObject([{ type: 'Warning', reason: 'ProvisioningFailed', message: 'storageclass.storage.k8s.io "missing" not found' }]);
  });
});
