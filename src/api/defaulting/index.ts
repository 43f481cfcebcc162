// The v1 defaulters kube-apiserver v1.32 applies when it decodes an object, keyed by
// qualified kind (`Pod`, `Deployment.apps`). applyDefaults mutates the object in place and is
// idempotent, so it may run on create, on update and when reading stored objects.
import type { KObject } from '../types.js';
import { defaultLimitRange, defaultNamespace, defaultNode, defaultResourceQuota, defaultSecret } from './core.js';
import { defaultBinding, defaultHorizontalPodAutoscaler, defaultIngressClass, defaultNetworkPolicy, defaultPriorityClass, defaultRuntimeClass } from './groups.js';
import { defaultPod } from './pod.js';
import { defaultMutatingWebhookConfiguration, defaultValidatingAdmissionPolicy, defaultValidatingAdmissionPolicyBinding, defaultValidatingWebhookConfiguration } from './admission.js';
import { defaultFlowSchema, defaultPriorityLevelConfiguration } from './flowcontrol.js';
import { defaultCrd } from '../crd/names.js';
import { defaultPodTemplateSpec } from './podspec.js';
import { defaultEndpoints, defaultEndpointSlice, defaultService } from './service.js';
import { defaultCSIDriver, defaultCSINode, defaultCSIStorageCapacity, defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass, defaultVolumeAttachment } from './storage.js';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultReplicationController, defaultStatefulSet, generateJobSelector } from './workloads.js';

export { applyServiceIPFamilies } from './service.js';
export { defaultPodPriority } from './pod.js';
export { generateJobSelector } from './workloads.js';
export { canonicalQuantityValue } from './quantities.js';

const DEFAULTERS: Readonly<Record<string, (obj: KObject) => void>> = {
  Pod: defaultPod,
  PodTemplate: (o) => defaultPodTemplateSpec(o.template),
  ReplicationController: defaultReplicationController,
  Service: defaultService,
  Endpoints: defaultEndpoints,
  Namespace: defaultNamespace,
  Secret: defaultSecret,
  Node: defaultNode,
  PersistentVolume: defaultPersistentVolume,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  LimitRange: defaultLimitRange,
  ResourceQuota: defaultResourceQuota,
  'Deployment.apps': defaultDeployment,
  'ReplicaSet.apps': defaultReplicaSet,
  'DaemonSet.apps': defaultDaemonSet,
  'StatefulSet.apps': defaultStatefulSet,
  'Job.batch': defaultJobAndSelector,
  'CronJob.batch': defaultCronJob,
  'NetworkPolicy.networking.k8s.io': defaultNetworkPolicy,
  'CustomResourceDefinition.apiextensions.k8s.io': defaultCrd,
  'IngressClass.networking.k8s.io': defaultIngressClass,
  'RoleBinding.rbac.authorization.k8s.io': defaultBinding,
  'ClusterRoleBinding.rbac.authorization.k8s.io': defaultBinding,
  'HorizontalPodAutoscaler.autoscaling': defaultHorizontalPodAutoscaler,
  'StorageClass.storage.k8s.io': defaultStorageClass,
  'CSIDriver.storage.k8s.io': defaultCSIDriver,
  'CSINode.storage.k8s.io': defaultCSINode,
  'CSIStorageCapacity.storage.k8s.io': defaultCSIStorageCapacity,
  'VolumeAttachment.storage.k8s.io': defaultVolumeAttachment,
  'PriorityClass.scheduling.k8s.io': defaultPriorityClass,
  'EndpointSlice.discovery.k8s.io': defaultEndpointSlice,
  'RuntimeClass.node.k8s.io': defaultRuntimeClass,
  'MutatingWebhookConfiguration.admissionregistration.k8s.io': defaultMutatingWebhookConfiguration,
  'ValidatingWebhookConfiguration.admissionregistration.k8s.io': defaultValidatingWebhookConfiguration,
  'ValidatingAdmissionPolicy.admissionregistration.k8s.io': defaultValidatingAdmissionPolicy,
  'ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io': defaultValidatingAdmissionPolicyBinding,
  'FlowSchema.flowcontrol.apiserver.k8s.io': defaultFlowSchema,
  'PriorityLevelConfiguration.flowcontrol.apiserver.k8s.io': defaultPriorityLevelConfiguration,
};

/**
 * Job defaults, plus the strategy's selector generation when the job (uid already assigned)
 * has no selector yet, i.e. on create; an existing selector is never touched.
 */
function defaultJobAndSelector(job: KObject): void {
  defaultJob(job);
  const spec = job.spec as Record<string, unknown>;
  if (job.metadata.uid && (spec.selector === undefined || spec.selector === null)) generateJobSelector(job);
}

/** Applies the kind's v1 defaults to obj in place; kinds without defaulters are left as they are. */
export function applyDefaults(qualifiedKind: string, obj: KObject): void {
  DEFAULTERS[qualifiedKind]?.(obj);
}
