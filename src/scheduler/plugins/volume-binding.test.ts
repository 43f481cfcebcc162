import { describe, expect, it } from 'vitest';
import type { Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { FakeClient } from '../../controllers/framework/fake-client.js';
import { CycleState } from '../types.js';
import { fixedHandle, listerOf, makeNode, nodeInfo, podInfo } from '../testing.js';
import { bindPodVolumes, volumeBinding } from './volume-binding.js';

const pvc = (name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): Obj =>
  ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', uid: `uid-${name}`, ...meta }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });
const pv = (name: string, spec: Record<string, unknown>, phase = 'Available'): Obj =>
  ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], ...spec }, status: { phase } });
const sc = (name: string, mode: string, extra: Record<string, unknown> = {}): Obj =>
  ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner: 'example.com/csi', volumeBindingMode: mode, ...extra });
const onlyOn = (node: string) => ({ nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } });
const usingClaim = (claim = 'data') => podInfo('p', { spec: { volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }] } });

const classes = [sc('wait', 'WaitForFirstConsumer'), sc('now', 'Immediate'), sc('static', 'WaitForFirstConsumer', { provisioner: 'kubernetes.io/no-provisioner' }),
  sc('zoned', 'WaitForFirstConsumer', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['b'] }] }] })];
const bound = { volumeName: 'pv1' };
const BOUND_ANN = { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } };

describe('VolumeBinding', () => {
  const U = 'UnschedulableAndUnresolvable';
  const cases = [
    { name: 'no claims', claims: [], pvs: [], pod: podInfo('p'), want: null },
    { name: 'claim missing', claims: [], pvs: [], pod: usingClaim(), want: { code: U, reasons: ['persistentvolumeclaim "data" not found'] } },
    { name: 'claim being deleted', claims: [pvc('data', {}, { deletionTimestamp: '2026-01-01T00:00:00Z' })], pvs: [], pod: usingClaim(), want: { code: U, reasons: ['persistentvolumeclaim "data" is being deleted'] } },
    { name: 'unbound Immediate claim', claims: [pvc('data', { storageClassName: 'now' })], pvs: [], pod: usingClaim(), want: { code: U, reasons: ['pod has unbound immediate PersistentVolumeClaims'] } },
    { name: 'bound claim, volume allows the node', claims: [pvc('data', bound, BOUND_ANN)], pvs: [pv('pv1', onlyOn('n1'), 'Bound')], pod: usingClaim(), want: null },
    { name: 'bound claim, volume on another node', claims: [pvc('data', bound, BOUND_ANN)], pvs: [pv('pv1', onlyOn('n2'), 'Bound')], pod: usingClaim(), want: { code: U, reasons: ['node(s) had volume node affinity conflict'] } },
    { name: 'bound claim, volume gone', claims: [pvc('data', bound, BOUND_ANN)], pvs: [], pod: usingClaim(), want: { code: U, reasons: ['node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)'] } },
    { name: 'WaitForFirstConsumer, dynamic provisioning', claims: [pvc('data', { storageClassName: 'wait' })], pvs: [], pod: usingClaim(), want: null },
    { name: 'WaitForFirstConsumer, local PV on this node', claims: [pvc('data', { storageClassName: 'static' })], pvs: [pv('local1', { storageClassName: 'static', ...onlyOn('n1') })], pod: usingClaim(), want: null },
    { name: 'WaitForFirstConsumer, local PV elsewhere', claims: [pvc('data', { storageClassName: 'static' })], pvs: [pv('local2', { storageClassName: 'static', ...onlyOn('n2') })], pod: usingClaim(), want: { code: U, reasons: ["node(s) didn't find available persistent volumes to bind"] } },
    { name: 'WaitForFirstConsumer, PV too small', claims: [pvc('data', { storageClassName: 'static', resources: { requests: { storage: '10Gi' } } })], pvs: [pv('local1', { storageClassName: 'static', ...onlyOn('n1') })], pod: usingClaim(), want: { code: U, reasons: ["node(s) didn't find available persistent volumes to bind"] } },
    { name: 'allowedTopologies exclude the node', claims: [pvc('data', { storageClassName: 'zoned' })], pvs: [], pod: usingClaim(), want: { code: U, reasons: ["node(s) didn't find available persistent volumes to bind"] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const node = nodeInfo(makeNode('n1', { labels: { 'topology.kubernetes.io/zone': 'a' } }));
      const pl = volumeBinding(fixedHandle([node], { pvcs: listerOf(c.claims), pvs: listerOf(c.pvs), storageClasses: listerOf(classes) }));
      const state = new CycleState();
      const pre = pl.preFilter(state, c.pod);
      const got = pre?.status?.code === 'Skip' ? null : (pre?.status ?? pl.filter(state, c.pod, node));
      expect(got).toEqual(c.want);
    });
  }

  it('binds the chosen static PV to the claim and annotates claims to provision', async () => {
    const fake = new FakeClient();
    const claims = [pvc('local', { storageClassName: 'static' }), pvc('dyn', { storageClassName: 'wait' })];
    const pvs = [pv('small', { storageClassName: 'static', capacity: { storage: '2Gi' }, ...onlyOn('n1') }), pv('big', { storageClassName: 'static', ...onlyOn('n1') })];
    fake.seed(REFS.persistentvolumeclaims, ...claims);
    fake.seed(REFS.persistentvolumes, ...pvs);
    const live = (ref: typeof REFS.persistentvolumes) => listerOf(fake.all(ref));
    const node = nodeInfo(makeNode('n1'));
    const pl = volumeBinding(fixedHandle([node], { pvcs: live(REFS.persistentvolumeclaims), pvs: live(REFS.persistentvolumes), storageClasses: listerOf(classes) }));
    const pod = podInfo('p', { spec: { volumes: [{ name: 'a', persistentVolumeClaim: { claimName: 'local' } }, { name: 'b', persistentVolumeClaim: { claimName: 'dyn' } }] } });
    const state = new CycleState();
    pl.preFilter(state, pod);
    expect(pl.filter(state, pod, node)).toBeNull();
    await bindPodVolumes(state, 'n1', fake);
    const small = fake.peek(REFS.persistentvolumes, '', 'small')!;
    expect(small.spec).toMatchObject({ claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'local' } });
    expect(small.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(fake.peek(REFS.persistentvolumes, '', 'big')?.spec).not.toHaveProperty('claimRef');
    expect(fake.peek(REFS.persistentvolumeclaims, 'default', 'dyn')?.metadata.annotations).toEqual({ 'volume.kubernetes.io/selected-node': 'n1' });
  });
});
