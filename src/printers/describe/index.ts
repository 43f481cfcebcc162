// describe.DescriberFor: the describer of a group/kind (kubectl's describerMap), else the
// generic one built from the object's unstructured content.
import type { Describer } from './context.js';
import { describeConfigMap, describeSecret } from './configmap.js';
import { describeCertificateSigningRequest } from './csr.js';
import { describeCSINode } from './csinode.js';
import { describeDaemonSet } from './daemonset.js';
import { describeDeployment } from './deployment.js';
import { describeEndpoints, describeEndpointSlice } from './endpoints.js';
import { genericDescriber, type Mapping } from './generic.js';
import { describeHorizontalPodAutoscaler } from './hpa.js';
import { describeIngress, describeIngressClass } from './ingress.js';
import { describeCronJob, describeJob } from './job.js';
import { describeNamespace } from './namespace.js';
import { describeNetworkPolicy } from './networkpolicy.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describePodDisruptionBudget, describePriorityClass } from './policy.js';
import { describeLimitRange, describeResourceQuota } from './quota.js';
import { describeClusterRole, describeClusterRoleBinding, describeRole, describeRoleBinding } from './rbac.js';
import { describeReplicaSet, describeReplicationController } from './replicaset.js';
import { describeService } from './service.js';
import { describeServiceAccount } from './serviceaccount.js';
import { describeStatefulSet } from './statefulset.js';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.js';

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/ReplicationController': describeReplicationController,
  '/Secret': describeSecret,
  '/Service': describeService,
  '/ServiceAccount': describeServiceAccount,
  '/Node': describeNode,
  '/LimitRange': describeLimitRange,
  '/ResourceQuota': describeResourceQuota,
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/Namespace': describeNamespace,
  '/Endpoints': describeEndpoints,
  '/ConfigMap': describeConfigMap,
  '/PriorityClass': describePriorityClass,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscaler,
  'extensions/Ingress': describeIngress,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/IngressClass': describeIngressClass,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'apps/StatefulSet': describeStatefulSet,
  'apps/Deployment': describeDeployment,
  'apps/DaemonSet': describeDaemonSet,
  'apps/ReplicaSet': describeReplicaSet,
  'certificates.k8s.io/CertificateSigningRequest': describeCertificateSigningRequest,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'storage.k8s.io/CSINode': describeCSINode,
  'policy/PodDisruptionBudget': describePodDisruptionBudget,
  'rbac.authorization.k8s.io/Role': describeRole,
  'rbac.authorization.k8s.io/ClusterRole': describeClusterRole,
  'rbac.authorization.k8s.io/RoleBinding': describeRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': describeClusterRoleBinding,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicy,
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
};

export function describerFor(m: Mapping): Describer {
  return DESCRIBERS[`${m.group}/${m.kind}`] ?? genericDescriber(m);
}

export type { Describer, DescribeEnv, DescribeClient, DescriberSettings } from './context.js';
export type { Mapping } from './generic.js';
