// The shapes of PersistentVolumes, PersistentVolumeClaims and StorageClasses as the volume
// controllers read them, and the annotation, finalizer and event names upstream uses
// (k8s.io/component-helpers/storage/volume, pkg/controller/volume/events).
import type { Obj, ObjectReference } from '../../client/types.js';
import type { LabelSelectorSpec } from '../framework/pods.js';

export type { ObjectReference } from '../../client/types.js';

export interface NodeSelectorTerm {
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
  matchFields?: { key: string; operator: string; values?: string[] }[];
}

export interface PVSpec {
  capacity?: Record<string, string>;
  accessModes?: string[];
  claimRef?: ObjectReference | null;
  storageClassName?: string;
  volumeMode?: string;
  persistentVolumeReclaimPolicy?: string;
  mountOptions?: string[];
  hostPath?: { path: string; type?: string };
  nfs?: { server: string; path: string };
  nodeAffinity?: { required?: { nodeSelectorTerms?: NodeSelectorTerm[] } };
  [source: string]: unknown;
}

export interface PV extends Obj {
  spec?: PVSpec;
  status?: { phase?: string; message?: string; reason?: string; lastPhaseTransitionTime?: string };
}

export interface PVCSpec {
  accessModes?: string[];
  resources?: { requests?: Record<string, string> };
  storageClassName?: string | null;
  volumeName?: string;
  volumeMode?: string;
  selector?: LabelSelectorSpec | null;
}

export interface PVC extends Obj {
  spec?: PVCSpec;
  status?: { phase?: string; accessModes?: string[]; capacity?: Record<string, string>; [k: string]: unknown };
}

export interface StorageClass extends Obj {
  provisioner?: string;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  parameters?: Record<string, string>;
  mountOptions?: string[];
}

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const ANN_BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** The event source of the binder, as kube-controller-manager names it. */
export const BINDER_COMPONENT = 'persistentvolume-controller';

export const PHASE = {
  pending: 'Pending', available: 'Available', bound: 'Bound', released: 'Released', failed: 'Failed', lost: 'Lost',
} as const;

/** The object with its kind and apiVersion set (list items come without), as events and claimRefs need. */
export const asClaim = (c: PVC): PVC => ({ ...c, apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
export const asVolume = (v: PV): PV => ({ ...v, apiVersion: 'v1', kind: 'PersistentVolume' });

export const hasAnnotation = (o: Obj, key: string): boolean => Object.prototype.hasOwnProperty.call(o.metadata.annotations ?? {}, key);
