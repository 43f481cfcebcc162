// Which struct is the schema of each built-in kind a strategic merge patch may target, keyed by
// schema.GroupVersionKind.String() ("apps/v1, Kind=Deployment", "/v1, Kind=Pod"). Kinds that
// are not here (custom resources) have no Go struct, and the apiserver refuses strategic merge
// patches for them with 415.

export const KIND_ROOTS: Readonly<Record<string, string>> = {
  '/v1, Kind=Binding': 'meta/v1.Object',
  '/v1, Kind=ComponentStatus': 'core/v1.ComponentStatus',
  '/v1, Kind=ConfigMap': 'meta/v1.Object',
  '/v1, Kind=Endpoints': 'meta/v1.Object',
  '/v1, Kind=Event': 'meta/v1.Object',
  '/v1, Kind=LimitRange': 'meta/v1.Object',
  '/v1, Kind=Namespace': 'core/v1.Namespace',
  '/v1, Kind=Node': 'core/v1.Node',
  '/v1, Kind=PersistentVolume': 'meta/v1.Object',
  '/v1, Kind=PersistentVolumeClaim': 'core/v1.PersistentVolumeClaim',
  '/v1, Kind=Pod': 'core/v1.Pod',
  '/v1, Kind=PodTemplate': 'core/v1.PodTemplate',
  '/v1, Kind=ReplicationController': 'core/v1.ReplicationController',
  '/v1, Kind=ResourceQuota': 'meta/v1.Object',
  '/v1, Kind=Secret': 'meta/v1.Object',
  '/v1, Kind=Service': 'core/v1.Service',
  '/v1, Kind=ServiceAccount': 'core/v1.ServiceAccount',
  'admissionregistration.k8s.io/v1, Kind=MutatingWebhookConfiguration':
    'admissionregistration/v1.MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1, Kind=ValidatingAdmissionPolicy':
    'admissionregistration/v1.ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1, Kind=ValidatingAdmissionPolicyBinding': 'meta/v1.Object',
  'admissionregistration.k8s.io/v1, Kind=ValidatingWebhookConfiguration':
    'admissionregistration/v1.ValidatingWebhookConfiguration',
  'apiextensions.k8s.io/v1, Kind=CustomResourceDefinition': 'meta/v1.Object',
  'apiregistration.k8s.io/v1, Kind=APIService': 'apiregistration/v1.APIService',
  'apps/v1, Kind=ControllerRevision': 'apps/v1.ControllerRevision',
  'apps/v1, Kind=DaemonSet': 'apps/v1.DaemonSet',
  'apps/v1, Kind=Deployment': 'apps/v1.Deployment',
  'apps/v1, Kind=ReplicaSet': 'apps/v1.ReplicaSet',
  'apps/v1, Kind=StatefulSet': 'apps/v1.StatefulSet',
  'autoscaling/v1, Kind=HorizontalPodAutoscaler': 'meta/v1.Object',
  /** The scale subresource of deployments, replicasets, statefulsets, replicationcontrollers. */
  'autoscaling/v1, Kind=Scale': 'meta/v1.Object',
  'autoscaling/v2, Kind=HorizontalPodAutoscaler': 'autoscaling/v2.HorizontalPodAutoscaler',
  'batch/v1, Kind=CronJob': 'batch/v1.CronJob',
  'batch/v1, Kind=Job': 'batch/v1.Job',
  'certificates.k8s.io/v1, Kind=CertificateSigningRequest':
    'certificates/v1.CertificateSigningRequest',
  'coordination.k8s.io/v1, Kind=Lease': 'meta/v1.Object',
  'discovery.k8s.io/v1, Kind=EndpointSlice': 'meta/v1.Object',
  'events.k8s.io/v1, Kind=Event': 'meta/v1.Object',
  'flowcontrol.apiserver.k8s.io/v1, Kind=FlowSchema': 'flowcontrol/v1.FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1, Kind=PriorityLevelConfiguration':
    'flowcontrol/v1.PriorityLevelConfiguration',
  'networking.k8s.io/v1, Kind=Ingress': 'meta/v1.Object',
  'networking.k8s.io/v1, Kind=IngressClass': 'meta/v1.Object',
  'networking.k8s.io/v1, Kind=NetworkPolicy': 'meta/v1.Object',
  'node.k8s.io/v1, Kind=RuntimeClass': 'meta/v1.Object',
  'policy/v1, Kind=Eviction': 'meta/v1.Object',
  'policy/v1, Kind=PodDisruptionBudget': 'policy/v1.PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1, Kind=ClusterRole': 'meta/v1.Object',
  'rbac.authorization.k8s.io/v1, Kind=ClusterRoleBinding': 'meta/v1.Object',
  'rbac.authorization.k8s.io/v1, Kind=Role': 'meta/v1.Object',
  'rbac.authorization.k8s.io/v1, Kind=RoleBinding': 'meta/v1.Object',
  'scheduling.k8s.io/v1, Kind=PriorityClass': 'meta/v1.Object',
  'storage.k8s.io/v1, Kind=CSIDriver': 'meta/v1.Object',
  'storage.k8s.io/v1, Kind=CSINode': 'storage/v1.CSINode',
  'storage.k8s.io/v1, Kind=CSIStorageCapacity': 'meta/v1.Object',
  'storage.k8s.io/v1, Kind=StorageClass': 'meta/v1.Object',
  'storage.k8s.io/v1, Kind=VolumeAttachment': 'meta/v1.Object',
};
