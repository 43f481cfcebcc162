// Every resource the apiserver serves, in discovery order within each group-version.
import { pod } from './pod.js';
import { service } from './service.js';
import { endpoints } from './endpoints.js';
import { node } from './node.js';
import { namespace } from './namespace.js';
import { configMap } from './configmap.js';
import { secret } from './secret.js';
import { serviceAccount } from './serviceaccount.js';
import { event } from './event.js';
import { persistentVolume } from './persistentvolume.js';
import { persistentVolumeClaim } from './persistentvolumeclaim.js';
import { resourceQuota } from './resourcequota.js';
import { limitRange } from './limitrange.js';
import { replicationController } from './replicationcontroller.js';
import { podTemplate } from './podtemplate.js';
import { deployment } from './deployment.js';
import { replicaSet } from './replicaset.js';
import { daemonSet } from './daemonset.js';
import { statefulSet } from './statefulset.js';
import { controllerRevision } from './controllerrevision.js';
import { job } from './job.js';
import { cronJob } from './cronjob.js';
import { role } from './role.js';
import { roleBinding } from './rolebinding.js';
import { clusterRole } from './clusterrole.js';
import { clusterRoleBinding } from './clusterrolebinding.js';
import { networkPolicy } from './networkpolicy.js';
import { ingress } from './ingress.js';
import { ingressClass } from './ingressclass.js';
import { storageClass } from './storageclass.js';
import { csiDriver } from './csidriver.js';
import { csiNode } from './csinode.js';
import { csiStorageCapacity } from './csistoragecapacity.js';
import { volumeAttachment } from './volumeattachment.js';
import { podDisruptionBudget } from './poddisruptionbudget.js';
import { lease } from './lease.js';
import { priorityClass } from './priorityclass.js';
import { runtimeClass } from './runtimeclass.js';
import { mutatingWebhookConfiguration } from './mutatingwebhookconfiguration.js';
import { validatingWebhookConfiguration } from './validatingwebhookconfiguration.js';
import { validatingAdmissionPolicy } from './validatingadmissionpolicy.js';
import { validatingAdmissionPolicyBinding } from './validatingadmissionpolicybinding.js';
import { flowSchema } from './flowschema.js';
import { priorityLevelConfiguration } from './prioritylevelconfiguration.js';
import { horizontalPodAutoscaler } from './horizontalpodautoscaler.js';
import { endpointSlice } from './endpointslice.js';
import { certificateSigningRequest } from './certificatesigningrequest.js';
import * as reviews from './reviews.js';
import { eventV1 } from './event-v1.js';
import { horizontalPodAutoscalerV1 } from './horizontalpodautoscaler-v1.js';
import type { ResourceDescriptor } from './types.js';
import { apiService } from './apiservice.js';
import { customResourceDefinition } from './customresourcedefinition.js';
import { byKubeAwareVersion } from './version-order.js';

export const RESOURCES: readonly ResourceDescriptor[] = [
  pod,
  service,
  endpoints,
  node,
  namespace,
  configMap,
  secret,
  serviceAccount,
  event,
  persistentVolume,
  persistentVolumeClaim,
  resourceQuota,
  limitRange,
  replicationController,
  podTemplate,
  deployment,
  replicaSet,
  daemonSet,
  statefulSet,
  controllerRevision,
  job,
  cronJob,
  role,
  roleBinding,
  clusterRole,
  clusterRoleBinding,
  networkPolicy,
  ingress,
  ingressClass,
  storageClass,
  csiDriver,
  csiNode,
  csiStorageCapacity,
  volumeAttachment,
  podDisruptionBudget,
  lease,
  priorityClass,
  runtimeClass,
  mutatingWebhookConfiguration,
  validatingWebhookConfiguration,
  validatingAdmissionPolicy,
  validatingAdmissionPolicyBinding,
  flowSchema,
  priorityLevelConfiguration,
  horizontalPodAutoscaler,
  endpointSlice,
  certificateSigningRequest,
  eventV1,
  horizontalPodAutoscalerV1,
  apiService,
  customResourceDefinition,
  ...Object.values(reviews),
];

/** Upstream's order of API groups in /apis (kube-apiserver v1.32). */
export const GROUP_ORDER = [
  'apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling',
  'batch', 'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io',
  'discovery.k8s.io', 'flowcontrol.apiserver.k8s.io',
];

const byPath = new Map(RESOURCES.map((d) => [`${d.group}/${d.version}/${d.plural}`, d]));

/** `extra`: the custom resources the apiserver serves besides the built-in ones (src/api/crd). */
export function findResource(group: string, version: string, plural: string, extra: readonly ResourceDescriptor[] = []): ResourceDescriptor | undefined {
  return byPath.get(`${group}/${version}/${plural}`) ?? extra.find((d) => d.group === group && d.version === version && d.plural === plural);
}

/** The served groups (core first as ''), each with its versions, in upstream order; custom groups after the built-in ones. */
export function servedGroups(extra: readonly ResourceDescriptor[] = []): { group: string; versions: string[] }[] {
  const groups = new Map<string, Set<string>>();
  for (const d of [...RESOURCES, ...extra]) (groups.get(d.group) ?? groups.set(d.group, new Set()).get(d.group)!).add(d.version);
  const rank = (g: string) => (g === '' ? -1 : GROUP_ORDER.indexOf(g) === -1 ? GROUP_ORDER.length : GROUP_ORDER.indexOf(g));
  const custom = new Set(extra.map((d) => d.group));
  const order = (group: string, v: Set<string>) => (custom.has(group) ? [...v].sort(byKubeAwareVersion) : [...v]);
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0])).map(([group, v]) => ({ group, versions: order(group, v) }));
}

export function resourcesOf(group: string, version: string, extra: readonly ResourceDescriptor[] = []): ResourceDescriptor[] {
  return [...RESOURCES, ...extra].filter((d) => d.group === group && d.version === version).sort((a, b) => a.plural.localeCompare(b.plural));
}

export function findByKind(group: string, version: string, kind: string, extra: readonly ResourceDescriptor[] = []): ResourceDescriptor | undefined {
  return [...RESOURCES, ...extra].find((d) => d.group === group && d.version === version && d.kind === kind && !d.virtual);
}
