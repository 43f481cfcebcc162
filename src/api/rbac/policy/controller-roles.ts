// The system:controller:* ClusterRoles of v1.32 (bootstrappolicy controller_policy.go), one
// per kube-controller-manager controller, each bound to the kube-system service account of the
// same name. Roles gated by features off by default in v1.32 (DynamicResourceAllocation,
// MultiCIDRServiceAllocator, VolumeAttributesClass, ClusterTrustBundle, StorageVersionAPI,
// StorageVersionMigrator, SELinuxChangePolicy) are not included; StatefulSetAutoDeletePVC is on.
import type { PolicyRule } from '../types.js';
import {
  ADMISSION_REGISTRATION, APPS, AUTHORIZATION, AUTOSCALING, BATCH, CERTIFICATES, CORE,
  CUSTOM_METRICS, DISCOVERY, EXTENSIONS, EXTERNAL_METRICS, METRICS, POLICY, RBAC, SIGNERS,
  STORAGE, eventsRule, rule,
} from './vocabulary.js';

export const CONTROLLER_ROLE_PREFIX = 'system:controller:';

/** A controller and the rules of its role, `system:controller:<controller>`. */
export interface ControllerPolicy {
  controller: string;
  rules: PolicyRule[];
}

const c = (controller: string, rules: PolicyRule[]): ControllerPolicy => ({ controller, rules });
const RW_NO_COLLECTION = ['get', 'list', 'watch', 'create', 'update', 'delete'];

export const CONTROLLER_POLICIES: ControllerPolicy[] = [
  c('attachdetach-controller', [
    rule(['list', 'watch'], [CORE], ['persistentvolumes', 'persistentvolumeclaims']),
    rule(['get', 'list', 'watch'], [CORE], ['nodes']),
    rule(['patch', 'update'], [CORE], ['nodes/status']),
    rule(['list', 'watch'], [CORE], ['pods']),
    eventsRule(),
    rule(['get', 'create', 'delete', 'list', 'watch'], [STORAGE], ['volumeattachments']),
    rule(['get', 'watch', 'list'], [STORAGE], ['csidrivers']),
    rule(['get', 'watch', 'list'], [STORAGE], ['csinodes']),
  ]),
  c('clusterrole-aggregation-controller', [
    rule(['escalate', 'get', 'list', 'watch', 'update', 'patch'], [RBAC], ['clusterroles']),
  ]),
  c('cronjob-controller', [
    rule(['get', 'list', 'watch', 'update'], [BATCH], ['cronjobs']),
    rule(['get', 'list', 'watch', 'create', 'update', 'delete', 'patch'], [BATCH], ['jobs']),
    rule(['update'], [BATCH], ['cronjobs/status']),
    rule(['update'], [BATCH], ['cronjobs/finalizers']),
    rule(['list', 'watch', 'delete'], [CORE], ['pods']),
    eventsRule(),
  ]),
  c('daemon-set-controller', [
    rule(['get', 'list', 'watch'], [EXTENSIONS, APPS], ['daemonsets']),
    rule(['update'], [EXTENSIONS, APPS], ['daemonsets/status']),
    rule(['update'], [EXTENSIONS, APPS], ['daemonsets/finalizers']),
    rule(['list', 'watch'], [CORE], ['nodes']),
    rule(['list', 'watch', 'create', 'delete', 'patch'], [CORE], ['pods']),
    rule(['create'], [CORE], ['pods/binding']),
    rule(['get', 'list', 'watch', 'create', 'delete', 'update', 'patch'], [APPS], ['controllerrevisions']),
    eventsRule(),
  ]),
  c('deployment-controller', [
    rule(['get', 'list', 'watch', 'update'], [EXTENSIONS, APPS], ['deployments']),
    rule(['update'], [EXTENSIONS, APPS], ['deployments/status']),
    rule(['update'], [EXTENSIONS, APPS], ['deployments/finalizers']),
    rule(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], [APPS, EXTENSIONS], ['replicasets']),
    rule(['get', 'list', 'watch', 'update'], [CORE], ['pods']),
    eventsRule(),
  ]),
  c('disruption-controller', [
    rule(['get', 'list', 'watch'], [EXTENSIONS, APPS], ['deployments']),
    rule(['get', 'list', 'watch'], [APPS, EXTENSIONS], ['replicasets']),
    rule(['get', 'list', 'watch'], [CORE], ['replicationcontrollers']),
    rule(['get', 'list', 'watch'], [POLICY], ['poddisruptionbudgets']),
    rule(['get', 'list', 'watch'], [APPS], ['statefulsets']),
    rule(['update'], [POLICY], ['poddisruptionbudgets/status']),
    rule(['patch', 'update'], [CORE], ['pods/status']),
    rule(['get'], ['*'], ['*/scale']),
    eventsRule(),
  ]),
  c('endpoint-controller', [
    rule(['get', 'list', 'watch'], [CORE], ['services', 'pods']),
    rule(RW_NO_COLLECTION, [CORE], ['endpoints']),
    rule(['create'], [CORE], ['endpoints/restricted']),
    eventsRule(),
  ]),
  c('endpointslice-controller', [
    rule(['get', 'list', 'watch'], [CORE], ['services', 'pods', 'nodes']),
    rule(['update'], [CORE], ['services/finalizers']),
    rule(RW_NO_COLLECTION, [DISCOVERY], ['endpointslices']),
    eventsRule(),
  ]),
  c('endpointslicemirroring-controller', [
    rule(['get', 'list', 'watch'], [CORE], ['services', 'endpoints']),
    rule(['update'], [CORE], ['services/finalizers']),
    rule(['update'], [CORE], ['endpoints/finalizers']),
    rule(RW_NO_COLLECTION, [DISCOVERY], ['endpointslices']),
    eventsRule(),
  ]),
  c('expand-controller', [
    rule(['get', 'list', 'watch', 'update', 'patch'], [CORE], ['persistentvolumes']),
    rule(['update', 'patch'], [CORE], ['persistentvolumeclaims/status']),
    rule(['get', 'list', 'watch'], [CORE], ['persistentvolumeclaims']),
    eventsRule(),
    rule(['get'], [CORE], ['services']),
  ]),
  c('ephemeral-volume-controller', [
    rule(['get', 'list', 'watch'], [CORE], ['pods']),
    rule(['update'], [CORE], ['pods/finalizers']),
    rule(['get', 'list', 'watch', 'create'], [CORE], ['persistentvolumeclaims']),
    eventsRule(),
  ]),
  c('generic-garbage-collector', [
    rule(['get', 'list', 'watch', 'patch', 'update', 'delete'], ['*'], ['*']),
    eventsRule(),
  ]),
  c('horizontal-pod-autoscaler', [
    rule(['get', 'list', 'watch'], [AUTOSCALING], ['horizontalpodautoscalers']),
    rule(['update'], [AUTOSCALING], ['horizontalpodautoscalers/status']),
    rule(['get', 'update'], ['*'], ['*/scale']),
    rule(['list', 'watch'], [CORE], ['pods']),
    rule(['list', 'watch'], [METRICS], ['pods']),
    rule(['get', 'list', 'watch'], [CUSTOM_METRICS], ['*']),
    rule(['get', 'list', 'watch'], [EXTERNAL_METRICS], ['*']),
    eventsRule(),
  ]),
  c('job-controller', [
    rule(['get', 'list', 'watch', 'update', 'patch'], [BATCH], ['jobs']),
    rule(['update'], [BATCH], ['jobs/status']),
    rule(['update'], [BATCH], ['jobs/finalizers']),
    rule(['list', 'watch', 'create', 'delete', 'patch'], [CORE], ['pods']),
    eventsRule(),
  ]),
  c('namespace-controller', [
    rule(['get', 'list', 'watch', 'delete'], [CORE], ['namespaces']),
    rule(['update'], [CORE], ['namespaces/finalize', 'namespaces/status']),
    rule(['get', 'list', 'watch', 'delete', 'deletecollection'], ['*'], ['*']),
  ]),
  c('node-controller', [
    rule(['get', 'list', 'watch', 'update', 'delete', 'patch'], [CORE], ['nodes']),
    rule(['patch', 'update'], [CORE], ['nodes/status']),
    rule(['patch', 'update'], [CORE], ['pods/status']),
    rule(['list', 'watch', 'get', 'delete'], [CORE], ['pods']),
    eventsRule(),
  ]),
  c('persistent-volume-binder', [
    rule(['get', 'list', 'watch', 'update', 'create', 'delete'], [CORE], ['persistentvolumes']),
    rule(['update'], [CORE], ['persistentvolumes/status']),
    rule(['get', 'list', 'watch', 'update'], [CORE], ['persistentvolumeclaims']),
    rule(['update'], [CORE], ['persistentvolumeclaims/status']),
    rule(['list', 'watch', 'get', 'create', 'delete'], [CORE], ['pods']),
    rule(['get', 'list', 'watch'], [STORAGE], ['storageclasses']),
    rule(['list', 'watch'], [CORE], ['nodes']),
    eventsRule(),
    rule(['watch'], [CORE], ['events']),
    rule(['get'], [CORE], ['services']),
  ]),
  c('pod-garbage-collector', [
    rule(['list', 'watch', 'delete'], [CORE], ['pods']),
    rule(['get', 'list', 'watch'], [CORE], ['nodes']),
    rule(['patch'], [CORE], ['pods/status']),
  ]),
  c('replicaset-controller', [
    rule(['get', 'list', 'watch', 'update'], [APPS, EXTENSIONS], ['replicasets']),
    rule(['update'], [APPS, EXTENSIONS], ['replicasets/status']),
    rule(['update'], [APPS, EXTENSIONS], ['replicasets/finalizers']),
    rule(['list', 'watch', 'patch', 'create', 'delete'], [CORE], ['pods']),
    eventsRule(),
  ]),
  c('replication-controller', [
    rule(['get', 'list', 'watch', 'update'], [CORE], ['replicationcontrollers']),
    rule(['update'], [CORE], ['replicationcontrollers/status']),
    rule(['update'], [CORE], ['replicationcontrollers/finalizers']),
    rule(['list', 'watch', 'patch', 'create', 'delete'], [CORE], ['pods']),
    eventsRule(),
  ]),
  c('resourcequota-controller', [
    rule(['list', 'watch'], ['*'], ['*']),
    rule(['update'], [CORE], ['resourcequotas/status']),
    eventsRule(),
  ]),
  c('route-controller', [
    rule(['list', 'watch'], [CORE], ['nodes']),
    rule(['patch'], [CORE], ['nodes/status']),
    eventsRule(),
  ]),
  c('service-account-controller', [rule(['create'], [CORE], ['serviceaccounts']), eventsRule()]),
  c('service-controller', [
    rule(['get', 'list', 'watch'], [CORE], ['services']),
    rule(['patch', 'update'], [CORE], ['services/status']),
    rule(['list', 'watch'], [CORE], ['nodes']),
    eventsRule(),
  ]),
  c('statefulset-controller', [
    rule(['list', 'watch'], [CORE], ['pods']),
    rule(['get', 'list', 'watch'], [APPS], ['statefulsets']),
    rule(['update'], [APPS], ['statefulsets/status']),
    rule(['update'], [APPS], ['statefulsets/finalizers']),
    rule(['get', 'create', 'delete', 'update', 'patch'], [CORE], ['pods']),
    rule(['get', 'create', 'delete', 'update', 'patch', 'list', 'watch'], [APPS], ['controllerrevisions']),
    rule(['get', 'create', 'list', 'watch'], [CORE], ['persistentvolumeclaims']),
    eventsRule(),
    rule(['update', 'delete'], [CORE], ['persistentvolumeclaims']),
    rule(['update'], [CORE], ['pods/finalizers']),
  ]),
  c('ttl-controller', [rule(['update', 'patch', 'list', 'watch'], [CORE], ['nodes']), eventsRule()]),
  c('certificate-controller', [
    rule(['get', 'list', 'watch', 'delete'], [CERTIFICATES], ['certificatesigningrequests']),
    rule(['update'], [CERTIFICATES], ['certificatesigningrequests/status', 'certificatesigningrequests/approval']),
    rule(['approve'], [CERTIFICATES], ['signers'], [SIGNERS.kubeAPIServerClientKubelet]),
    rule(['sign'], [CERTIFICATES], ['signers'], [SIGNERS.legacyUnknown, SIGNERS.kubeAPIServerClient,
      SIGNERS.kubeAPIServerClientKubelet, SIGNERS.kubeletServing]),
    rule(['create'], [AUTHORIZATION], ['subjectaccessreviews']),
    eventsRule(),
  ]),
  c('pvc-protection-controller', [
    rule(['get', 'list', 'watch', 'update'], [CORE], ['persistentvolumeclaims']),
    rule(['list', 'watch', 'get'], [CORE], ['pods']),
    eventsRule(),
  ]),
  c('pv-protection-controller', [rule(['get', 'list', 'watch', 'update'], [CORE], ['persistentvolumes']), eventsRule()]),
  c('ttl-after-finished-controller', [rule(['get', 'list', 'watch', 'delete'], [BATCH], ['jobs']), eventsRule()]),
  c('root-ca-cert-publisher', [rule(['create', 'update'], [CORE], ['configmaps']), eventsRule()]),
  c('validatingadmissionpolicy-status-controller', [
    rule(['get', 'list', 'watch'], [ADMISSION_REGISTRATION], ['validatingadmissionpolicies']),
    rule(['get', 'patch', 'update'], [ADMISSION_REGISTRATION], ['validatingadmissionpolicies/status']),
    eventsRule(),
  ]),
  c('legacy-service-account-token-cleaner', [
    rule(['get'], [CORE], ['configmaps'], ['kube-apiserver-legacy-service-account-token-tracking']),
    rule(['patch', 'delete'], [CORE], ['secrets']),
  ]),
];
