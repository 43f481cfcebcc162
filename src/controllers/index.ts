// Every controller kube-controller-manager runs, by its --controllers name.
import type { ControllerDef } from './framework/controller.js';
import { namespaceController } from './namespace/namespace.js';
import { serviceAccountController } from './serviceaccount/serviceaccount.js';
import { nodeLifecycleController } from './nodelifecycle/nodelifecycle.js';
import { taintEvictionController } from './nodelifecycle/taint-eviction.js';
import { garbageCollectorController } from './garbagecollector/garbagecollector.js';
import { replicaSetController, replicationControllerController } from './replicaset/controller.js';
import { deploymentController } from './deployment/controller.js';
import { endpointsController } from './endpoints/endpoints-controller.js';
import { endpointSliceController } from './endpointslice/endpointslice-controller.js';
import { resourceQuotaController } from './resourcequota/resourcequota-controller.js';
import { disruptionController } from './disruption/disruption-controller.js';
import { persistentVolumeBinderController } from './volume/pv-binder.js';
import { pvcProtectionController } from './volume/pvc-protection.js';
import { pvProtectionController } from './volume/pv-protection.js';
import { csrApprovingController } from './certificates/csr-approving.js';
import { csrSigningController } from './certificates/csr-signing.js';
import { horizontalPodAutoscalerController } from './podautoscaler/horizontal.js';
import { daemonSetController } from './daemonset/controller.js';
import { statefulSetController } from './statefulset/controller.js';
import { jobController } from './job/controller.js';
import { cronJobController } from './cronjob/controller.js';
import { ttlAfterFinishedController } from './ttl/controller.js';
import { rootCACertPublisherController } from './rootcacertpublisher/publisher.js';
import { clusterRoleAggregationController } from './clusterroleaggregation/controller.js';
import { admissionPolicyStatusController } from './admissionpolicystatus/controller.js';

export const CONTROLLERS: ControllerDef[] = [
  namespaceController,
  serviceAccountController,
  nodeLifecycleController,
  taintEvictionController,
  garbageCollectorController,
  replicaSetController,
  replicationControllerController,
  deploymentController,
  endpointsController,
  endpointSliceController,
  resourceQuotaController,
  disruptionController,
  persistentVolumeBinderController,
  pvcProtectionController,
  pvProtectionController,
  csrApprovingController,
  csrSigningController,
  horizontalPodAutoscalerController,
  daemonSetController,
  statefulSetController,
  jobController,
  cronJobController,
  ttlAfterFinishedController,
  rootCACertPublisherController,
  clusterRoleAggregationController,
  admissionPolicyStatusController,
];

/** Controllers upstream runs only when --controllers names them. */
export const DISABLED_BY_DEFAULT = ['bootstrapsigner', 'tokencleaner'];
