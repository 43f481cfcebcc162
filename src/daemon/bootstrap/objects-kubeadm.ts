// The ConfigMaps `kubeadm init` uploads: kubeadm-config (the ClusterConfiguration) and
// kubelet-config (the KubeletConfiguration, signed with kubeadm's component-config hash) in
// kube-system, and cluster-info (the bootstrap kubeconfig) in kube-public.
import { createHash } from 'node:crypto';
import type { KObject } from '../../api/types.js';
import type { ClusterConfig } from '../layout.js';
import { CLUSTER_NAME, ETCD_DATA_DIR, IMAGE_REPOSITORY, PKI_DIR } from './constants.js';
import { toKubeYaml } from './kube-yaml.js';
import { kubeletConfigYaml } from './kubelet-config.js';
import { controlPlaneNode } from './static-pod.js';

export const COMPONENT_CONFIG_HASH = 'kubeadm.kubernetes.io/component-config.hash';

/** kubeadm's ChecksumForConfigMap: sha256 over the data values in key order. */
export function configMapChecksum(data: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(data).sort()) hash.update(data[key]!);
  return `sha256:${hash.digest('hex')}`;
}

/** The API server URL kubeadm writes into cluster-info and kube-proxy's kubeconfig. */
export function controlPlaneEndpoint(config: ClusterConfig): string {
  return `https://${controlPlaneNode(config).internalIP}:${config.apiserverPort}`;
}

export function clusterConfigurationYaml(config: ClusterConfig): string {
  return toKubeYaml({
    apiServer: {},
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    caCertificateValidityPeriod: '87600h0m0s',
    certificateValidityPeriod: '8760h0m0s',
    certificatesDir: PKI_DIR,
    clusterName: CLUSTER_NAME,
    controllerManager: {},
    dns: {},
    encryptionAlgorithm: 'RSA-2048',
    etcd: { local: { dataDir: ETCD_DATA_DIR } },
    imageRepository: IMAGE_REPOSITORY,
    kind: 'ClusterConfiguration',
    kubernetesVersion: config.kubernetesVersion,
    networking: { dnsDomain: config.dnsDomain, podSubnet: config.podSubnet, serviceSubnet: config.serviceSubnet },
    proxy: {},
    scheduler: {},
  });
}

export function kubeadmConfigMap(config: ClusterConfig): KObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kubeadm-config', namespace: 'kube-system' },
    data: { ClusterConfiguration: clusterConfigurationYaml(config) },
  };
}

export function kubeletConfigMap(config: ClusterConfig): KObject {
  const data = { kubelet: kubeletConfigYaml(config) };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'kubelet-config',
      namespace: 'kube-system',
      annotations: { [COMPONENT_CONFIG_HASH]: configMapChecksum(data) },
    },
    data,
  };
}

/** cluster-info as kubeadm's bootstraptoken/clusterinfo phase writes it (clientcmd's layout). */
export function clusterInfoConfigMap(config: ClusterConfig, caCertPem: string): KObject {
  const kubeconfig = toKubeYaml({
    apiVersion: 'v1',
    clusters: [
      {
        cluster: {
          'certificate-authority-data': Buffer.from(caCertPem).toString('base64'),
          server: controlPlaneEndpoint(config),
        },
        name: '',
      },
    ],
    contexts: null,
    'current-context': '',
    kind: 'Config',
    preferences: {},
    users: null,
  });
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cluster-info', namespace: 'kube-public' },
    data: { kubeconfig },
  };
}
