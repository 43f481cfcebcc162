// kubeadm v1.32's CoreDNS addon (cmd/kubeadm/app/phases/addons/dns/manifests.go): the coredns
// ServiceAccount, the Corefile ConfigMap, the two-replica Deployment and the kube-dns Service.
import type { KObject } from '../../api/types.js';
import type { ClusterConfig } from '../layout.js';
import { CONTROL_PLANE_LABEL, COREDNS_IMAGE, SYSTEM_CLUSTER_CRITICAL } from './constants.js';
import { dnsServiceIP } from './kubelet-config.js';

export const COREDNS_REPLICAS = 2;

export function corefile(dnsDomain: string): string {
  return [
    '.:53 {',
    '    errors',
    '    health {',
    '       lameduck 5s',
    '    }',
    '    ready',
    `    kubernetes ${dnsDomain} in-addr.arpa ip6.arpa {`,
    '       pods insecure',
    '       fallthrough in-addr.arpa ip6.arpa',
    '       ttl 30',
    '    }',
    '    prometheus :9153',
    '    forward . /etc/resolv.conf {',
    '       max_concurrent 1000',
    '    }',
    '    cache 30 {',
    `       disable success ${dnsDomain}`,
    `       disable denial ${dnsDomain}`,
    '    }',
    '    loop',
    '    reload',
    '    loadbalance',
    '}',
    '',
  ].join('\n');
}

export function corednsConfigMap(config: ClusterConfig): KObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    data: { Corefile: corefile(config.dnsDomain) },
  };
}

export function kubeDnsService(config: ClusterConfig): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      name: 'kube-dns',
      namespace: 'kube-system',
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: dnsServiceIP(config),
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
  };
}

function corednsContainer(): Record<string, unknown> {
  return {
    name: 'coredns',
    image: COREDNS_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
    args: ['-conf', '/etc/coredns/Corefile'],
    volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
    ports: [
      { containerPort: 53, name: 'dns', protocol: 'UDP' },
      { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
      { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
    ],
    livenessProbe: {
      httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
      initialDelaySeconds: 60,
      timeoutSeconds: 5,
      successThreshold: 1,
      failureThreshold: 5,
    },
    readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      readOnlyRootFilesystem: true,
    },
  };
}

export function corednsDeployment(): KObject {
  const labels = { 'k8s-app': 'kube-dns' };
  const antiAffinityTerm = {
    weight: 100,
    podAffinityTerm: {
      labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] },
      topologyKey: 'kubernetes.io/hostname',
    },
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels },
    spec: {
      replicas: COREDNS_REPLICAS,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: SYSTEM_CLUSTER_CRITICAL,
          serviceAccountName: 'coredns',
          affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [antiAffinityTerm] } },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [corednsContainer()],
          dnsPolicy: 'Default',
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  };
}
