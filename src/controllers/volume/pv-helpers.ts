// The storage helpers the binder and the scheduler share upstream
// (k8s.io/component-helpers/storage/volume/pv_helpers.go): a claim's and a volume's class, sizes,
// access and volume modes, whether a volume is (pre-)bound to a claim, and the claimRef written.
import { ZERO } from '../../api/quantity/resource-list.js';
import { compareQuantity, quantityOf, quantityValue, type Quantity } from '../../api/validation/quantity.js';
import { ANN_BETA_CLASS, type ObjectReference, type PV, type PVC } from './types.js';

/** GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function claimClass(c: PVC): string {
  const ann = c.metadata.annotations?.[ANN_BETA_CLASS];
  if (ann !== undefined) return ann;
  return c.spec?.storageClassName ?? '';
}

/** PersistentVolumeClaimHasClass: a class was asked for, even "" (no class). */
export function claimHasClass(c: PVC): boolean {
  return c.metadata.annotations?.[ANN_BETA_CLASS] !== undefined || (c.spec?.storageClassName !== undefined && c.spec.storageClassName !== null);
}

/** GetPersistentVolumeClass. */
export function volumeClass(v: PV): string {
  const ann = v.metadata.annotations?.[ANN_BETA_CLASS];
  if (ann !== undefined) return ann;
  return v.spec?.storageClassName ?? '';
}

export const storageRequest = (c: PVC): Quantity => quantityOf(c.spec?.resources?.requests?.storage) ?? ZERO;
export const volumeCapacity = (v: PV): Quantity => quantityOf(v.spec?.capacity?.storage) ?? ZERO;

/** The claim's key, `namespace/name`. */
export const claimKey = (c: PVC): string => `${c.metadata.namespace}/${c.metadata.name}`;
export const claimRefKey = (r: ObjectReference): string => `${r.namespace}/${r.name}`;

/** IsVolumeBoundToClaim: the claimRef names the claim and, when it carries a UID, that UID. */
export function isVolumeBoundToClaim(v: PV, c: PVC): boolean {
  const ref = v.spec?.claimRef;
  if (!ref) return false;
  if (c.metadata.name !== ref.name || c.metadata.namespace !== ref.namespace) return false;
  return !ref.uid || ref.uid === c.metadata.uid;
}

/** CheckVolumeModeMismatches: an unset mode is Filesystem on both sides. */
export function volumeModeMismatch(c: PVC, v: PV): boolean {
  return (c.spec?.volumeMode || 'Filesystem') !== (v.spec?.volumeMode || 'Filesystem');
}

/** CheckAccessModes: every mode the claim asks for is one the volume offers. */
export function checkAccessModes(c: PVC, v: PV): boolean {
  const offered = new Set(v.spec?.accessModes ?? []);
  return (c.spec?.accessModes ?? []).every((m) => offered.has(m));
}

/** checkVolumeSatisfyClaim: why a volume the claim names cannot be bound to it, if it cannot. */
export function volumeSatisfyError(v: PV, c: PVC): string | undefined {
  if (v.metadata.deletionTimestamp) return `the volume is marked for deletion "${v.metadata.name}"`;
  if (quantityValue(volumeCapacity(v)) < quantityValue(storageRequest(c))) return 'requested PV is too small';
  if (volumeClass(v) !== claimClass(c)) return 'storageClassName does not match';
  if (volumeModeMismatch(c, v)) return 'incompatible volumeMode';
  if (!checkAccessModes(c, v)) return 'incompatible accessMode';
  return undefined;
}

/** reference.GetReference for a claim: what pv.spec.claimRef holds once bound. */
export function claimRefFor(c: PVC): ObjectReference {
  return {
    kind: 'PersistentVolumeClaim', namespace: c.metadata.namespace, name: c.metadata.name,
    uid: c.metadata.uid, apiVersion: 'v1', resourceVersion: c.metadata.resourceVersion,
  };
}

export const capacityAtLeast = (v: PV, c: PVC): boolean => compareQuantity(volumeCapacity(v), storageRequest(c)) >= 0;

/** Access modes as upstream indexes them (GetAccessModesAsString order). */
const MODE_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

export function accessModesKey(modes: string[] | undefined): string {
  return MODE_ORDER.filter((m) => (modes ?? []).includes(m)).join(',');
}
