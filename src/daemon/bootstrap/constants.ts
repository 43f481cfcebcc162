// kubeadm v1.32's constants that shape what a fresh cluster holds: image names and tags, the
// node-view paths of certificates and kubeconfigs, and the ports of the control-plane components
// (cmd/kubeadm/app/constants/constants.go).
import { KUBERNETES_VERSION } from '../layout.js';

export const IMAGE_REPOSITORY = 'registry.k8s.io';
export const ETCD_IMAGE = `${IMAGE_REPOSITORY}/etcd:3.5.16-0`;
export const COREDNS_IMAGE = `${IMAGE_REPOSITORY}/coredns/coredns:v1.11.3`;

export function componentImage(component: string, version: string = KUBERNETES_VERSION): string {
  return `${IMAGE_REPOSITORY}/${component}:${version}`;
}

export const CLUSTER_NAME = 'kubernetes';
export const KUBERNETES_DIR = '/etc/kubernetes';
export const MANIFESTS_DIR = '/etc/kubernetes/manifests';
export const PKI_DIR = '/etc/kubernetes/pki';
export const ETCD_DATA_DIR = '/var/lib/etcd';
export const KUBELET_CONFIG_PATH = '/var/lib/kubelet/config.yaml';
export const CRI_SOCKET = 'unix:///var/run/containerd/containerd.sock';

/** A file under the node's /etc/kubernetes/pki. */
export const pki = (name: string): string => `${PKI_DIR}/${name}`;

export const CONTROLLER_MANAGER_CONF = `${KUBERNETES_DIR}/controller-manager.conf`;
export const SCHEDULER_CONF = `${KUBERNETES_DIR}/scheduler.conf`;

export const ETCD_METRICS_PORT = 2381;
export const KUBE_CONTROLLER_MANAGER_PORT = 10257;
export const KUBE_SCHEDULER_PORT = 10259;
export const KUBELET_PORT = 10250;

/** kubeadm's ControlPlaneComponentHealthCheck default (4m), which sizes the startup probes. */
export const CONTROL_PLANE_HEALTH_CHECK_SECONDS = 240;

export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
export const EXCLUDE_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

export const SYSTEM_NODE_CRITICAL = 'system-node-critical';
export const SYSTEM_NODE_CRITICAL_VALUE = 2000001000;
export const SYSTEM_CLUSTER_CRITICAL = 'system-cluster-critical';
export const SYSTEM_CLUSTER_CRITICAL_VALUE = 2000000000;

/** What kubelet's default evictionHard memory.available (100Mi) takes off a node's memory. */
export const EVICTION_HARD_MEMORY_BYTES = 100 * 1024 * 1024;
/** kubelet's default evictionHard nodefs.available, as the float32 it is parsed into. */
export const EVICTION_HARD_NODEFS_FRACTION = Math.fround(0.1);
