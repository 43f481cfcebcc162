// The kube-apiserver, kube-controller-manager and kube-scheduler static Pods exactly as kubeadm
// v1.32 writes them (cmd/kubeadm/app/phases/controlplane/manifests.go and volumes.go), with the
// cluster's own ports.
import type { ClusterConfig } from '../layout.js';
import {
  CLUSTER_NAME,
  CONTROLLER_MANAGER_CONF,
  KUBE_CONTROLLER_MANAGER_PORT,
  KUBE_SCHEDULER_PORT,
  PKI_DIR,
  SCHEDULER_CONF,
  componentImage,
  pki,
} from './constants.js';
import {
  CA_CERT_VOLUMES,
  command,
  componentPod,
  controlPlaneNode,
  hostPathVolume,
  livenessProbe,
  readinessProbe,
  sortedMounts,
  startupProbe,
  type Json,
} from './static-pod.js';

export function apiserverArgs(config: ClusterConfig): Record<string, string> {
  const ip = controlPlaneNode(config).internalIP;
  return {
    'advertise-address': ip,
    'allow-privileged': 'true',
    'authorization-mode': 'Node,RBAC',
    'client-ca-file': pki('ca.crt'),
    'enable-admission-plugins': 'NodeRestriction',
    'enable-bootstrap-token-auth': 'true',
    'etcd-cafile': pki('etcd/ca.crt'),
    'etcd-certfile': pki('apiserver-etcd-client.crt'),
    'etcd-keyfile': pki('apiserver-etcd-client.key'),
    'etcd-servers': `https://127.0.0.1:${config.etcdClientPort}`,
    'kubelet-client-certificate': pki('apiserver-kubelet-client.crt'),
    'kubelet-client-key': pki('apiserver-kubelet-client.key'),
    'kubelet-preferred-address-types': 'InternalIP,ExternalIP,Hostname',
    'proxy-client-cert-file': pki('front-proxy-client.crt'),
    'proxy-client-key-file': pki('front-proxy-client.key'),
    'requestheader-allowed-names': 'front-proxy-client',
    'requestheader-client-ca-file': pki('front-proxy-ca.crt'),
    'requestheader-extra-headers-prefix': 'X-Remote-Extra-',
    'requestheader-group-headers': 'X-Remote-Group',
    'requestheader-username-headers': 'X-Remote-User',
    'secure-port': String(config.apiserverPort),
    'service-account-issuer': `https://kubernetes.default.svc.${config.dnsDomain}`,
    'service-account-key-file': pki('sa.pub'),
    'service-account-signing-key-file': pki('sa.key'),
    'service-cluster-ip-range': config.serviceSubnet,
    'tls-cert-file': pki('apiserver.crt'),
    'tls-private-key-file': pki('apiserver.key'),
  };
}

export function apiserverPod(config: ClusterConfig): Json {
  const ip = controlPlaneNode(config).internalIP;
  const port = config.apiserverPort;
  const volumes = [...CA_CERT_VOLUMES, hostPathVolume('k8s-certs', PKI_DIR, 'DirectoryOrCreate')];
  const container = {
    command: command('kube-apiserver', apiserverArgs(config)),
    image: componentImage('kube-apiserver', config.kubernetesVersion),
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: livenessProbe(ip, '/livez', port, 'HTTPS'),
    name: 'kube-apiserver',
    readinessProbe: readinessProbe(ip, '/readyz', port, 'HTTPS'),
    resources: { requests: { cpu: '250m' } },
    startupProbe: startupProbe(ip, '/livez', port, 'HTTPS'),
    volumeMounts: sortedMounts(volumes),
  };
  const annotations = { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:${port}` };
  return componentPod(container, volumes, annotations);
}

export function controllerManagerArgs(config: ClusterConfig): Record<string, string> {
  return {
    'allocate-node-cidrs': 'true',
    'authentication-kubeconfig': CONTROLLER_MANAGER_CONF,
    'authorization-kubeconfig': CONTROLLER_MANAGER_CONF,
    'bind-address': '127.0.0.1',
    'client-ca-file': pki('ca.crt'),
    'cluster-cidr': config.podSubnet,
    'cluster-name': CLUSTER_NAME,
    'cluster-signing-cert-file': pki('ca.crt'),
    'cluster-signing-key-file': pki('ca.key'),
    controllers: '*,bootstrapsigner,tokencleaner',
    kubeconfig: CONTROLLER_MANAGER_CONF,
    'leader-elect': 'true',
    'requestheader-client-ca-file': pki('front-proxy-ca.crt'),
    'root-ca-file': pki('ca.crt'),
    'service-account-private-key-file': pki('sa.key'),
    'service-cluster-ip-range': config.serviceSubnet,
    'use-service-account-credentials': 'true',
  };
}

export function controllerManagerPod(config: ClusterConfig): Json {
  const volumes = [
    ...CA_CERT_VOLUMES,
    hostPathVolume('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'),
    hostPathVolume('k8s-certs', PKI_DIR, 'DirectoryOrCreate'),
    hostPathVolume('kubeconfig', CONTROLLER_MANAGER_CONF, 'FileOrCreate'),
  ];
  const port = KUBE_CONTROLLER_MANAGER_PORT;
  const container = {
    command: command('kube-controller-manager', controllerManagerArgs(config)),
    image: componentImage('kube-controller-manager', config.kubernetesVersion),
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: livenessProbe('127.0.0.1', '/healthz', port, 'HTTPS'),
    name: 'kube-controller-manager',
    resources: { requests: { cpu: '200m' } },
    startupProbe: startupProbe('127.0.0.1', '/healthz', port, 'HTTPS'),
    volumeMounts: sortedMounts(volumes, ['flexvolume-dir']),
  };
  return componentPod(container, volumes);
}

export function schedulerPod(config: ClusterConfig): Json {
  const volumes = [hostPathVolume('kubeconfig', SCHEDULER_CONF, 'FileOrCreate')];
  const args = {
    'authentication-kubeconfig': SCHEDULER_CONF,
    'authorization-kubeconfig': SCHEDULER_CONF,
    'bind-address': '127.0.0.1',
    kubeconfig: SCHEDULER_CONF,
    'leader-elect': 'true',
  };
  const port = KUBE_SCHEDULER_PORT;
  const container = {
    command: command('kube-scheduler', args),
    image: componentImage('kube-scheduler', config.kubernetesVersion),
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: livenessProbe('127.0.0.1', '/healthz', port, 'HTTPS'),
    name: 'kube-scheduler',
    resources: { requests: { cpu: '100m' } },
    startupProbe: startupProbe('127.0.0.1', '/healthz', port, 'HTTPS'),
    volumeMounts: sortedMounts(volumes),
  };
  return componentPod(container, volumes);
}
