// The objects the apiserver and the controller-manager create on their own in a fresh cluster:
// the four system namespaces, the two built-in PriorityClasses, the `kubernetes` Service with its
// Endpoints and EndpointSlice, each namespace's `default` ServiceAccount and kube-root-ca.crt.
import type { KObject } from '../../api/types.js';
import type { ClusterConfig } from '../layout.js';
import {
  SYSTEM_CLUSTER_CRITICAL,
  SYSTEM_CLUSTER_CRITICAL_VALUE,
  SYSTEM_NODE_CRITICAL,
  SYSTEM_NODE_CRITICAL_VALUE,
} from './constants.js';
import { nthIP } from './net.js';
import { controlPlaneNode } from './static-pod.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const;

export function namespace(name: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function priorityClasses(): KObject[] {
  const pc = (name: string, value: number, description: string): KObject => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value,
    description,
    preemptionPolicy: 'PreemptLowerPriority',
  });
  return [
    pc(SYSTEM_NODE_CRITICAL, SYSTEM_NODE_CRITICAL_VALUE, 'Used for system critical pods that must not be moved from their current node.'),
    pc(
      SYSTEM_CLUSTER_CRITICAL,
      SYSTEM_CLUSTER_CRITICAL_VALUE,
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    ),
  ];
}

/** The `kubernetes` Service's ClusterIP: the first address of the service subnet. */
export function kubernetesServiceIP(config: Pick<ClusterConfig, 'serviceSubnet'>): string {
  return nthIP(config.serviceSubnet, 1);
}

/** The `kubernetes` Service, its Endpoints and EndpointSlice, as the apiserver reconciles them. */
export function kubernetesService(config: ClusterConfig): KObject[] {
  const ip = controlPlaneNode(config).internalIP;
  const port = config.apiserverPort;
  const service: KObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: port }],
      clusterIP: kubernetesServiceIP(config),
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  };
  const endpoints: KObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port, protocol: 'TCP' }] }],
  };
  const slice: KObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port, protocol: 'TCP' }],
  };
  return [service, endpoints, slice];
}

export function serviceAccount(namespace: string, name: string): KObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the ' +
  'internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The controller-manager's root-ca-cert-publisher ConfigMap. */
export function rootCAConfigMap(namespace: string, caCertPem: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'kube-root-ca.crt',
      namespace,
      annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION },
    },
    data: { 'ca.crt': caCertPem },
  };
}
