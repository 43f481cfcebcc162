// PersistentVolume, PersistentVolumeClaim and StorageClass defaulters.
import type { KObject } from '../types.js';
import { isObject, obj, type JsonObject } from '../validation/json.js';
import { canonicalQuantityValue, defaultResourceList, defaultResourceLists } from './quantities.js';
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

/** SetDefaults_CSIDriver, with v1.32's default gates (SELinuxMountReadWriteOncePod on). */
export function defaultCSIDriver(driver: KObject): void {
  const spec = section(driver, 'spec');
  if (spec.attachRequired == null) spec.attachRequired = true;
  if (spec.podInfoOnMount == null) spec.podInfoOnMount = false;
  if (spec.storageCapacity == null) spec.storageCapacity = false;
  if (spec.fsGroupPolicy == null) spec.fsGroupPolicy = 'ReadWriteOnceWithFSType';
  if (!Array.isArray(spec.volumeLifecycleModes) || spec.volumeLifecycleModes.length === 0) spec.volumeLifecycleModes = ['Persistent'];
  if (spec.requiresRepublish == null) spec.requiresRepublish = false;
  if (spec.seLinuxMount == null) spec.seLinuxMount = false;
}

/** No defaulter upstream; spec.drivers is not omitempty, so an empty list reads back as null. */
export function defaultCSINode(node: KObject): void {
  const spec = section(node, 'spec');
  if (!Array.isArray(spec.drivers) || spec.drivers.length === 0) spec.drivers = null;
}

/** No defaulter upstream; spec.source and status.attached are not omitempty. */
export function defaultVolumeAttachment(va: KObject): void {
  const spec = section(va, 'spec');
  if (!isObject(spec.source)) spec.source = {};
  if (isObject(va.status) && va.status.attached == null) va.status.attached = false;
}

/** No defaulter upstream; its quantities read back in canonical form, as after decoding in Go. */
export function defaultCSIStorageCapacity(c: KObject): void {
  for (const k of ['capacity', 'maximumVolumeSize']) if (c[k] != null) c[k] = canonicalQuantityValue(c[k]);
}
