// What the ReplicaSet and ReplicationController controllers differ in: the resource, and the
// selector's shape (apps/v1 ReplicaSet has a metav1.LabelSelector, core/v1
// ReplicationController a plain map). Everything else is one controller, as upstream runs the
// replication manager as the ReplicaSet controller over converted objects.
import type { Obj, ResourceRef } from '../../client/types.js';
import { REFS, apiVersionOf } from '../../client/refs.js';
import type { LabelSelectorSpec, PodTemplate } from '../framework/pods.js';

export interface ReplicaKind {
  readonly ref: ResourceRef;
  /** --controllers name. */
  readonly controllerName: string;
  /** The selector as a metav1.LabelSelector; undefined selects nothing. */
  selector(o: Obj): LabelSelectorSpec | undefined;
}

export interface ReplicaSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: unknown;
  template?: PodTemplate;
}

export interface ReplicaCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ReplicaStatus {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaCondition[];
}

export const REPLICA_SET: ReplicaKind = {
  ref: REFS.replicasets,
  controllerName: 'replicaset',
  selector: (o) => (specOf(o).selector ?? undefined) as LabelSelectorSpec | undefined,
};

export const REPLICATION_CONTROLLER: ReplicaKind = {
  ref: REFS.replicationcontrollers,
  controllerName: 'replicationcontroller',
  selector: (o) => {
    const m = specOf(o).selector as Record<string, string> | undefined | null;
    return m ? { matchLabels: m } : undefined;
  },
};

export const specOf = (o: Obj): ReplicaSpec => (o.spec ?? {}) as ReplicaSpec;
export const statusOf = (o: Obj): ReplicaStatus => (o.status ?? {}) as ReplicaStatus;

/** spec.replicas, which the apiserver defaults to 1. */
export const desiredReplicas = (o: Obj): number => specOf(o).replicas ?? 1;

/** The object with apiVersion and kind set (list items may come without them). */
export const withTypeMeta = <T extends Obj>(o: T, ref: ResourceRef): T => ({ ...o, apiVersion: apiVersionOf(ref), kind: ref.kind });
