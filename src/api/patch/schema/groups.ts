// Patch metadata of the built-in API groups other than core (v1.32 struct tags of k8s.io/api,
// apiextensions-apiserver and kube-aggregator). Kinds whose only tagged fields are in metadata
// are not listed here; kinds.ts maps them to 'meta/v1.Object'.

import type { TypeTable } from './types.js';

export const WORKLOAD_TYPES: TypeTable = {
  'apps/v1.Deployment': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'apps/v1.DeploymentSpec' },
    status: { type: 'apps/v1.DeploymentStatus' },
  },
  'apps/v1.DeploymentSpec': {
    template: { type: 'core/v1.PodTemplateSpec' },
    strategy: { strategy: 'retainKeys' },
  },
  'apps/v1.DeploymentStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'apps/v1.ReplicaSet': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'apps/v1.ReplicaSetSpec' },
    status: { type: 'apps/v1.ReplicaSetStatus' },
  },
  'apps/v1.ReplicaSetSpec': {
    template: { type: 'core/v1.PodTemplateSpec' },
  },
  'apps/v1.ReplicaSetStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'apps/v1.DaemonSet': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'apps/v1.DaemonSetSpec' },
    status: { type: 'apps/v1.DaemonSetStatus' },
  },
  'apps/v1.DaemonSetSpec': {
    template: { type: 'core/v1.PodTemplateSpec' },
  },
  'apps/v1.DaemonSetStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'apps/v1.StatefulSet': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'apps/v1.StatefulSetSpec' },
    status: { type: 'apps/v1.StatefulSetStatus' },
  },
  /** volumeClaimTemplates has no tags: replaced whole. */
  'apps/v1.StatefulSetSpec': {
    template: { type: 'core/v1.PodTemplateSpec' },
  },
  'apps/v1.StatefulSetStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'apps/v1.ControllerRevision': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    data: { type: 'opaque:RawExtension' },
  },
  'batch/v1.Job': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'batch/v1.JobSpec' },
    status: { type: 'batch/v1.JobStatus' },
  },
  'batch/v1.JobSpec': {
    template: { type: 'core/v1.PodTemplateSpec' },
  },
  'batch/v1.JobStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'batch/v1.CronJob': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'batch/v1.CronJobSpec' },
  },
  'batch/v1.CronJobSpec': {
    jobTemplate: { type: 'batch/v1.JobTemplateSpec' },
  },
  'batch/v1.JobTemplateSpec': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'batch/v1.JobSpec' },
  },
  'policy/v1.PodDisruptionBudget': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'policy/v1.PodDisruptionBudgetSpec' },
    status: { type: 'policy/v1.PodDisruptionBudgetStatus' },
  },
  'policy/v1.PodDisruptionBudgetSpec': {
    selector: { strategy: 'replace' },
  },
  'policy/v1.PodDisruptionBudgetStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'autoscaling/v2.HorizontalPodAutoscaler': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    status: { type: 'autoscaling/v2.HorizontalPodAutoscalerStatus' },
  },
  'autoscaling/v2.HorizontalPodAutoscalerStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
};

export const CLUSTER_TYPES: TypeTable = {
  'admissionregistration/v1.MutatingWebhookConfiguration': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    webhooks: { strategy: 'merge', key: 'name', type: 'admissionregistration/v1.Webhook' },
  },
  'admissionregistration/v1.ValidatingWebhookConfiguration': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    webhooks: { strategy: 'merge', key: 'name', type: 'admissionregistration/v1.Webhook' },
  },
  /** MutatingWebhook and ValidatingWebhook carry the same tag. */
  'admissionregistration/v1.Webhook': {
    matchConditions: { strategy: 'merge', key: 'name' },
  },
  'admissionregistration/v1.ValidatingAdmissionPolicy': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'admissionregistration/v1.ValidatingAdmissionPolicySpec' },
  },
  'admissionregistration/v1.ValidatingAdmissionPolicySpec': {
    matchConditions: { strategy: 'merge', key: 'name' },
    variables: { strategy: 'merge', key: 'name' },
  },
  'apiregistration/v1.APIService': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    status: { type: 'apiregistration/v1.APIServiceStatus' },
  },
  'apiregistration/v1.APIServiceStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'certificates/v1.CertificateSigningRequest': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'certificates/v1.CertificateSigningRequestSpec' },
  },
  /** extra is map[string]ExtraValue ([]string values). */
  'certificates/v1.CertificateSigningRequestSpec': {
    extra: { type: 'map' },
  },
  'flowcontrol/v1.FlowSchema': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    status: { type: 'flowcontrol/v1.FlowSchemaStatus' },
  },
  'flowcontrol/v1.FlowSchemaStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'flowcontrol/v1.PriorityLevelConfiguration': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    status: { type: 'flowcontrol/v1.PriorityLevelConfigurationStatus' },
  },
  'flowcontrol/v1.PriorityLevelConfigurationStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'storage/v1.CSINode': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'storage/v1.CSINodeSpec' },
  },
  'storage/v1.CSINodeSpec': {
    drivers: { strategy: 'merge', key: 'name' },
  },
};
