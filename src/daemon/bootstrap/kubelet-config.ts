// The KubeletConfiguration kubeadm v1.32 writes to /var/lib/kubelet/config.yaml on every node and
// uploads as the kubelet-config ConfigMap: kubeadm's own settings plus the zero values the Go
// serializer prints for every unset duration ("0s") on an Ubuntu host (systemd-resolved's
// resolv.conf).
import type { ClusterConfig } from '../layout.js';
import { MANIFESTS_DIR, pki } from './constants.js';
import { toKubeYaml } from './kube-yaml.js';
import { nthIP } from './net.js';

/** kube-dns's ClusterIP: the 10th address of the service subnet (kubeadm's GetDNSIP). */
export function dnsServiceIP(config: Pick<ClusterConfig, 'serviceSubnet'>): string {
  return nthIP(config.serviceSubnet, 10);
}

const zero = '0s';
const AUTHENTICATION = {
  anonymous: { enabled: false },
  webhook: { cacheTTL: zero, enabled: true },
  x509: { clientCAFile: pki('ca.crt') },
};
const AUTHORIZATION = { mode: 'Webhook', webhook: { cacheAuthorizedTTL: zero, cacheUnauthorizedTTL: zero } };
const LOGGING = { flushFrequency: 0, options: { json: { infoBufferSize: '0' }, text: { infoBufferSize: '0' } }, verbosity: 0 };

export function kubeletConfiguration(config: ClusterConfig): Record<string, unknown> {
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    authentication: AUTHENTICATION,
    authorization: AUTHORIZATION,
    cgroupDriver: 'systemd',
    clusterDNS: [dnsServiceIP(config)],
    clusterDomain: config.dnsDomain,
    containerRuntimeEndpoint: '',
    cpuManagerReconcilePeriod: zero,
    crashLoopBackOff: {},
    evictionPressureTransitionPeriod: zero,
    fileCheckFrequency: zero,
    healthzBindAddress: '127.0.0.1',
    healthzPort: 10248,
    httpCheckFrequency: zero,
    imageMaximumGCAge: zero,
    imageMinimumGCAge: zero,
    kind: 'KubeletConfiguration',
    logging: LOGGING,
    memorySwap: {},
    nodeStatusReportFrequency: zero,
    nodeStatusUpdateFrequency: zero,
    resolvConf: '/run/systemd/resolve/resolv.conf',
    rotateCertificates: true,
    runtimeRequestTimeout: zero,
    shutdownGracePeriod: zero,
    shutdownGracePeriodCriticalPods: zero,
    staticPodPath: MANIFESTS_DIR,
    streamingConnectionIdleTimeout: zero,
    syncFrequency: zero,
    volumeStatsAggPeriod: zero,
  };
}

export function kubeletConfigYaml(config: ClusterConfig): string {
  return toKubeYaml(kubeletConfiguration(config));
}
