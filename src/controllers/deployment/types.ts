// The Deployment as this controller reads it, and the ReplicaSet numbers it adds up.
import type { Obj } from '../../client/types.js';
import type { LabelSelectorSpec, PodTemplate } from '../framework/pods.js';
import { desiredReplicas, statusOf } from '../replicaset/kinds.js';

export type IntOrString = number | string;

export interface DeploymentSpec {
  replicas?: number;
  selector?: LabelSelectorSpec | null;
  template?: PodTemplate;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
}

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export interface Deployment extends Obj {
  spec: DeploymentSpec;
  status?: DeploymentStatus;
}

export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const ROLLING_UPDATE = 'RollingUpdate';
export const RECREATE = 'Recreate';
const MAX_INT32 = 2147483647;

export const replicasOf = (d: Deployment): number => d.spec.replicas ?? 1;
export const isRollingUpdate = (d: Deployment): boolean => (d.spec.strategy?.type ?? ROLLING_UPDATE) === ROLLING_UPDATE;
export const hasProgressDeadline = (d: Deployment): boolean =>
  d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== null && d.spec.progressDeadlineSeconds !== MAX_INT32;
export const hasRevisionHistoryLimit = (d: Deployment): boolean =>
  d.spec.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== null && d.spec.revisionHistoryLimit !== MAX_INT32;

/** spec.replicas of a ReplicaSet. */
export const rsReplicas = (rs: Obj): number => desiredReplicas(rs);

const sum = (rss: (Obj | undefined)[], f: (rs: Obj) => number) => rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
/** Sum of spec.replicas. */
export const replicaCount = (rss: (Obj | undefined)[]): number => sum(rss, rsReplicas);
/** Sum of status.replicas. */
export const actualReplicaCount = (rss: (Obj | undefined)[]): number => sum(rss, (rs) => statusOf(rs).replicas ?? 0);
export const readyReplicaCount = (rss: (Obj | undefined)[]): number => sum(rss, (rs) => statusOf(rs).readyReplicas ?? 0);
export const availableReplicaCount = (rss: (Obj | undefined)[]): number => sum(rss, (rs) => statusOf(rs).availableReplicas ?? 0);

/** ReplicaSets with spec.replicas > 0. */
export const activeReplicaSets = (rss: (Obj | undefined)[]): Obj[] => rss.filter((rs): rs is Obj => !!rs && rsReplicas(rs) > 0);
