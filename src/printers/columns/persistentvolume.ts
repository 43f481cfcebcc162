// persistentvolumes (core/v1): printPersistentVolume — NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS
// CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE; wide VOLUMEMODE.
import type { KObject } from '../../api/types.js';
import { ageColumn, column, nameColumn, wideColumn } from './define.js';
import { at, optStr, rec, str, strMap, strs } from './fields.js';
import { quantity } from './quantity.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, duplicates dropped. */
export function accessModes(value: unknown): string {
  const modes = new Set(strs(value));
  const known: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return known
    .filter(([mode]) => modes.has(mode))
    .map(([, short]) => short)
    .join(',');
}

/** The beta storage-class annotation wins over spec.storageClassName. */
export function storageClassOf(obj: KObject): string | undefined {
  const annotations = strMap(obj.metadata.annotations);
  if (BETA_STORAGE_CLASS in annotations) return annotations[BETA_STORAGE_CLASS];
  return optStr(at(obj.spec, 'storageClassName'));
}

/** Terminating while deletionTimestamp is set, else status.phase. */
export function volumePhase(obj: KObject): string {
  if (obj.metadata.deletionTimestamp !== undefined && obj.metadata.deletionTimestamp !== null) return 'Terminating';
  return str(at(obj.status, 'phase'));
}

export function unsetOr(value: unknown): string {
  return optStr(value) ?? '<unset>';
}

function claim(spec: Record<string, unknown>): string {
  if (spec.claimRef === undefined || spec.claimRef === null) return '';
  return `${str(at(spec.claimRef, 'namespace'))}/${str(at(spec.claimRef, 'name'))}`;
}

export const persistentVolumeColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Capacity', 'capacity is the description of the persistent volume\'s resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity'),
    column('Access Modes', 'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes'),
    column('Reclaim Policy', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming'),
    column('Status', 'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase'),
    column('Claim', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding'),
    column('StorageClass', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
    column('Reason', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageColumn(),
    wideColumn('VolumeMode', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.'),
  ],
  cells(pv, { now }) {
    const spec = rec(pv.spec);
    return [
      pv.metadata.name ?? '',
      quantity(at(spec.capacity, 'storage')),
      accessModes(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy),
      volumePhase(pv),
      claim(spec),
      storageClassOf(pv) ?? '',
      unsetOr(spec.volumeAttributesClassName),
      str(at(pv.status, 'reason')),
      age(pv, now),
      unsetOr(spec.volumeMode),
    ];
  },
};
