// Builders for the volume controllers' tests: volumes, claims, classes, pods and nodes as a
// cluster would hold them.
import type { Obj } from '../../client/types.js';
import type { PV, PVC, PVSpec, PVCSpec, StorageClass } from './types.js';

export function pv(name: string, size: string, spec: Partial<PVSpec> = {}, extra: Partial<PV> = {}): PV {
  return {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: { name, ...(extra.metadata ?? {}) },
    spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: `/data/${name}` }, ...spec },
    status: { phase: 'Available', ...(extra.status ?? {}) },
  };
}

export function pvc(name: string, size: string, spec: Partial<PVCSpec> = {}, meta: Partial<Obj['metadata']> = {}): PVC {
  return {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, ...meta },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, volumeMode: 'Filesystem', ...spec },
    status: { phase: 'Pending' },
  };
}

export function storageClass(name: string, provisioner: string, extra: Partial<StorageClass> = {}): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, ...(extra.metadata ?? {}) },
    provisioner, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', ...extra,
  };
}

export function podUsing(name: string, claim: string, nodeName?: string, extra: Partial<Obj> = {}): Obj {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] },
    status: { phase: nodeName ? 'Running' : 'Pending' },
    ...extra,
  };
}

export const node = (name: string): Obj => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } });
