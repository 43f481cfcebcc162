// kustomize's built-in field specs (api/internal/konfig/builtinpluginconsts): where common labels
// and annotations, images and replicas go, and which kinds are cluster-scoped.
import type { FieldSpec } from './fieldspec.js';

const spec = (path: string, kind?: string, group?: string, create = true, version?: string): FieldSpec => ({
  path, create, ...(kind ? { kind } : {}), ...(group ? { group } : {}), ...(version ? { version } : {}),
});

const POD_TEMPLATE_KINDS: [string, string | undefined][] = [['Deployment', undefined], ['ReplicaSet', undefined], ['DaemonSet', undefined], ['StatefulSet', 'apps'], ['Job', 'batch']];

export const METADATA_LABELS: FieldSpec[] = [
  spec('metadata/labels'),
  spec('spec/template/metadata/labels', 'ReplicationController', undefined, true, 'v1'),
  ...POD_TEMPLATE_KINDS.map(([k, g]) => spec('spec/template/metadata/labels', k, g)),
  spec('spec/volumeClaimTemplates[]/metadata/labels', 'StatefulSet', 'apps'),
  spec('spec/jobTemplate/metadata/labels', 'CronJob', 'batch'),
  spec('spec/jobTemplate/spec/template/metadata/labels', 'CronJob', 'batch'),
];

const AFFINITY = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

export const SELECTOR_LABELS: FieldSpec[] = [
  spec('spec/selector', 'Service', undefined, true, 'v1'),
  spec('spec/selector', 'ReplicationController', undefined, true, 'v1'),
  spec('spec/selector/matchLabels', 'Deployment'),
  ...AFFINITY.map((p) => spec(p, 'Deployment', 'apps', false)),
  spec('spec/selector/matchLabels', 'ReplicaSet'),
  spec('spec/selector/matchLabels', 'DaemonSet'),
  spec('spec/selector/matchLabels', 'StatefulSet', 'apps'),
  ...AFFINITY.map((p) => spec(p, 'StatefulSet', 'apps', false)),
  spec('spec/selector/matchLabels', 'Job', 'batch', false),
  spec('spec/jobTemplate/spec/selector/matchLabels', 'CronJob', 'batch', false),
  spec('spec/selector/matchLabels', 'PodDisruptionBudget', 'policy', false),
  spec('spec/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io', false),
  spec('spec/ingress/from/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io', false),
  spec('spec/egress/to/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io', false),
];

/** commonLabels: selectors, then the metadata labels. */
export const COMMON_LABELS: FieldSpec[] = [...SELECTOR_LABELS, ...METADATA_LABELS];

export const COMMON_ANNOTATIONS: FieldSpec[] = [
  spec('metadata/annotations'),
  spec('spec/template/metadata/annotations', 'ReplicationController', undefined, true, 'v1'),
  spec('spec/template/metadata/annotations', 'Deployment'),
  spec('spec/template/metadata/annotations', 'ReplicaSet'),
  spec('spec/template/metadata/annotations', 'DaemonSet'),
  spec('spec/template/metadata/annotations', 'StatefulSet'),
  spec('spec/template/metadata/annotations', 'Job', 'batch'),
  spec('spec/jobTemplate/metadata/annotations', 'CronJob', 'batch'),
  spec('spec/jobTemplate/spec/template/metadata/annotations', 'CronJob', 'batch'),
];

export const IMAGES: FieldSpec[] = [
  spec('spec/containers[]/image'), spec('spec/initContainers[]/image'),
  spec('spec/template/spec/containers[]/image'), spec('spec/template/spec/initContainers[]/image'),
];

export const REPLICAS: FieldSpec[] = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].map((k) => spec('spec/replicas', k));

export const CLUSTER_SCOPED = new Set([
  'APIService', 'CertificateSigningRequest', 'ClusterRole', 'ClusterRoleBinding', 'ComponentStatus', 'CSIDriver', 'CSINode',
  'CustomResourceDefinition', 'FlowSchema', 'IngressClass', 'MutatingWebhookConfiguration', 'Namespace', 'Node',
  'PersistentVolume', 'PodSecurityPolicy', 'PriorityClass', 'PriorityLevelConfiguration', 'RuntimeClass',
  'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'StorageClass', 'SubjectAccessReview', 'TokenReview',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration', 'VolumeAttachment',
]);
