// Which strategy validates each kind, keyed by qualified kind (`Pod`, `Deployment.apps`).
import type { FieldError, KObject } from '../types.js';
import { required } from './field.js';
import { has } from './json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from './meta.js';
import { nameIsDNSSubdomain } from './namefuncs.js';
import { validatePodCreate, validatePodTemplateObject, validatePodUpdate } from './pod/pod.js';
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate } from './core/configdata.js';
import { validateEndpoints, validateEndpointSlice } from './core/endpoints.js';
import { validateNamespace, validateNamespaceUpdate, validateServiceAccount, validateServiceAccountUpdate } from './core/namespace.js';
import { validateNode, validateNodeUpdate } from './core/node.js';
import { validatePV, validatePVUpdate } from './core/pv.js';
import { validatePVC, validatePVCUpdate } from './core/pvc.js';
import { validateLimitRange, validateResourceQuota, validateResourceQuotaUpdate } from './core/quota.js';
import { validateService, validateServiceUpdate } from './core/service.js';
import { normalizeServiceClusterIPs, validateNodePortRange } from './core/service-ips.js';
import { validateEvent, validateReplicationController } from './core/workload-rc.js';
import { validateDaemonSet } from './apps/daemonset.js';
import { validateDeployment, validateReplicaSet } from './apps/deployment.js';
import { validateStatefulSet } from './apps/statefulset.js';
import { validateCronJob } from './batch/cronjob.js';
import { validateJob, validateJobUpdate } from './batch/job.js';
import { validateHorizontalPodAutoscaler } from './groups/autoscaling.js';
import { validateCertificateSigningRequest } from './groups/csr.js';
import { validateLease } from './groups/lease.js';
import { validateIngress, validateIngressClass, validateNetworkPolicy } from './groups/networking.js';
import { validatePodDisruptionBudget } from './groups/policy.js';
import { validatePriorityClass, validatePriorityClassUpdate } from './groups/priorityclass.js';
import { validateBinding, validateRole } from './groups/rbac.js';
import { validateStorageClass } from './groups/storageclass.js';
import { validateCSIDriver } from './groups/csidriver.js';
import { validateCSINode } from './groups/csinode.js';
import { validateCSIStorageCapacity } from './groups/csistoragecapacity.js';
import { validateVolumeAttachment } from './groups/volumeattachment.js';
import { validateRuntimeClass } from './groups/runtimeclass.js';
import { validateMutatingWebhookConfiguration, validateValidatingWebhookConfiguration } from './groups/webhookconfiguration.js';
import { validateValidatingAdmissionPolicy, validateValidatingAdmissionPolicyBinding } from './groups/admissionpolicy.js';
import { validateFlowSchema } from './groups/flowschema.js';
import { validatePriorityLevelConfiguration } from './groups/prioritylevelconfiguration.js';
import { apiServiceStrategy } from '../aggregator/validation.js';
import { validateCrd } from '../crd/validate-crd.js';

export interface Strategy {
  create(obj: KObject): FieldError[];
  update(obj: KObject, old: KObject): FieldError[];
}

/** A strategy whose update check is its create check with the old object passed along. */
const both = (fn: (o: KObject, old?: KObject) => FieldError[]): Strategy => ({ create: (o) => fn(o), update: (o, old) => fn(o, old) });

function serviceStrategy(): Strategy {
  const normalized = (o: KObject, old?: KObject): KObject => {
    const copy = structuredClone(o);
    normalizeServiceClusterIPs(copy, old);
    return copy;
  };
  const create = (o: KObject): FieldError[] => {
    const ports = validateNodePortRange(o);
    return ports.length ? ports : validateService(normalized(o));
  };
  const update = (o: KObject, old: KObject): FieldError[] => {
    const ports = validateNodePortRange(o);
    return ports.length ? ports : validateServiceUpdate(normalized(o, old), old);
  };
  return { create, update };
}

function controllerRevision(o: KObject, old?: KObject): FieldError[] {
  const errs = old ? validateCoreObjectMetaUpdate(o.metadata, old.metadata) : [];
  errs.push(...validateCoreObjectMeta(o.metadata, true, nameIsDNSSubdomain));
  if (!has(o, 'data')) errs.push(required('data', 'data is mandatory'));
  if (typeof o.revision === 'number' && o.revision < 0) errs.push({ type: 'Invalid', field: 'revision', badValue: o.revision, detail: 'must be greater than or equal to 0' });
  return old ? [...errs, ...validateImmutableField(o.data, old.data, 'data')] : errs;
}

function metaOnly(namespaced: boolean): Strategy {
  return {
    create: (o) => validateCoreObjectMeta(o.metadata, namespaced, nameIsDNSSubdomain),
    update: (o, old) => validateCoreObjectMetaUpdate(o.metadata, old.metadata),
  };
}

/** Kinds whose validation compiles CEL expressions (those need celReady() first, when they have any). */
const COMPILES_CEL = new Set([
  'MutatingWebhookConfiguration.admissionregistration.k8s.io', 'ValidatingWebhookConfiguration.admissionregistration.k8s.io',
  'ValidatingAdmissionPolicy.admissionregistration.k8s.io', 'CustomResourceDefinition.apiextensions.k8s.io',
]);

export const compilesCel = (qualifiedKind: string, o: KObject): boolean =>
  COMPILES_CEL.has(qualifiedKind) && /"(x-kubernetes-validations|expression|messageExpression|valueExpression)"/.test(JSON.stringify(o));

export const STRATEGIES: Readonly<Record<string, Strategy>> = {
  'CustomResourceDefinition.apiextensions.k8s.io': { create: validateCrd, update: (o) => validateCrd(o) },
  Pod: { create: validatePodCreate, update: validatePodUpdate },
  PodTemplate: both(validatePodTemplateObject),
  ReplicationController: both(validateReplicationController),
  Service: serviceStrategy(),
  Endpoints: both(validateEndpoints),
  Node: { create: validateNode, update: validateNodeUpdate },
  Namespace: { create: validateNamespace, update: validateNamespaceUpdate },
  ServiceAccount: { create: validateServiceAccount, update: validateServiceAccountUpdate },
  Secret: { create: validateSecret, update: validateSecretUpdate },
  ConfigMap: { create: validateConfigMap, update: validateConfigMapUpdate },
  PersistentVolume: { create: validatePV, update: validatePVUpdate },
  PersistentVolumeClaim: { create: validatePVC, update: validatePVCUpdate },
  ResourceQuota: { create: validateResourceQuota, update: validateResourceQuotaUpdate },
  LimitRange: both(validateLimitRange),
  Event: both(validateEvent),
  'Event.events.k8s.io': metaOnly(true),
  'Deployment.apps': both(validateDeployment),
  'ReplicaSet.apps': both(validateReplicaSet),
  'DaemonSet.apps': both(validateDaemonSet),
  'StatefulSet.apps': both(validateStatefulSet),
  'ControllerRevision.apps': both(controllerRevision),
  'Job.batch': { create: validateJob, update: validateJobUpdate },
  'CronJob.batch': both(validateCronJob),
  'Role.rbac.authorization.k8s.io': both((o, old) => validateRole(o, true, old)),
  'ClusterRole.rbac.authorization.k8s.io': both((o, old) => validateRole(o, false, old)),
  'RoleBinding.rbac.authorization.k8s.io': both((o, old) => validateBinding(o, true, old)),
  'ClusterRoleBinding.rbac.authorization.k8s.io': both((o, old) => validateBinding(o, false, old)),
  'NetworkPolicy.networking.k8s.io': both(validateNetworkPolicy),
  'Ingress.networking.k8s.io': both(validateIngress),
  'IngressClass.networking.k8s.io': both(validateIngressClass),
  'PodDisruptionBudget.policy': both(validatePodDisruptionBudget),
  'HorizontalPodAutoscaler.autoscaling': both(validateHorizontalPodAutoscaler),
  'StorageClass.storage.k8s.io': both(validateStorageClass),
  'CSIDriver.storage.k8s.io': both(validateCSIDriver),
  'CSINode.storage.k8s.io': both(validateCSINode),
  'CSIStorageCapacity.storage.k8s.io': both(validateCSIStorageCapacity),
  'VolumeAttachment.storage.k8s.io': both(validateVolumeAttachment),
  'PriorityClass.scheduling.k8s.io': { create: validatePriorityClass, update: validatePriorityClassUpdate },
  'Lease.coordination.k8s.io': both(validateLease),
  'RuntimeClass.node.k8s.io': both(validateRuntimeClass),
  'MutatingWebhookConfiguration.admissionregistration.k8s.io': both(validateMutatingWebhookConfiguration),
  'ValidatingWebhookConfiguration.admissionregistration.k8s.io': both(validateValidatingWebhookConfiguration),
  'ValidatingAdmissionPolicy.admissionregistration.k8s.io': both(validateValidatingAdmissionPolicy),
  'ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io': both(validateValidatingAdmissionPolicyBinding),
  'FlowSchema.flowcontrol.apiserver.k8s.io': both(validateFlowSchema),
  'PriorityLevelConfiguration.flowcontrol.apiserver.k8s.io': both(validatePriorityLevelConfiguration),
  'CertificateSigningRequest.certificates.k8s.io': both(validateCertificateSigningRequest),
  'EndpointSlice.discovery.k8s.io': both(validateEndpointSlice),
  'APIService.apiregistration.k8s.io': apiServiceStrategy,
};
