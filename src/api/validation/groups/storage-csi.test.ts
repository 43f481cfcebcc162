import { describe, expect, it } from 'vitest';
import { createErrors, updateErrors } from '../testing.js';

const DRIVER = 'CSIDriver.storage.k8s.io';
const NODE = 'CSINode.storage.k8s.io';
const CAPACITY = 'CSIStorageCapacity.storage.k8s.io';
const ATTACHMENT = 'VolumeAttachment.storage.k8s.io';

/** Cluster-scoped metadata. */
const meta = (name: string) => ({ name, uid: `uid-${name}` });
const defaulted = { attachRequired: true, podInfoOnMount: false, storageCapacity: false, fsGroupPolicy: 'ReadWriteOnceWithFSType', volumeLifecycleModes: ['Persistent'], requiresRepublish: false, seLinuxMount: false };
const driver = (spec: Record<string, unknown> = {}) => ({ metadata: meta('csi.example.com'), spec: { ...defaulted, ...spec } });
const csiNode = (drivers: unknown[]) => ({ metadata: meta('node01'), spec: { drivers } });
const attachment = (spec: Record<string, unknown>) => ({ metadata: meta('va'), spec: { attacher: 'csi.example.com', nodeName: 'node01', source: { persistentVolumeName: 'pv1' }, ...spec } });

describe('storage.k8s.io CSI kinds', () => {
  it.each([
    [DRIVER, driver(), []],
    // the defaulters fill in every pointer the strategy requires
    [DRIVER, { metadata: meta('csi.example.com') }, []],
    [DRIVER, driver({ tokenRequests: [{ audience: '', expirationSeconds: 5_000_000_000 }, { audience: '' }] }), ['spec.tokenRequests[0].expirationSeconds: Invalid value: 5000000000: may not specify a duration larger than 2^32 seconds', 'spec.tokenRequests[1].audience: Duplicate value: ""']],
    [NODE, csiNode([{ name: 'csi.example.com', nodeID: 'x'.repeat(257), topologyKeys: ['zone', 'zone'] }]), [`spec.drivers[0].nodeID: Invalid value: "${'x'.repeat(257)}": must be 256 characters or less`, 'spec.drivers[0]: Duplicate value: "zone"']],
    [NODE, csiNode([{ name: 'a.b', nodeID: 'n' }, { name: 'a.b', nodeID: 'n', allocatable: { count: -1 } }]), ['spec.drivers[1].allocatable.count: Invalid value: -1: must be greater than or equal to 0', 'spec.drivers[1].name: Duplicate value: "a.b"']],
    [NODE, csiNode([{ name: '', nodeID: '' }]), ['spec.drivers[0].name: Required value', expect.stringMatching(/^spec\.drivers\[0\]\.name: Invalid value: "": a lowercase RFC 1123 subdomain/), 'spec.drivers[0].nodeID: Required value']],
    [CAPACITY, { metadata: { name: 'c', namespace: 'default' }, storageClassName: 'standard', nodeTopology: { matchLabels: { 'a/b/c': 'x' } } }, [expect.stringMatching(/^nodeTopology\.matchLabels: Invalid value: "a\/b\/c": a qualified name/)]],
    [ATTACHMENT, attachment({}), []],
    [ATTACHMENT, attachment({ source: { persistentVolumeName: 'pv1', inlineVolumeSpec: {} } }), ['spec.source: Forbidden: must specify exactly one of inlineVolumeSpec and persistentVolumeName']],
    [ATTACHMENT, attachment({ source: { inlineVolumeSpec: { accessModes: ['ReadWriteOnce'], csi: { driver: 'csi.example.com', volumeHandle: 'v1' } } } }), []],
    [ATTACHMENT, attachment({ source: { inlineVolumeSpec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, nfs: { server: 'nfs', path: '/x' }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'fast', volumeMode: 'Block' } } }), [
      'spec.source.inlineVolumeSpec.capacity: Forbidden: may not be specified in the context of inline volumes',
      'spec.source.inlineVolumeSpec.csi: Required value: has to be specified in the context of inline volumes',
      'spec.source.inlineVolumeSpec.persistentVolumeReclaimPolicy: Forbidden: may only be Retain in the context of inline volumes',
      'spec.source.inlineVolumeSpec.storageClassName: Forbidden: may not be specified in the context of inline volumes',
      'spec.source.inlineVolumeSpec.volumeMode: Forbidden: may not specify volumeMode other than Filesystem in the context of inline volumes',
    ]],
    [ATTACHMENT, attachment({ source: { persistentVolumeName: '' } }), ['spec.source.persistentVolumeName: Required value: must specify non empty persistentVolumeName', expect.stringMatching(/^spec\.source\.persistentVolumeName: Invalid value: "": a lowercase RFC 1123/)]],
    [ATTACHMENT, { ...attachment({ attacher: 'x'.repeat(64) }), status: { attachError: { errorCode: -1 } } }, ['status.attachError.errorCode: Invalid value: -1: must be between 0 and 2147483647, inclusive', 'spec.attacher: Too long: may not be more than 63 bytes']],
  ])('%s %#', (kind, obj, want) => expect(createErrors(kind, obj)).toEqual(want));

  it('keeps a driver\'s attachRequired and lifecycle modes, and a node\'s registered drivers', () => {
    expect(updateErrors(DRIVER, driver({ attachRequired: false, volumeLifecycleModes: ['Ephemeral'] }), driver())).toEqual([
      'spec.attachedRequired: Invalid value: false: field is immutable',
      'spec.volumeLifecycleModes: Invalid value: []storage.VolumeLifecycleMode{"Ephemeral"}: field is immutable',
    ]);
    expect(updateErrors(DRIVER, driver({ podInfoOnMount: true, storageCapacity: true }), driver())).toEqual([]);
    const old = csiNode([{ name: 'a.b', nodeID: 'n' }]);
    expect(updateErrors(NODE, csiNode([{ name: 'a.b', nodeID: 'm' }]), old)).toEqual([
      'spec.drivers: Invalid value: storage.CSINodeDriver{Name:"a.b", NodeID:"m", TopologyKeys:[]string(nil), Allocatable:(*storage.VolumeNodeResources)(nil)}: field is immutable',
    ]);
    expect(updateErrors(NODE, csiNode([{ name: 'a.b', nodeID: 'n' }, { name: 'c.d', nodeID: 'n' }]), old)).toEqual([]);
  });

  it('keeps a capacity\'s topology and class, and an attachment\'s spec', () => {
    const cap = { metadata: { name: 'c', namespace: 'default' }, storageClassName: 'standard', capacity: '1Gi' };
    expect(updateErrors(CAPACITY, { ...cap, capacity: '2Gi' }, cap)).toEqual([]);
    expect(updateErrors(CAPACITY, { ...cap, storageClassName: 'fast' }, cap)).toEqual(['storageClassName: Invalid value: "fast": field is immutable']);
    expect(updateErrors(ATTACHMENT, { ...attachment({}), status: { attached: true } }, attachment({}))).toEqual([]);
    expect(updateErrors(ATTACHMENT, attachment({ nodeName: 'node02' }), attachment({}))).toEqual([
      'spec: Invalid value: storage.VolumeAttachmentSpec{Attacher:"csi.example.com", Source:storage.VolumeAttachmentSource{PersistentVolumeName:(*string)(0xc000000000), InlineVolumeSpec:(*core.PersistentVolumeSpec)(nil)}, NodeName:"node02"}: field is immutable',
    ]);
  });
});
