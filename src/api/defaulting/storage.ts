// PersistentVolume, PersistentVolumeClaim and StorageClass defaulters.
import type { KObject } from '../types.js';
import { isObject, obj, type JsonObject } from '../validation/json.js';
import { defaultResourceList, defaultResourceLists } from './quantities.js';
import { defaultVolumeSource } from './podspec.js';

const section = (o: KObject, k: 'spec' | 'status'): JsonObject => {
  if (!isObject(o[k])) o[k] = {};
  return o[k] as JsonObject;
};

export function defaultPersistentVolume(pv: KObject): void {
  const spec = section(pv, 'spec');
  const status = section(pv, 'status');
  if (!status.phase) status.phase = 'Pending';
  if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain';
  if (spec.volumeMode == null) spec.volumeMode = 'Filesystem';
  defaultVolumeSource(spec);
  defaultResourceList(spec.capacity);
}

export function defaultPersistentVolumeClaim(pvc: KObject): void {
  const spec = section(pvc, 'spec');
  const status = section(pvc, 'status');
  if (!status.phase) status.phase = 'Pending';
  if (spec.volumeMode == null) spec.volumeMode = 'Filesystem';
  defaultResourceLists(obj(spec.resources), ['limits', 'requests']);
  defaultResourceLists(status, ['capacity', 'allocatedResources']);
}

export function defaultStorageClass(sc: KObject): void {
  if (!sc.reclaimPolicy) sc.reclaimPolicy = 'Delete';
  if (!sc.volumeBindingMode) sc.volumeBindingMode = 'Immediate';
}
