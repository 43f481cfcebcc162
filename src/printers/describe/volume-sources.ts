// The `Type: … (description)` blocks of volume sources, as data: the description, then one
// `Key: value` row per field with Go's %v of the value. Pod volumes and PV sources share most.
import { num, rec, str, strs, type Fields } from '../columns/fields.js';
import { goList, goValue } from './gofmt.js';
import { LEVEL_2, type Writer } from './writer.js';

type Row = [label: string, value: (s: Fields) => string];

/** %v of a pointer to a reference struct: `&{name}` / `&{name ns}`, `<nil>` when absent. */
export function goRef(v: unknown, ...fields: string[]): string {
  if (v === undefined || v === null) return '<nil>';
  const r = rec(v);
  return `&{${fields.map((f) => str(r[f])).join(' ')}}`;
}

const s = (key: string) => (src: Fields): string => str(src[key]);
const n = (key: string) => (src: Fields): string => String(num(src[key]));
const b = (key: string) => (src: Fields): string => (src[key] === true ? 'true' : 'false');
const list = (key: string) => (src: Fields): string => goList(src[key]);
const secretRef = (src: Fields): string => goRef(src.secretRef, 'name');
const pvSecretRef = (src: Fields): string => goRef(src.secretRef, 'name', 'namespace');
const deref = (key: string) => (src: Fields): string => goValue(src[key] ?? '<nil>');

export interface SourceFormat {
  description: string;
  rows: Row[];
}

const iscsiRows = (ref: (s: Fields) => string): Row[] => [
  ['TargetPortal:', s('targetPortal')], ['IQN:', s('iqn')], ['Lun:', n('lun')], ['ISCSIInterface', s('iscsiInterface')],
  ['FSType:', s('fsType')], ['ReadOnly:', b('readOnly')], ['Portals:', list('portals')],
  ['DiscoveryCHAPAuth:', b('chapAuthDiscovery')], ['SessionCHAPAuth:', b('chapAuthSession')], ['SecretRef:', ref],
  ['InitiatorName:', (src) => (typeof src.initiatorName === 'string' ? src.initiatorName : '<none>')],
];
const rbdRows = (ref: (s: Fields) => string): Row[] => [
  ['CephMonitors:', list('monitors')], ['RBDImage:', s('image')], ['FSType:', s('fsType')], ['RBDPool:', s('pool')],
  ['RadosUser:', s('user')], ['Keyring:', s('keyring')], ['SecretRef:', ref], ['ReadOnly:', b('readOnly')],
];
const cephRows = (ref: (s: Fields) => string): Row[] => [
  ['Monitors:', list('monitors')], ['Path:', s('path')], ['User:', s('user')], ['SecretFile:', s('secretFile')], ['SecretRef:', ref], ['ReadOnly:', b('readOnly')],
];
const flexRows = (ref: (s: Fields) => string): Row[] => [
  ['Driver:', s('driver')], ['FSType:', s('fsType')], ['SecretRef:', ref], ['ReadOnly:', b('readOnly')], ['Options:', (src) => goValue(rec(src.options))],
];
const storageosRows: Row[] = [['VolumeName:', s('volumeName')], ['VolumeNamespace:', s('volumeNamespace')], ['FSType:', s('fsType')], ['ReadOnly:', b('readOnly')]];

const HOSTPATH: SourceFormat = {
  description: 'HostPath (bare host directory volume)',
  rows: [['Path:', s('path')], ['HostPathType:', (src) => (typeof src.type === 'string' ? src.type : '<none>')]],
};
const NFS: SourceFormat = { description: 'NFS (an NFS mount that lasts the lifetime of a pod)', rows: [['Server:', s('server')], ['Path:', s('path')], ['ReadOnly:', b('readOnly')]] };
const GCE: SourceFormat = {
  description: 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)',
  rows: [['PDName:', s('pdName')], ['FSType:', s('fsType')], ['Partition:', n('partition')], ['ReadOnly:', b('readOnly')]],
};
const AWS: SourceFormat = {
  description: 'AWSElasticBlockStore (a Persistent Disk resource in AWS)',
  rows: [['VolumeID:', s('volumeID')], ['FSType:', s('fsType')], ['Partition:', n('partition')], ['ReadOnly:', b('readOnly')]],
};
const QUOBYTE: SourceFormat = {
  description: "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)",
  rows: [['Registry:', s('registry')], ['Volume:', s('volume')], ['ReadOnly:', b('readOnly')]],
};
const VSPHERE: SourceFormat = {
  description: 'vSphereVolume (a Persistent Disk resource in vSphere)',
  rows: [['VolumePath:', s('volumePath')], ['FSType:', s('fsType')], ['StoragePolicyName:', s('storagePolicyName')]],
};
const AZURE_DISK: SourceFormat = {
  description: 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)',
  rows: [['DiskName:', s('diskName')], ['DiskURI:', s('diskURI')], ['Kind: ', deref('kind')], ['FSType:', deref('fsType')], ['CachingMode:', deref('cachingMode')], ['ReadOnly:', deref('readOnly')]],
};
const PHOTON: SourceFormat = { description: 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', rows: [['PdID:', s('pdID')], ['FSType:', s('fsType')]] };
const PORTWORX: SourceFormat = { description: 'PortworxVolume (a Portworx Volume resource)', rows: [['VolumeID:', s('volumeID')]] };
const FC: SourceFormat = {
  description: 'FC (a Fibre Channel disk)',
  rows: [['TargetWWNs:', (src) => strs(src.targetWWNs).join(', ')], ['LUN:', (src) => (typeof src.lun === 'number' ? String(src.lun) : '<none>')], ['FSType:', s('fsType')], ['ReadOnly:', b('readOnly')]],
};
const FLOCKER: SourceFormat = { description: 'Flocker (a Flocker volume mounted by the Flocker agent)', rows: [['DatasetName:', s('datasetName')], ['DatasetUUID:', s('datasetUUID')]] };
const CINDER = (ref: (s: Fields) => string): SourceFormat => ({
  description: 'Cinder (a Persistent Disk resource in OpenStack)',
  rows: [['VolumeID:', s('volumeID')], ['FSType:', s('fsType')], ['ReadOnly:', b('readOnly')], ['SecretRef:', ref]],
});
const ISCSI = (ref: (s: Fields) => string): SourceFormat => ({
  description: "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", rows: iscsiRows(ref),
});
const RBD = (ref: (s: Fields) => string): SourceFormat => ({ description: "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", rows: rbdRows(ref) });
const CEPHFS = (ref: (s: Fields) => string): SourceFormat => ({ description: "CephFS (a CephFS mount on the host that shares a pod's lifetime)", rows: cephRows(ref) });
const FLEX = (ref: (s: Fields) => string): SourceFormat => ({
  description: 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', rows: flexRows(ref),
});
const STORAGEOS: SourceFormat = { description: 'StorageOS (a StorageOS Persistent Disk resource)', rows: storageosRows };
const scaleIORows = (secret: Row[]): Row[] => [
  ['Gateway:', s('gateway')], ['System:', s('system')], ['Protection Domain:', s('protectionDomain')], ['Storage Pool:', s('storagePool')],
  ['Storage Mode:', s('storageMode')], ['VolumeName:', s('volumeName')], ...secret, ['FSType:', s('fsType')], ['ReadOnly:', b('readOnly')],
];
const SCALEIO_DESC = 'ScaleIO (a persistent volume backed by a block device in ScaleIO)';

/** Pod volume sources with a plain layout, in the order describeVolumes tests them. */
export const POD_SOURCES: [key: string, format: SourceFormat][] = [
  ['hostPath', HOSTPATH], ['gcePersistentDisk', GCE], ['awsElasticBlockStore', AWS],
  ['gitRepo', { description: 'GitRepo (a volume that is pulled from git when the pod is created)', rows: [['Repository:', s('repository')], ['Revision:', s('revision')]] }],
  ['secret', { description: 'Secret (a volume populated by a Secret)', rows: [['SecretName:', s('secretName')], ['Optional:', b('optional')]] }],
  ['configMap', { description: 'ConfigMap (a volume populated by a ConfigMap)', rows: [['Name:', s('name')], ['Optional:', b('optional')]] }],
  ['nfs', NFS], ['iscsi', ISCSI(secretRef)],
  ['glusterfs', { description: "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", rows: [['EndpointsName:', s('endpoints')], ['Path:', s('path')], ['ReadOnly:', b('readOnly')]] }],
  ['persistentVolumeClaim', { description: 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', rows: [['ClaimName:', s('claimName')], ['ReadOnly:', b('readOnly')]] }],
  ['rbd', RBD(secretRef)], ['quobyte', QUOBYTE], ['azureDisk', AZURE_DISK], ['vsphereVolume', VSPHERE], ['cinder', CINDER(secretRef)],
  ['photonPersistentDisk', PHOTON], ['portworxVolume', PORTWORX], ['scaleIO', { description: SCALEIO_DESC, rows: scaleIORows([]) }],
  ['cephfs', CEPHFS(secretRef)], ['storageos', STORAGEOS], ['fc', FC],
  ['azureFile', { description: 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', rows: [['SecretName:', s('secretName')], ['ShareName:', s('shareName')], ['ReadOnly:', b('readOnly')]] }],
  ['flexVolume', FLEX(secretRef)], ['flocker', FLOCKER],
  ['image', { description: 'Image (a container image or OCI artifact)', rows: [['Reference:', s('reference')], ['PullPolicy:', s('pullPolicy')]] }],
];

/** PersistentVolume sources with a plain layout, in describePersistentVolume's order. */
export const PV_SOURCES: [key: string, format: SourceFormat][] = [
  ['hostPath', HOSTPATH], ['gcePersistentDisk', GCE], ['awsElasticBlockStore', AWS], ['nfs', NFS], ['iscsi', ISCSI(secretRef)],
  ['glusterfs', {
    description: "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)",
    rows: [['EndpointsName:', s('endpoints')], ['EndpointsNamespace:', (src) => (typeof src.endpointsNamespace === 'string' ? src.endpointsNamespace : '<unset>')], ['Path:', s('path')], ['ReadOnly:', b('readOnly')]],
  }],
  ['rbd', RBD(pvSecretRef)], ['quobyte', QUOBYTE], ['vsphereVolume', VSPHERE], ['cinder', CINDER(pvSecretRef)], ['azureDisk', AZURE_DISK],
  ['photonPersistentDisk', PHOTON], ['portworxVolume', PORTWORX],
  ['scaleIO', { description: SCALEIO_DESC, rows: scaleIORows([['SecretName:', (src) => str(rec(src.secretRef).name)], ['SecretNamespace:', (src) => str(rec(src.secretRef).namespace)]]) }],
  ['local', { description: 'LocalVolume (a persistent volume backed by local storage on a node)', rows: [['Path:', s('path')]] }],
  ['cephfs', CEPHFS(pvSecretRef)], ['storageos', STORAGEOS], ['fc', FC],
  ['azureFile', {
    description: 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)',
    rows: [['SecretName:', s('secretName')], ['SecretNamespace:', (src) => str(src.secretNamespace)], ['ShareName:', s('shareName')], ['ReadOnly:', b('readOnly')]],
  }],
  ['flexVolume', FLEX(pvSecretRef)], ['flocker', FLOCKER],
];

export function printSource(w: Writer, format: SourceFormat, src: Fields): void {
  w.write(LEVEL_2, `Type:\t${format.description}\n${format.rows.map(([label, value]) => `    ${label}\t${value(src)}\n`).join('')}`);
}
