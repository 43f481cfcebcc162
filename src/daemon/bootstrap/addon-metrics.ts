// metrics-server v0.7.2 as its release manifest (components.yaml, kustomize of manifests/base with
// the common label k8s-app: metrics-server) installs it, with --kubelet-insecure-tls added as CKA
// practice clusters do (kubelet serving certificates are self-signed): the ServiceAccount, the
// aggregated reader ClusterRole, its own ClusterRole and bindings, the Service, the Deployment and
// the v1beta1.metrics.k8s.io APIService that puts metrics.k8s.io behind the Service.
import type { KObject } from '../../api/types.js';
import { SYSTEM_CLUSTER_CRITICAL } from './constants.js';

export const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2';
const NS = 'kube-system';
const NAME = 'metrics-server';
const labels = (): Record<string, string> => ({ 'k8s-app': NAME });
const sa = [{ kind: 'ServiceAccount', name: NAME, namespace: NS }];
const RBAC = 'rbac.authorization.k8s.io/v1';

function roles(): KObject[] {
  return [
    {
      apiVersion: RBAC, kind: 'ClusterRole',
      metadata: {
        name: 'system:aggregated-metrics-reader',
        labels: { ...labels(), 'rbac.authorization.k8s.io/aggregate-to-admin': 'true', 'rbac.authorization.k8s.io/aggregate-to-edit': 'true', 'rbac.authorization.k8s.io/aggregate-to-view': 'true' },
      },
      rules: [{ apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] }],
    },
    {
      apiVersion: RBAC, kind: 'ClusterRole', metadata: { name: 'system:metrics-server', labels: labels() },
      rules: [
        { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
        { apiGroups: [''], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] },
      ],
    },
    {
      apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: 'metrics-server-auth-reader', namespace: NS, labels: labels() },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'extension-apiserver-authentication-reader' }, subjects: sa,
    },
    {
      apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name: 'metrics-server:system:auth-delegator', labels: labels() },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:auth-delegator' }, subjects: sa,
    },
    {
      apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name: 'system:metrics-server', labels: labels() },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:metrics-server' }, subjects: sa,
    },
  ];
}

function container(): Record<string, unknown> {
  const probe = (path: string) => ({ failureThreshold: 3, httpGet: { path, port: 'https', scheme: 'HTTPS' }, periodSeconds: 10 });
  return {
    args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s', '--kubelet-insecure-tls'],
    image: METRICS_SERVER_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: probe('/livez'),
    name: NAME,
    ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
    readinessProbe: { ...probe('/readyz'), initialDelaySeconds: 20 },
    resources: { requests: { cpu: '100m', memory: '200Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMounts: [{ mountPath: '/tmp', name: 'tmp-dir' }],
  };
}

function workload(): KObject[] {
  return [
    {
      apiVersion: 'v1', kind: 'Service', metadata: { name: NAME, namespace: NS, labels: labels() },
      spec: { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], selector: labels() },
    },
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: NAME, namespace: NS, labels: labels() },
      spec: {
        selector: { matchLabels: labels() },
        strategy: { rollingUpdate: { maxUnavailable: 0 } },
        template: {
          metadata: { labels: labels() },
          spec: {
            containers: [container()], nodeSelector: { 'kubernetes.io/os': 'linux' }, priorityClassName: SYSTEM_CLUSTER_CRITICAL,
            serviceAccountName: NAME, volumes: [{ emptyDir: {}, name: 'tmp-dir' }],
          },
        },
      },
    },
  ];
}

function apiService(): KObject {
  return {
    apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1beta1.metrics.k8s.io', labels: labels() },
    spec: { group: 'metrics.k8s.io', groupPriorityMinimum: 100, insecureSkipTLSVerify: true, service: { name: NAME, namespace: NS }, version: 'v1beta1', versionPriority: 100 },
  };
}

/** The release manifest's objects, in its order. */
export function metricsServerObjects(): KObject[] {
  return [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: NAME, namespace: NS, labels: labels() } }, ...roles(), ...workload(), apiService()];
}
