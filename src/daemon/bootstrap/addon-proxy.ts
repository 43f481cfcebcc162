// kubeadm's kube-proxy addon (cmd/kubeadm/app/phases/addons/proxy): its ServiceAccount, the
// kube-proxy ConfigMap (config.conf: the KubeProxyConfiguration as kubeadm v1.32 serializes it,
// kubeconfig.conf: the in-cluster kubeconfig) and the DaemonSet.
import type { KObject } from '../../api/types.js';
import type { ClusterConfig } from '../layout.js';
import { SYSTEM_NODE_CRITICAL, componentImage } from './constants.js';
import { toKubeYaml } from './kube-yaml.js';
import { COMPONENT_CONFIG_HASH, configMapChecksum, controlPlaneEndpoint } from './objects-kubeadm.js';

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

const ZERO = '0s';
const SYNC = { masqueradeAll: false, masqueradeBit: null, minSyncPeriod: ZERO, syncPeriod: ZERO };
const CONNTRACK = {
  maxPerCore: null,
  min: null,
  tcpBeLiberal: false,
  tcpCloseWaitTimeout: null,
  tcpEstablishedTimeout: null,
  udpStreamTimeout: ZERO,
  udpTimeout: ZERO,
};
const IPVS = {
  excludeCIDRs: null,
  minSyncPeriod: ZERO,
  scheduler: '',
  strictARP: false,
  syncPeriod: ZERO,
  tcpFinTimeout: ZERO,
  tcpTimeout: ZERO,
  udpTimeout: ZERO,
};
const WINKERNEL = { enableDSR: false, forwardHealthCheckVip: false, networkName: '', rootHnsEndpointName: '', sourceVip: '' };
const LOGGING = { flushFrequency: 0, options: { json: { infoBufferSize: '0' }, text: { infoBufferSize: '0' } }, verbosity: 0 };

export function kubeProxyConfiguration(config: ClusterConfig): Record<string, unknown> {
  return {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    bindAddress: '0.0.0.0',
    bindAddressHardFail: false,
    clientConnection: { acceptContentTypes: '', burst: 0, contentType: '', kubeconfig: '/var/lib/kube-proxy/kubeconfig.conf', qps: 0 },
    clusterCIDR: config.podSubnet,
    configSyncPeriod: ZERO,
    conntrack: CONNTRACK,
    detectLocal: { bridgeInterface: '', interfaceNamePrefix: '' },
    detectLocalMode: '',
    enableProfiling: false,
    healthzBindAddress: '',
    hostnameOverride: '',
    iptables: { localhostNodePorts: null, ...SYNC },
    ipvs: IPVS,
    kind: 'KubeProxyConfiguration',
    logging: LOGGING,
    metricsBindAddress: '',
    mode: '',
    nftables: SYNC,
    nodePortAddresses: null,
    oomScoreAdj: null,
    portRange: '',
    showHiddenMetricsForVersion: '',
    winkernel: WINKERNEL,
  };
}

export function kubeProxyKubeconfig(config: ClusterConfig): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    certificate-authority: ${SA_DIR}/ca.crt`,
    `    server: ${controlPlaneEndpoint(config)}`,
    '  name: default',
    'contexts:',
    '- context:',
    '    cluster: default',
    '    namespace: default',
    '    user: default',
    '  name: default',
    'current-context: default',
    'users:',
    '- name: default',
    '  user:',
    `    tokenFile: ${SA_DIR}/token`,
  ].join('\n');
}

export function kubeProxyConfigMap(config: ClusterConfig): KObject {
  const data = {
    'config.conf': toKubeYaml(kubeProxyConfiguration(config)).replace(/\n$/, ''),
    'kubeconfig.conf': kubeProxyKubeconfig(config),
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'kube-proxy',
      namespace: 'kube-system',
      labels: { app: 'kube-proxy' },
      annotations: { [COMPONENT_CONFIG_HASH]: configMapChecksum(data) },
    },
    data,
  };
}

function kubeProxyContainer(config: ClusterConfig): Record<string, unknown> {
  return {
    name: 'kube-proxy',
    image: componentImage('kube-proxy', config.kubernetesVersion),
    imagePullPolicy: 'IfNotPresent',
    command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
    securityContext: { privileged: true },
    volumeMounts: [
      { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
      { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
      { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
    ],
    env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
  };
}

export function kubeProxyDaemonSet(config: ClusterConfig): KObject {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { labels, name: 'kube-proxy', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: SYSTEM_NODE_CRITICAL,
          containers: [kubeProxyContainer(config)],
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          volumes: [
            { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
          ],
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  };
}
