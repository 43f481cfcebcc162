// The CSI objects of storage.k8s.io/v1 (CSIDriver, CSINode, CSIStorageCapacity, VolumeAttachment):
// the real kubectl and ours against one live cluster — discovery, the kubelets' CSINodes, Tables,
// describe, defaults, the status subresource, validation and immutability errors, and a node's
// CSINode going with its Node.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const DRIVER = `apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata:
  name: hostpath.csi.k8s.io
spec:
  tokenRequests:
  - audience: vault
    expirationSeconds: 3600
`;
const BAD_DRIVER = `apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata:
  name: Bad_Name
spec:
  fsGroupPolicy: Sometimes
  volumeLifecycleModes: [Persistent, Weird]
  tokenRequests:
  - audience: a
    expirationSeconds: 60
  - audience: a
`;
const CAPACITY = `apiVersion: storage.k8s.io/v1
kind: CSIStorageCapacity
metadata:
  name: cap1
  namespace: default
storageClassName: standard
capacity: 1024Mi
nodeTopology:
  matchLabels:
    kubernetes.io/hostname: node01
`;
const BAD_CAPACITY = `apiVersion: storage.k8s.io/v1
kind: CSIStorageCapacity
metadata:
  name: cap2
capacity: -1Gi
`;
const ATTACHMENT = `apiVersion: storage.k8s.io/v1
kind: VolumeAttachment
metadata:
  name: va1
spec:
  attacher: hostpath.csi.k8s.io
  nodeName: node01
  source:
    persistentVolumeName: pv1
status:
  attached: true
`;
const BAD_ATTACHMENT = `apiVersion: storage.k8s.io/v1
kind: VolumeAttachment
metadata:
  name: va2
spec:
  attacher: Bad_Attacher
  source: {}
`;
const BAD_INLINE = `apiVersion: storage.k8s.io/v1
kind: VolumeAttachment
metadata:
  name: inline
spec:
  attacher: hostpath.csi.k8s.io
  nodeName: node01
  source:
    inlineVolumeSpec:
      accessModes: [ReadWriteOnce]
      capacity: {storage: 1Gi}
      persistentVolumeReclaimPolicy: Delete
      storageClassName: fast
`;

describe.skipIf(!hasRealKubectl)('kubectl with the CSI storage objects, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    const files = { 'driver.yaml': DRIVER, 'bad-driver.yaml': BAD_DRIVER, 'cap.yaml': CAPACITY, 'bad-cap.yaml': BAD_CAPACITY, 'va.yaml': ATTACHMENT, 'bad-va.yaml': BAD_ATTACHMENT, 'bad-inline.yaml': BAD_INLINE };
    for (const [name, text] of Object.entries(files)) c.file(name, text);
    for (const f of ['driver.yaml', 'cap.yaml', 'va.yaml']) expect((await c.kubectl(['create', '-f', f])).code).toBe(0);
    await c.kubectl(['patch', 'volumeattachment', 'va1', '--subresource=status', '--type=merge', '-p', '{"status":{"attached":true,"attachmentMetadata":{"device":"/dev/sdb"}}}']);
    await eventually(c, ['get', 'csinodes', '-o', 'name'], (out) => out.trim().split('\n').length === 3);
  }, 60_000);
  const cases = (): Case[] => [
    { args: ['api-resources', '--api-group=storage.k8s.io'] },
    { args: ['api-resources', '--api-group=storage.k8s.io', '-o', 'wide'] },
    // every kubelet registers its node's CSINode: no drivers, the migrated in-tree plugins
    { args: ['get', 'csinodes'] },
    { args: ['get', 'csinode', 'node01', '-o', 'yaml'] },
    { args: ['describe', 'csinode', 'controlplane'] },
    // a CSIDriver with v1.32's defaults
    { args: ['get', 'csidrivers', '-o', 'wide'] },
    { args: ['get', 'csidriver', 'hostpath.csi.k8s.io', '-o', 'yaml'] },
    { args: ['describe', 'csidriver', 'hostpath.csi.k8s.io'] },
    { args: ['create', '-f', 'bad-driver.yaml'] },
    { args: ['patch', 'csidriver', 'hostpath.csi.k8s.io', '--type=merge', '-p', '{"spec":{"attachRequired":false,"volumeLifecycleModes":["Ephemeral"]}}'] },
    { args: ['patch', 'csidriver', 'hostpath.csi.k8s.io', '--type=merge', '-p', '{"spec":{"podInfoOnMount":true}}', '--dry-run=server', '-o', 'jsonpath={.metadata.generation}'] },
    // a namespaced CSIStorageCapacity: no AGE column
    { args: ['get', 'csistoragecapacities', '-A', '-o', 'wide'] },
    { args: ['get', 'csistoragecapacity', 'cap1', '-o', 'yaml'] },
    { args: ['describe', 'csistoragecapacity', 'cap1'] },
    { args: ['create', '-f', 'bad-cap.yaml'] },
    { args: ['patch', 'csistoragecapacity', 'cap1', '--type=merge', '-p', '{"storageClassName":"other","nodeTopology":{"matchLabels":{"x":"y"}}}'] },
    // a VolumeAttachment: create drops its status, which has its own subresource
    { args: ['get', 'volumeattachments'] },
    // only the first name-format column carries the kind: ATTACHER is one too
    { args: ['get', 'volumeattachments', '--show-kind'] },
    { args: ['get', 'csidrivers,csinodes,csistoragecapacities,volumeattachments', '-A'] },
    { args: ['get', 'volumeattachment', 'va1', '-o', 'yaml'] },
    { args: ['get', 'volumeattachment', 'va1', '--subresource=status', '-o', 'yaml'] },
    { args: ['patch', 'volumeattachment', 'va1', '--subresource=status', '--type=merge', '-p', '{"status":{"attached":false}}', '--dry-run=server', '-o', 'jsonpath={.status}'] },
    { args: ['describe', 'volumeattachment', 'va1'] },
    { args: ['create', '-f', 'bad-va.yaml'] },
    { args: ['create', '-f', 'bad-inline.yaml'] },
    { args: ['patch', 'volumeattachment', 'va1', '--type=merge', '-p', '{"spec":{"nodeName":"node02"}}'] },
    { args: ['create', '-f', 'va.yaml', '--dry-run=server', '-o', 'jsonpath={.status}'] },
  ];
  it.each(cases().map((k) => [k.args.join(' '), k] as const))('%s', async (_name, k) => {
    await expectSame(c, k);
  });
  it('collects a deleted node\'s CSINode', async () => {
    expect((await c.kubectl(['delete', 'node', 'node02'])).code).toBe(0);
    await eventually(c, ['get', 'csinodes', '-o', 'name'], (out) => !out.includes('node02'), 30_000);
    await expectSame(c, { args: ['get', 'csinodes'] });
    await expectSame(c, { args: ['get', 'csinode', 'node02'] });
  }, 40_000);
});
