// storageclasses (storage.k8s.io/v1): printStorageClass — NAME PROVISIONER RECLAIMPOLICY
// VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE; NAME gets " (default)" for the default class.
import type { KObject } from '../../api/types.js';
import { ageColumn, column, nameColumn } from './define.js';
import { optBool, optStr, str, strMap } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** storageutil.IsDefaultAnnotation: the GA or the beta is-default-class annotation is "true". */
export function isDefaultClass(obj: KObject): boolean {
  const annotations = strMap(obj.metadata.annotations);
  return (
    annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

export const storageClassColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Provisioner', 'provisioner indicates the type of the provisioner.'),
    column('ReclaimPolicy', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.'),
    column('VolumeBindingMode', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.'),
    column('AllowVolumeExpansion', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageColumn(),
  ],
  cells(sc, { now }) {
    const name = sc.metadata.name ?? '';
    return [
      isDefaultClass(sc) ? `${name} (default)` : name,
      str(sc.provisioner),
      optStr(sc.reclaimPolicy) ?? 'Delete',
      optStr(sc.volumeBindingMode) ?? 'Immediate',
      optBool(sc.allowVolumeExpansion) ?? false,
      age(sc, now),
    ];
  },
};
