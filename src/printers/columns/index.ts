// The Table columns of every resource the apiserver serves, by API group and plural resource name;
// anything without a printer upstream gets the default NAME / CREATED AT table.
import { certificateSigningRequestColumns } from './certificatesigningrequest.js';
import { clusterRoleBindingColumns } from './clusterrolebinding.js';
import { componentStatusColumns } from './componentstatus.js';
import { configMapColumns } from './configmap.js';
import { controllerRevisionColumns } from './controllerrevision.js';
import { cronJobColumns } from './cronjob.js';
import { csiDriverColumns } from './csidriver.js';
import { csiNodeColumns } from './csinode.js';
import { csiStorageCapacityColumns } from './csistoragecapacity.js';
import { daemonSetColumns } from './daemonset.js';
import { defaultColumns } from './default.js';
import { deploymentColumns } from './deployment.js';
import { endpointsColumns } from './endpoints.js';
import { endpointSliceColumns } from './endpointslice.js';
import { eventColumns, eventsV1Columns } from './event.js';
import { horizontalPodAutoscalerColumns } from './horizontalpodautoscaler.js';
import { ingressColumns } from './ingress.js';
import { ingressClassColumns } from './ingressclass.js';
import { jobColumns } from './job.js';
import { leaseColumns } from './lease.js';
import { namespaceColumns } from './namespace.js';
import { networkPolicyColumns } from './networkpolicy.js';
import { nodeColumns } from './node.js';
import { persistentVolumeColumns } from './persistentvolume.js';
import { persistentVolumeClaimColumns } from './persistentvolumeclaim.js';
import { podColumns } from './pod.js';
import { podDisruptionBudgetColumns } from './poddisruptionbudget.js';
import { podTemplateColumns } from './podtemplate.js';
import { priorityClassColumns } from './priorityclass.js';
import { replicaSetColumns } from './replicaset.js';
import { replicationControllerColumns } from './replicationcontroller.js';
import { resourceQuotaColumns } from './resourcequota.js';
import { roleBindingColumns } from './rolebinding.js';
import { runtimeClassColumns } from './runtimeclass.js';
import { flowSchemaColumns } from './flowschema.js';
import { priorityLevelConfigurationColumns } from './prioritylevelconfiguration.js';
import { validatingAdmissionPolicyBindingColumns, validatingAdmissionPolicyColumns } from './validatingadmissionpolicy.js';
import { secretColumns } from './secret.js';
import { serviceColumns } from './service.js';
import { serviceAccountColumns } from './serviceaccount.js';
import { statefulSetColumns } from './statefulset.js';
import { storageClassColumns } from './storageclass.js';
import type { ColumnSet } from './types.js';
import { apiServiceColumns } from './apiservice.js';
import { volumeAttachmentColumns } from './volumeattachment.js';
import { webhookConfigurationColumns } from './webhookconfiguration.js';

export { defaultColumns } from './default.js';
export type { ColumnDefinition, ColumnSet, RowContext } from './types.js';

/** `<resource>` for the core group, `<resource>.<group>` otherwise. */
const PRINTERS: Record<string, ColumnSet> = {
  pods: podColumns,
  podtemplates: podTemplateColumns,
  replicationcontrollers: replicationControllerColumns,
  services: serviceColumns,
  endpoints: endpointsColumns,
  nodes: nodeColumns,
  events: eventColumns,
  namespaces: namespaceColumns,
  secrets: secretColumns,
  serviceaccounts: serviceAccountColumns,
  persistentvolumes: persistentVolumeColumns,
  persistentvolumeclaims: persistentVolumeClaimColumns,
  componentstatuses: componentStatusColumns,
  configmaps: configMapColumns,
  resourcequotas: resourceQuotaColumns,
  'deployments.apps': deploymentColumns,
  'replicasets.apps': replicaSetColumns,
  'daemonsets.apps': daemonSetColumns,
  'statefulsets.apps': statefulSetColumns,
  'controllerrevisions.apps': controllerRevisionColumns,
  'jobs.batch': jobColumns,
  'cronjobs.batch': cronJobColumns,
  'horizontalpodautoscalers.autoscaling': horizontalPodAutoscalerColumns,
  'ingresses.networking.k8s.io': ingressColumns,
  'ingressclasses.networking.k8s.io': ingressClassColumns,
  'networkpolicies.networking.k8s.io': networkPolicyColumns,
  'rolebindings.rbac.authorization.k8s.io': roleBindingColumns,
  'clusterrolebindings.rbac.authorization.k8s.io': clusterRoleBindingColumns,
  'storageclasses.storage.k8s.io': storageClassColumns,
  'csidrivers.storage.k8s.io': csiDriverColumns,
  'csinodes.storage.k8s.io': csiNodeColumns,
  'csistoragecapacities.storage.k8s.io': csiStorageCapacityColumns,
  'volumeattachments.storage.k8s.io': volumeAttachmentColumns,
  'poddisruptionbudgets.policy': podDisruptionBudgetColumns,
  'leases.coordination.k8s.io': leaseColumns,
  'priorityclasses.scheduling.k8s.io': priorityClassColumns,
  'endpointslices.discovery.k8s.io': endpointSliceColumns,
  'certificatesigningrequests.certificates.k8s.io': certificateSigningRequestColumns,
  'events.events.k8s.io': eventsV1Columns,
  'mutatingwebhookconfigurations.admissionregistration.k8s.io': webhookConfigurationColumns,
  'validatingwebhookconfigurations.admissionregistration.k8s.io': webhookConfigurationColumns,
  'validatingadmissionpolicies.admissionregistration.k8s.io': validatingAdmissionPolicyColumns,
  'validatingadmissionpolicybindings.admissionregistration.k8s.io': validatingAdmissionPolicyBindingColumns,
  'runtimeclasses.node.k8s.io': runtimeClassColumns,
  'flowschemas.flowcontrol.apiserver.k8s.io': flowSchemaColumns,
  'prioritylevelconfigurations.flowcontrol.apiserver.k8s.io': priorityLevelConfigurationColumns,
  'apiservices.apiregistration.k8s.io': apiServiceColumns,
};

/** The columns the apiserver's Table for `resource` (plural) of `group` ('' = core) carries. */
export function columnsFor(group: string, resource: string): ColumnSet {
  const key = group === '' ? resource : `${resource}.${group}`;
  return PRINTERS[key] ?? defaultColumns;
}
