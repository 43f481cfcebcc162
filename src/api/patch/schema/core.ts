// Patch metadata of k8s.io/apimachinery meta/v1 and k8s.io/api core/v1 (v1.32 struct tags).
//
// Worth knowing when auditing: these core/v1 lists carry NO patchStrategy and are therefore
// replaced whole — PodSpec.tolerations, NodeSpec.taints, Container.command/args/envFrom/
// resizePolicy, Endpoints.subsets, PodStatus.containerStatuses, ObjectMeta.managedFields.
// topologySpreadConstraints merge on topologyKey alone (whenUnsatisfiable is a server-side-apply
// list-map key, not a strategic merge key); ServicePort merges on `port`, ContainerPort on
// `containerPort` (protocol is ignored by strategic merge).

import type { TypeTable } from './types.js';

export const META_V1_TYPES: TypeTable = {
  'meta/v1.ObjectMeta': {
    finalizers: { strategy: 'merge' },
    ownerReferences: { strategy: 'merge', key: 'uid' },
  },
  /** Any kind whose only tagged fields are in its metadata (ConfigMap, Secret, Role, ...). */
  'meta/v1.Object': {
    metadata: { type: 'meta/v1.ObjectMeta' },
  },
};

export const CORE_V1_TYPES: TypeTable = {
  'core/v1.Pod': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'core/v1.PodSpec' },
    status: { type: 'core/v1.PodStatus' },
  },
  'core/v1.PodTemplate': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    template: { type: 'core/v1.PodTemplateSpec' },
  },
  'core/v1.PodTemplateSpec': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'core/v1.PodSpec' },
  },
  'core/v1.PodSpec': {
    volumes: { strategy: 'merge,retainKeys', key: 'name', type: 'core/v1.Volume' },
    initContainers: { strategy: 'merge', key: 'name', type: 'core/v1.Container' },
    containers: { strategy: 'merge', key: 'name', type: 'core/v1.Container' },
    ephemeralContainers: { strategy: 'merge', key: 'name', type: 'core/v1.EphemeralContainer' },
    imagePullSecrets: { strategy: 'merge', key: 'name' },
    hostAliases: { strategy: 'merge', key: 'ip' },
    topologySpreadConstraints: { strategy: 'merge', key: 'topologyKey' },
    schedulingGates: { strategy: 'merge', key: 'name' },
    resourceClaims: { strategy: 'merge,retainKeys', key: 'name' },
  },
  'core/v1.Container': {
    ports: { strategy: 'merge', key: 'containerPort' },
    env: { strategy: 'merge', key: 'name' },
    volumeMounts: { strategy: 'merge', key: 'mountPath' },
    volumeDevices: { strategy: 'merge', key: 'devicePath' },
  },
  /** EphemeralContainerCommon is inlined, so the same tags as Container. */
  'core/v1.EphemeralContainer': {
    ports: { strategy: 'merge', key: 'containerPort' },
    env: { strategy: 'merge', key: 'name' },
    volumeMounts: { strategy: 'merge', key: 'mountPath' },
    volumeDevices: { strategy: 'merge', key: 'devicePath' },
  },
  /** VolumeSource is inlined; only `ephemeral` leads to tagged fields. */
  'core/v1.Volume': {
    ephemeral: { type: 'core/v1.EphemeralVolumeSource' },
  },
  'core/v1.EphemeralVolumeSource': {
    volumeClaimTemplate: { type: 'core/v1.PersistentVolumeClaimTemplate' },
  },
  'core/v1.PersistentVolumeClaimTemplate': {
    metadata: { type: 'meta/v1.ObjectMeta' },
  },
  'core/v1.PodStatus': {
    conditions: { strategy: 'merge', key: 'type' },
    hostIPs: { strategy: 'merge', key: 'ip' },
    podIPs: { strategy: 'merge', key: 'ip' },
    resourceClaimStatuses: { strategy: 'merge,retainKeys', key: 'name' },
  },
  'core/v1.ReplicationController': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'core/v1.ReplicationControllerSpec' },
    status: { type: 'core/v1.ReplicationControllerStatus' },
  },
  'core/v1.ReplicationControllerSpec': {
    template: { type: 'core/v1.PodTemplateSpec' },
  },
  'core/v1.ReplicationControllerStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'core/v1.Service': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'core/v1.ServiceSpec' },
    status: { type: 'core/v1.ServiceStatus' },
  },
  'core/v1.ServiceSpec': {
    ports: { strategy: 'merge', key: 'port' },
  },
  'core/v1.ServiceStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'core/v1.ServiceAccount': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    secrets: { strategy: 'merge', key: 'name' },
  },
  'core/v1.Node': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    spec: { type: 'core/v1.NodeSpec' },
    status: { type: 'core/v1.NodeStatus' },
  },
  'core/v1.NodeSpec': {
    podCIDRs: { strategy: 'merge' },
  },
  'core/v1.NodeStatus': {
    conditions: { strategy: 'merge', key: 'type' },
    addresses: { strategy: 'merge', key: 'type' },
  },
  'core/v1.Namespace': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    status: { type: 'core/v1.NamespaceStatus' },
  },
  'core/v1.NamespaceStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'core/v1.PersistentVolumeClaim': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    status: { type: 'core/v1.PersistentVolumeClaimStatus' },
  },
  'core/v1.PersistentVolumeClaimStatus': {
    conditions: { strategy: 'merge', key: 'type' },
  },
  'core/v1.ComponentStatus': {
    metadata: { type: 'meta/v1.ObjectMeta' },
    conditions: { strategy: 'merge', key: 'type' },
  },
};
