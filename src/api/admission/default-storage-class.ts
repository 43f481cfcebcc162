// DefaultStorageClass: a PersistentVolumeClaim created without a class gets the cluster's default
// StorageClass (is-default-class "true", GA or beta annotation). With several defaults the newest
// wins, ties going to the name first in order, as upstream since v1.26.
import type { AdmissionPlugin } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import { storageClass } from '../resources/storageclass.js';

export const IS_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const BETA_IS_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';
/** The claim's class given the pre-GA way; a claim carrying it already has a class. */
export const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

const isDefault = (sc: KObject): boolean =>
  sc.metadata.annotations?.[IS_DEFAULT_CLASS] === 'true' || sc.metadata.annotations?.[BETA_IS_DEFAULT_CLASS] === 'true';

const created = (o: KObject): number => {
  const t = Date.parse(String(o.metadata.creationTimestamp ?? ''));
  return Number.isNaN(t) ? 0 : t;
};

/** util.GetDefaultClass: the newest default class, or undefined. */
export function pickDefaultClass(classes: KObject[]): KObject | undefined {
  const defaults = classes.filter(isDefault);
  defaults.sort((a, b) => created(b) - created(a) || (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
  return defaults[0];
}

/** helper.PersistentVolumeClaimHasClass. */
function hasClass(pvc: KObject): boolean {
  if (pvc.metadata.annotations && BETA_STORAGE_CLASS in pvc.metadata.annotations) return true;
  const spec = pvc.spec as { storageClassName?: string | null } | undefined;
  return spec?.storageClassName !== undefined && spec.storageClassName !== null;
}

export function defaultStorageClass(storage: ObjectStorage): AdmissionPlugin {
  return {
    name: 'DefaultStorageClass',
    async admit(req) {
      if (req.op !== 'CREATE' || req.subresource || req.d.group !== '' || req.d.plural !== 'persistentvolumeclaims' || !req.obj) return;
      if (hasClass(req.obj)) return;
      const def = pickDefaultClass((await storage.list(storageClass, undefined)).items);
      if (!def) return;
      ((req.obj.spec ??= {}) as { storageClassName?: string }).storageClassName = def.metadata.name!;
    },
  };
}
