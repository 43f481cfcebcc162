// The built-in resources the in-cluster components read and write.
import type { ResourceRef } from './types.js';

const core = (resource: string, kind: string, namespaced = true): ResourceRef => ({ group: '', version: 'v1', resource, kind, namespaced });
const grp = (group: string, version: string, resource: string, kind: string, namespaced = true): ResourceRef => ({ group, version, resource, kind, namespaced });

export const REFS = {
  pods: core('pods', 'Pod'),
  nodes: core('nodes', 'Node', false),
  namespaces: core('namespaces', 'Namespace', false),
  services: core('services', 'Service'),
  endpoints: core('endpoints', 'Endpoints'),
  events: core('events', 'Event'),
  configmaps: core('configmaps', 'ConfigMap'),
  secrets: core('secrets', 'Secret'),
  serviceaccounts: core('serviceaccounts', 'ServiceAccount'),
  persistentvolumes: core('persistentvolumes', 'PersistentVolume', false),
  persistentvolumeclaims: core('persistentvolumeclaims', 'PersistentVolumeClaim'),
  replicationcontrollers: core('replicationcontrollers', 'ReplicationController'),
  resourcequotas: core('resourcequotas', 'ResourceQuota'),
  limitranges: core('limitranges', 'LimitRange'),
  podtemplates: core('podtemplates', 'PodTemplate'),
  replicasets: grp('apps', 'v1', 'replicasets', 'ReplicaSet'),
  deployments: grp('apps', 'v1', 'deployments', 'Deployment'),
  daemonsets: grp('apps', 'v1', 'daemonsets', 'DaemonSet'),
  statefulsets: grp('apps', 'v1', 'statefulsets', 'StatefulSet'),
  controllerrevisions: grp('apps', 'v1', 'controllerrevisions', 'ControllerRevision'),
  jobs: grp('batch', 'v1', 'jobs', 'Job'),
  cronjobs: grp('batch', 'v1', 'cronjobs', 'CronJob'),
  leases: grp('coordination.k8s.io', 'v1', 'leases', 'Lease'),
  endpointslices: grp('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice'),
  networkpolicies: grp('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy'),
  eventsV1: grp('events.k8s.io', 'v1', 'events', 'Event'),
  storageclasses: grp('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false),
  csinodes: grp('storage.k8s.io', 'v1', 'csinodes', 'CSINode', false),
  runtimeclasses: grp('node.k8s.io', 'v1', 'runtimeclasses', 'RuntimeClass', false),
  csrs: grp('certificates.k8s.io', 'v1', 'certificatesigningrequests', 'CertificateSigningRequest', false),
  hpas: grp('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler'),
  pdbs: grp('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget'),
  priorityclasses: grp('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false),
  validatingadmissionpolicies: grp('admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicies', 'ValidatingAdmissionPolicy', false),
  clusterroles: grp('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
} as const satisfies Record<string, ResourceRef>;

/** `apps/v1` or `v1`: the apiVersion of objects of ref. */
export const apiVersionOf = (ref: ResourceRef): string => (ref.group ? `${ref.group}/${ref.version}` : ref.version);
