import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { csiDriverColumns } from './csidriver.js';
import { csiNodeColumns } from './csinode.js';
import { persistentVolumeColumns } from './persistentvolume.js';
import { persistentVolumeClaimColumns } from './persistentvolumeclaim.js';
import { storageClassColumns } from './storageclass.js';
import { volumeAttachmentColumns } from './volumeattachment.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const created = '2025-01-15T11:15:00Z';

describe('persistent volumes', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, unknown[]]>([
    [
      'bound',
      {
        capacity: { storage: '1024Mi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { namespace: 'default', name: 'data' },
        storageClassName: 'manual',
        volumeMode: 'Filesystem',
      },
      { status: { phase: 'Bound' } },
      ['1Gi', 'RWO,RWX', 'Retain', 'Bound', 'default/data', 'manual', '<unset>', '', '45m', 'Filesystem'],
    ],
    [
      'available, RWOP, attributes class',
      { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Delete', volumeAttributesClassName: 'gold' },
      { status: { phase: 'Available' } },
      ['5Gi', 'ROX,RWOP', 'Delete', 'Available', '', '', 'gold', '', '45m', '<unset>'],
    ],
    [
      'terminating, beta class annotation, failed reason',
      { storageClassName: 'ignored' },
      {
        status: { phase: 'Failed', reason: 'VolumeFailedRecycle' },
        metadata: { annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' }, deletionTimestamp: created },
      },
      ['0', '', '', 'Terminating', '', 'old', '<unset>', 'VolumeFailedRecycle', '45m', '<unset>'],
    ],
  ])('%s', (_name, spec, extra, want) => {
    const pv: KObject = { metadata: { name: 'pv1', creationTimestamp: created, ...(extra.metadata as object) }, spec, status: extra.status };
    expect(persistentVolumeColumns.cells(pv, { now: NOW })).toEqual(['pv1', ...want]);
  });
});

describe('persistent volume claims', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, unknown[]]>([
    [
      'pending: no capacity or modes yet',
      { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' },
      { phase: 'Pending' },
      ['Pending', '', '', '', 'standard', '<unset>', '45m', '<unset>'],
    ],
    [
      'bound',
      { volumeName: 'pv1', storageClassName: '', volumeMode: 'Block' },
      { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'] },
      ['Bound', 'pv1', '10Gi', 'RWO', '', '<unset>', '45m', 'Block'],
    ],
    ['no storage class at all', {}, { phase: 'Pending' }, ['Pending', '', '', '', '', '<unset>', '45m', '<unset>']],
  ])('%s', (_name, spec, status, want) => {
    const pvc: KObject = { metadata: { name: 'data', creationTimestamp: created }, spec, status };
    expect(persistentVolumeClaimColumns.cells(pvc, { now: NOW })).toEqual(['data', ...want]);
  });
});

describe('storage classes and CSI objects', () => {
  it.each<[string, Record<string, string> | undefined, Record<string, unknown>, unknown[]]>([
    ['defaults', undefined, { provisioner: 'rancher.io/local-path' }, ['standard', 'rancher.io/local-path', 'Delete', 'Immediate', false]],
    [
      'default class, explicit fields',
      { 'storageclass.kubernetes.io/is-default-class': 'true' },
      { provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true },
      ['standard (default)', 'ebs.csi.aws.com', 'Retain', 'WaitForFirstConsumer', true],
    ],
    ['beta default annotation', { 'storageclass.beta.kubernetes.io/is-default-class': 'true' }, {}, ['standard (default)', '', 'Delete', 'Immediate', false]],
    ['annotation not "true"', { 'storageclass.kubernetes.io/is-default-class': 'yes' }, {}, ['standard', '', 'Delete', 'Immediate', false]],
  ])('storageclass: %s', (_name, annotations, body, want) => {
    const sc: KObject = { metadata: { name: 'standard', creationTimestamp: created, ...(annotations ? { annotations } : {}) }, ...body };
    expect(storageClassColumns.cells(sc, { now: NOW })).toEqual([...want, '45m']);
  });

  it('csidriver defaults and values', () => {
    const bare: KObject = { metadata: { name: 'd', creationTimestamp: created }, spec: {} };
    expect(csiDriverColumns.cells(bare, { now: NOW })).toEqual(['d', true, false, false, '<unset>', false, '<none>', '45m']);
    const full: KObject = {
      metadata: { name: 'd', creationTimestamp: created },
      spec: {
        attachRequired: false,
        podInfoOnMount: true,
        storageCapacity: true,
        tokenRequests: [{ audience: 'vault' }, { audience: 'gcp' }],
        requiresRepublish: true,
        volumeLifecycleModes: ['Persistent', 'Ephemeral'],
      },
    };
    expect(csiDriverColumns.cells(full, { now: NOW })).toEqual(['d', false, true, true, 'vault,gcp', true, 'Persistent,Ephemeral', '45m']);
  });

  it('csinode and volumeattachment', () => {
    const node: KObject = { metadata: { name: 'node01', creationTimestamp: created }, spec: { drivers: [{ name: 'a' }, { name: 'b' }] } };
    expect(csiNodeColumns.cells(node, { now: NOW })).toEqual(['node01', 2, '45m']);
    const va: KObject = {
      metadata: { name: 'csi-123', creationTimestamp: created },
      spec: { attacher: 'ebs.csi.aws.com', source: { persistentVolumeName: 'pv1' }, nodeName: 'node01' },
      status: { attached: true },
    };
    expect(volumeAttachmentColumns.cells(va, { now: NOW })).toEqual(['csi-123', 'ebs.csi.aws.com', 'pv1', 'node01', true, '45m']);
  });
});
