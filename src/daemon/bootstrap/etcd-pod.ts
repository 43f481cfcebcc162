// The etcd static Pod as kubeadm v1.32 writes it (cmd/kubeadm/app/phases/etcd/local.go), with
// two kubedojo differences: every URL is on 127.0.0.1 (our servers listen on loopback only) with
// the cluster's own ports, and --enable-v2=true so etcdctl's API 2 works against it.
import type { ClusterConfig } from '../layout.js';
import { ETCD_DATA_DIR, ETCD_IMAGE, ETCD_METRICS_PORT, PKI_DIR, pki } from './constants.js';
import {
  command,
  componentPod,
  controlPlaneNode,
  hostPathVolume,
  livenessProbe,
  readinessProbe,
  startupProbe,
  volumeMount,
  type Json,
} from './static-pod.js';

export const ETCD_HOST = '127.0.0.1';

export function etcdClientURL(config: ClusterConfig): string {
  return `https://${ETCD_HOST}:${config.etcdClientPort}`;
}

export function etcdPeerURL(config: ClusterConfig): string {
  return `https://${ETCD_HOST}:${config.etcdPeerPort}`;
}

export function etcdArgs(config: ClusterConfig): Record<string, string> {
  const name = controlPlaneNode(config).name;
  return {
    'advertise-client-urls': etcdClientURL(config),
    'cert-file': pki('etcd/server.crt'),
    'client-cert-auth': 'true',
    'data-dir': ETCD_DATA_DIR,
    'enable-v2': 'true',
    'experimental-initial-corrupt-check': 'true',
    'experimental-watch-progress-notify-interval': '5s',
    'initial-advertise-peer-urls': etcdPeerURL(config),
    'initial-cluster': `${name}=${etcdPeerURL(config)}`,
    'key-file': pki('etcd/server.key'),
    'listen-client-urls': etcdClientURL(config),
    'listen-metrics-urls': `http://${ETCD_HOST}:${ETCD_METRICS_PORT}`,
    'listen-peer-urls': etcdPeerURL(config),
    name,
    'peer-cert-file': pki('etcd/peer.crt'),
    'peer-client-cert-auth': 'true',
    'peer-key-file': pki('etcd/peer.key'),
    'peer-trusted-ca-file': pki('etcd/ca.crt'),
    'snapshot-count': '10000',
    'trusted-ca-file': pki('etcd/ca.crt'),
  };
}

export function etcdPod(config: ClusterConfig): Json {
  const certsDir = `${PKI_DIR}/etcd`;
  const volumes = [
    hostPathVolume('etcd-data', ETCD_DATA_DIR, 'DirectoryOrCreate'),
    hostPathVolume('etcd-certs', certsDir, 'DirectoryOrCreate'),
  ];
  const container = {
    command: command('etcd', etcdArgs(config)),
    image: ETCD_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: livenessProbe(ETCD_HOST, '/livez', ETCD_METRICS_PORT, 'HTTP'),
    name: 'etcd',
    readinessProbe: readinessProbe(ETCD_HOST, '/readyz', ETCD_METRICS_PORT, 'HTTP'),
    resources: { requests: { cpu: '100m', memory: '100Mi' } },
    startupProbe: startupProbe(ETCD_HOST, '/readyz', ETCD_METRICS_PORT, 'HTTP'),
    // Unlike the other components, kubeadm lists etcd's mounts unsorted: data first.
    volumeMounts: [volumeMount('etcd-data', ETCD_DATA_DIR, false), volumeMount('etcd-certs', certsDir, false)],
  };
  const annotations = { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': etcdClientURL(config) };
  return componentPod(container, volumes, annotations);
}
