// kubeadm's certificate list as data (kubeadm phases/certs/certlist.go): file names under
// etc/kubernetes/pki, the CA that signs each, subjects, ExtKeyUsages and SANs.
import type { ClusterConfig, NodeSpec } from '../layout.js';
import type { AltNames, CertSpec } from './certs.js';

export type AuthorityFile = 'ca' | 'front-proxy-ca' | 'etcd/ca';

export interface AuthorityDef {
  /** Path under pki without extension: <file>.crt and <file>.key. */
  file: AuthorityFile;
  commonName: string;
}

export interface LeafDef {
  file: string;
  signer: AuthorityFile;
  spec: CertSpec;
}

export const AUTHORITIES: readonly AuthorityDef[] = [
  { file: 'ca', commonName: 'kubernetes' },
  { file: 'front-proxy-ca', commonName: 'front-proxy-ca' },
  { file: 'etcd/ca', commonName: 'etcd-ca' },
];

/** kubeadm's service-account key pair: sa.key (private) and sa.pub (public). */
export const SERVICE_ACCOUNT_KEY = 'sa';

/** kubeadm's ClusterAdminsGroupAndClusterRoleBinding. */
export const CLUSTER_ADMINS_GROUP = 'kubeadm:cluster-admins';
export const MASTERS_GROUP = 'system:masters';
export const NODES_GROUP = 'system:nodes';

/** The certificates a control-plane node gets besides the shared CAs. */
export function controlPlaneLeafCerts(node: NodeSpec, config: ClusterConfig): LeafDef[] {
  const etcdNames = etcdAltNames(node);
  return [
    leaf('apiserver', 'ca', 'kube-apiserver', ['serverAuth'], [], apiserverAltNames(node, config)),
    leaf('apiserver-kubelet-client', 'ca', 'kube-apiserver-kubelet-client', ['clientAuth'], [CLUSTER_ADMINS_GROUP]),
    leaf('front-proxy-client', 'front-proxy-ca', 'front-proxy-client', ['clientAuth']),
    leaf('etcd/server', 'etcd/ca', node.name, ['serverAuth', 'clientAuth'], [], etcdNames),
    leaf('etcd/peer', 'etcd/ca', node.name, ['serverAuth', 'clientAuth'], [], etcdNames),
    leaf('etcd/healthcheck-client', 'etcd/ca', 'kube-etcd-healthcheck-client', ['clientAuth']),
    leaf('apiserver-etcd-client', 'etcd/ca', 'kube-apiserver-etcd-client', ['clientAuth']),
  ];
}

function leaf(
  file: string, signer: AuthorityFile, commonName: string, usages: CertSpec['usages'],
  organizations: string[] = [], altNames?: AltNames,
): LeafDef {
  const spec: CertSpec = { commonName, organizations, usages };
  if (altNames) spec.altNames = altNames;
  return { file, signer, spec };
}

/**
 * kubeadm's GetAPIServerAltNames plus the localhost names kind adds through certSANs (our
 * apiserver is reached at https://127.0.0.1:<port>).
 */
export function apiserverAltNames(node: NodeSpec, config: ClusterConfig): AltNames {
  return {
    dnsNames: [
      node.name,
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
      `kubernetes.default.svc.${config.dnsDomain}`,
      'localhost',
    ],
    ips: [apiserverServiceIP(config.serviceSubnet), node.internalIP, '127.0.0.1'],
  };
}

/** kubeadm's getAltNames for etcd/server and etcd/peer. */
export function etcdAltNames(node: NodeSpec): AltNames {
  return { dnsNames: [node.name, 'localhost'], ips: [node.internalIP, '127.0.0.1', '::1'] };
}

/** The first address of the (first) service subnet: 10.96.0.0/12 → 10.96.0.1. */
export function apiserverServiceIP(serviceSubnet: string): string {
  const cidr = serviceSubnet.split(',')[0]?.trim() ?? '';
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = match?.slice(1, 5).map(Number) ?? [];
  const bits = Number(match?.[5]);
  if (!match || octets.some((o) => o > 255) || bits > 30) {
    throw new Error(`serviceSubnet "${serviceSubnet}" is not an IPv4 CIDR such as 10.96.0.0/12`);
  }
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const first = Math.floor(address / size) * size + 1;
  return [24, 16, 8, 0].map((shift) => Math.floor(first / 2 ** shift) % 256).join('.');
}
