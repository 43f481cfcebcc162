// persistentvolumeclaims (core/v1): printPersistentVolumeClaim — NAME STATUS VOLUME CAPACITY ACCESS MODES
// STORAGECLASS VOLUMEATTRIBUTESCLASS AGE; wide VOLUMEMODE. Capacity and modes show once bound.
import { ageColumn, column, nameColumn, wideColumn } from './define.js';
import { at, rec, str } from './fields.js';
import { accessModes, storageClassOf, unsetOr, volumePhase } from './persistentvolume.js';
import { quantity } from './quantity.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const persistentVolumeClaimColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'capacity represents the actual resources of the underlying volume.'),
    column('Access Modes', 'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1'),
    column('StorageClass', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    ageColumn(),
    wideColumn('VolumeMode', 'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.'),
  ],
  cells(pvc, { now }) {
    const spec = rec(pvc.spec);
    const volume = str(spec.volumeName);
    const bound = volume !== '';
    return [
      pvc.metadata.name ?? '',
      volumePhase(pvc),
      volume,
      bound ? quantity(at(pvc.status, 'capacity', 'storage')) : '',
      bound ? accessModes(at(pvc.status, 'accessModes')) : '',
      storageClassOf(pvc) ?? '',
      unsetOr(spec.volumeAttributesClassName),
      age(pvc, now),
      unsetOr(spec.volumeMode),
    ];
  },
};
