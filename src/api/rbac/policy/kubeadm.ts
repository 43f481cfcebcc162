// The RBAC objects `kubeadm init` (v1.32) creates with its default phases: node bootstrap-token
// permissions, the kube-public cluster-info reader, read access to the kubeadm/kubelet/kube-proxy
// ConfigMaps, the kube-proxy and CoreDNS addons, and the kubeadm:cluster-admins binding used by
// admin.conf. Rules are written as kubeadm writes them (not sorted). Left out: the
// kubeadm:kubeadm-certs Role/RoleBinding, created only with --upload-certs.
import type { PolicyRule } from '../types.js';
import { clusterBinding, roleBinding, type BindingSpec, type Namespaced, type RoleSpec } from './spec.js';
import { CORE, DISCOVERY, GROUPS, KUBE_PUBLIC, KUBE_SYSTEM, USERS, group, serviceAccount, user } from './vocabulary.js';

const readConfigMap = (name: string): PolicyRule => ({
  verbs: ['get'],
  apiGroups: [CORE],
  resources: ['configmaps'],
  resourceNames: [name],
});

const BOOTSTRAP_TOKENS = group(GROUPS.kubeadmBootstrapTokens);
const NODES = group(GROUPS.nodes);

export const KUBEADM_CLUSTER_ROLES: RoleSpec[] = [
  { name: 'kubeadm:get-nodes', rules: [{ verbs: ['get'], apiGroups: [CORE], resources: ['nodes'] }] },
  {
    name: 'system:coredns',
    rules: [
      { verbs: ['list', 'watch'], apiGroups: [CORE], resources: ['endpoints', 'services', 'pods', 'namespaces'] },
      { verbs: ['list', 'watch'], apiGroups: [DISCOVERY], resources: ['endpointslices'] },
    ],
  },
];

export const KUBEADM_CLUSTER_ROLE_BINDINGS: BindingSpec[] = [
  clusterBinding('cluster-admin', [group(GROUPS.kubeadmClusterAdmins)], 'kubeadm:cluster-admins'),
  clusterBinding('kubeadm:get-nodes', [BOOTSTRAP_TOKENS]),
  clusterBinding('system:node-bootstrapper', [BOOTSTRAP_TOKENS], 'kubeadm:kubelet-bootstrap'),
  clusterBinding('system:certificates.k8s.io:certificatesigningrequests:nodeclient', [BOOTSTRAP_TOKENS],
    'kubeadm:node-autoapprove-bootstrap'),
  clusterBinding('system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [NODES],
    'kubeadm:node-autoapprove-certificate-rotation'),
  clusterBinding('system:coredns', [serviceAccount(KUBE_SYSTEM, 'coredns')]),
  clusterBinding('system:node-proxier', [serviceAccount(KUBE_SYSTEM, 'kube-proxy')], 'kubeadm:node-proxier'),
];

export const KUBEADM_ROLES: Namespaced<RoleSpec>[] = [
  { namespace: KUBE_PUBLIC, spec: { name: 'kubeadm:bootstrap-signer-clusterinfo', rules: [readConfigMap('cluster-info')] } },
  { namespace: KUBE_SYSTEM, spec: { name: 'kubeadm:nodes-kubeadm-config', rules: [readConfigMap('kubeadm-config')] } },
  { namespace: KUBE_SYSTEM, spec: { name: 'kubeadm:kubelet-config', rules: [readConfigMap('kubelet-config')] } },
  { namespace: KUBE_SYSTEM, spec: { name: 'kube-proxy', rules: [readConfigMap('kube-proxy')] } },
];

export const KUBEADM_ROLE_BINDINGS: Namespaced<BindingSpec>[] = [
  { namespace: KUBE_PUBLIC, spec: roleBinding('kubeadm:bootstrap-signer-clusterinfo', [user(USERS.anonymous)]) },
  { namespace: KUBE_SYSTEM, spec: roleBinding('kubeadm:nodes-kubeadm-config', [BOOTSTRAP_TOKENS, NODES]) },
  { namespace: KUBE_SYSTEM, spec: roleBinding('kubeadm:kubelet-config', [NODES, BOOTSTRAP_TOKENS]) },
  { namespace: KUBE_SYSTEM, spec: roleBinding('kube-proxy', [BOOTSTRAP_TOKENS]) },
];
