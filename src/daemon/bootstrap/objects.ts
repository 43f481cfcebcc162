// What a fresh kubeadm v1.32 cluster holds, in the order its components create it: the
// apiserver's namespaces, PriorityClasses and `kubernetes` Service; the control-plane Node and
// its Lease; the controller-manager's `default` ServiceAccounts and kube-root-ca.crt ConfigMaps;
// kubeadm's uploaded configuration; the CoreDNS and kube-proxy addons; then the workers that
// joined. uid, resourceVersion and creationTimestamp are left for the apiserver to stamp.
import type { KObject } from '../../api/types.js';
import type { ClusterConfig } from '../layout.js';
import { corednsConfigMap, corednsDeployment, kubeDnsService } from './addon-dns.js';
import { kubeProxyConfigMap, kubeProxyDaemonSet } from './addon-proxy.js';
import { metricsServerObjects } from './addon-metrics.js';
import {
  SYSTEM_NAMESPACES,
  kubernetesService,
  namespace,
  priorityClasses,
  rootCAConfigMap,
  serviceAccount,
} from './objects-core.js';
import { clusterInfoConfigMap, kubeadmConfigMap, kubeletConfigMap } from './objects-kubeadm.js';
import { nodeLease, nodeObject } from './objects-nodes.js';

export interface BootstrapOptions {
  /** The cluster CA certificate (PEM), published as kube-root-ca.crt and in cluster-info. */
  caCertPem: string;
  /** The creation time (RFC 3339) stamped on node conditions and lease renewals. */
  now: string;
}

export function bootstrapObjects(config: ClusterConfig, opts: BootstrapOptions): KObject[] {
  const planes = config.nodes.filter((n) => n.role === 'control-plane');
  const workers = config.nodes.filter((n) => n.role !== 'control-plane');
  const nodes = (list: typeof planes): KObject[] =>
    list.flatMap((n) => [nodeObject(n, config, opts.now), nodeLease(n, opts.now)]);
  return [
    ...SYSTEM_NAMESPACES.map(namespace),
    ...priorityClasses(),
    ...kubernetesService(config),
    ...nodes(planes),
    ...SYSTEM_NAMESPACES.map((ns) => serviceAccount(ns, 'default')),
    ...SYSTEM_NAMESPACES.map((ns) => rootCAConfigMap(ns, opts.caCertPem)),
    kubeadmConfigMap(config),
    kubeletConfigMap(config),
    clusterInfoConfigMap(config, opts.caCertPem),
    serviceAccount('kube-system', 'coredns'),
    corednsConfigMap(config),
    corednsDeployment(),
    kubeDnsService(config),
    serviceAccount('kube-system', 'kube-proxy'),
    kubeProxyConfigMap(config),
    kubeProxyDaemonSet(config),
    ...nodes(workers),
    ...metricsServerObjects(),
  ];
}
