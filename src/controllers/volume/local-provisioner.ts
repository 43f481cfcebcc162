// The simulated node-local provisioner (what rancher.io/local-path does in kind): a claim of a
// class it serves gets a hostPath PersistentVolume `pvc-<claim uid>` on the node the scheduler
// picked (volume.kubernetes.io/selected-node), pinned there by node affinity, pre-bound to the
// claim, with the class's reclaim policy. The binder then completes the binding.
import { quantityString } from '../../api/validation/quantity.js';
import { claimClass, claimRefFor, storageRequest } from './pv-helpers.js';
import { ANN_DYNAMICALLY_PROVISIONED, type PV, type PVC, type StorageClass } from './types.js';

/** Provisioners simulated here; `kubernetes.io/no-provisioner` is static-only and not among them. */
export const RANCHER_LOCAL_PATH = 'rancher.io/local-path';
export const KUBEDOJO_LOCAL = 'kubedojo.io/local';
export const LOCAL_PROVISIONERS: readonly string[] = [RANCHER_LOCAL_PATH, KUBEDOJO_LOCAL];

/** local-path-provisioner's node path in kind's configuration. */
export const LOCAL_PATH_BASE = '/var/local-path-provisioner';

export const isLocalProvisioner = (name: string | undefined): boolean => LOCAL_PROVISIONERS.includes(name ?? '');

/** The name of the volume provisioned for a claim (getProvisionedVolumeNameForClaim). */
export const provisionedVolumeName = (claim: PVC): string => `pvc-${claim.metadata.uid}`;

/** The PersistentVolume the provisioner creates for claim on node. */
export function localVolume(claim: PVC, cls: StorageClass, node: string): PV {
  const name = provisionedVolumeName(claim);
  const spec: NonNullable<PV['spec']> = {
    accessModes: [...(claim.spec?.accessModes ?? [])],
    capacity: { storage: quantityString(storageRequest(claim)) },
    claimRef: claimRefFor(claim),
    hostPath: { path: `${LOCAL_PATH_BASE}/${name}_${claim.metadata.namespace}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
    persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
    storageClassName: claimClass(claim),
    volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
  };
  if (cls.mountOptions?.length) spec.mountOptions = [...cls.mountOptions];
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { [ANN_DYNAMICALLY_PROVISIONED]: cls.provisioner ?? '' } },
    spec,
  };
}
