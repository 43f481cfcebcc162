import { describe, expect, it } from 'vitest';
import type { KObject } from '../../types.js';
import {
  apiserverBootstrapPolicy, bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapRoleBindings,
  bootstrapRoles, kubeadmBootstrapPolicy,
} from './bootstrap.js';

const names = (objs: KObject[]) => objs.map((o) => (o.metadata.namespace ? `${o.metadata.namespace}/` : '') + o.metadata.name).sort();
const byName = (objs: KObject[], name: string) => objs.find((o) => o.metadata.name === name);

const CONTROLLERS = [
  'attachdetach-controller', 'certificate-controller', 'clusterrole-aggregation-controller', 'cronjob-controller',
  'daemon-set-controller', 'deployment-controller', 'disruption-controller', 'endpoint-controller',
  'endpointslice-controller', 'endpointslicemirroring-controller', 'ephemeral-volume-controller', 'expand-controller',
  'generic-garbage-collector', 'horizontal-pod-autoscaler', 'job-controller', 'legacy-service-account-token-cleaner',
  'namespace-controller', 'node-controller', 'persistent-volume-binder', 'pod-garbage-collector',
  'pv-protection-controller', 'pvc-protection-controller', 'replicaset-controller', 'replication-controller',
  'resourcequota-controller', 'root-ca-cert-publisher', 'route-controller', 'service-account-controller',
  'service-controller', 'statefulset-controller', 'ttl-after-finished-controller', 'ttl-controller',
  'validatingadmissionpolicy-status-controller',
].map((c) => `system:controller:${c}`);

const CLUSTER_ROLES = [
  'admin', 'cluster-admin', 'edit', 'view', 'system:aggregate-to-admin', 'system:aggregate-to-edit',
  'system:aggregate-to-view', 'system:auth-delegator', 'system:basic-user',
  'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
  'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient',
  'system:certificates.k8s.io:kube-apiserver-client-approver',
  'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver',
  'system:certificates.k8s.io:kubelet-serving-approver', 'system:certificates.k8s.io:legacy-unknown-approver',
  'system:discovery', 'system:heapster', 'system:kube-aggregator', 'system:kube-controller-manager', 'system:kube-dns',
  'system:kube-scheduler', 'system:kubelet-api-admin', 'system:monitoring', 'system:node', 'system:node-bootstrapper',
  'system:node-problem-detector', 'system:node-proxier', 'system:persistent-volume-provisioner',
  'system:public-info-viewer', 'system:service-account-issuer-discovery', 'system:volume-scheduler',
  ...CONTROLLERS, 'kubeadm:get-nodes', 'system:coredns',
];

const CLUSTER_ROLE_BINDINGS = [
  'cluster-admin', 'system:basic-user', 'system:discovery', 'system:kube-controller-manager', 'system:kube-dns',
  'system:kube-scheduler', 'system:monitoring', 'system:node', 'system:node-proxier', 'system:public-info-viewer',
  'system:service-account-issuer-discovery', 'system:volume-scheduler', ...CONTROLLERS,
  'kubeadm:cluster-admins', 'kubeadm:get-nodes', 'kubeadm:kubelet-bootstrap', 'kubeadm:node-autoapprove-bootstrap',
  'kubeadm:node-autoapprove-certificate-rotation', 'kubeadm:node-proxier', 'system:coredns',
];

describe('bootstrap policy', () => {
  it('has exactly the cluster roles and bindings of a kubeadm v1.32 cluster', () => {
    expect(names(bootstrapClusterRoles())).toEqual([...CLUSTER_ROLES].sort());
    expect(names(bootstrapClusterRoleBindings())).toEqual([...CLUSTER_ROLE_BINDINGS].sort());
  });

  it('has the kube-system and kube-public roles and bindings', () => {
    const expected = [
      'kube-public/kubeadm:bootstrap-signer-clusterinfo', 'kube-public/system:controller:bootstrap-signer',
      'kube-system/extension-apiserver-authentication-reader', 'kube-system/kube-proxy',
      'kube-system/kubeadm:kubelet-config', 'kube-system/kubeadm:nodes-kubeadm-config',
      'kube-system/system::leader-locking-kube-controller-manager', 'kube-system/system::leader-locking-kube-scheduler',
      'kube-system/system:controller:bootstrap-signer', 'kube-system/system:controller:cloud-provider',
      'kube-system/system:controller:token-cleaner',
    ];
    expect(names(bootstrapRoles())).toEqual(expected);
    const bindings = expected.map((n) => n.replace('/extension-apiserver', '/system::extension-apiserver')).sort();
    expect(names(bootstrapRoleBindings())).toEqual(bindings);
  });

  it('labels and annotates the apiserver defaults, not kubeadm objects', () => {
    const p = apiserverBootstrapPolicy();
    for (const o of [...p.clusterRoles, ...p.clusterRoleBindings, ...p.roles, ...p.roleBindings]) {
      expect(o.metadata.labels?.['kubernetes.io/bootstrapping']).toBe('rbac-defaults');
      expect(o.metadata.annotations).toEqual({ 'rbac.authorization.kubernetes.io/autoupdate': 'true' });
    }
    const k = kubeadmBootstrapPolicy();
    for (const o of [...k.clusterRoles, ...k.clusterRoleBindings, ...k.roles, ...k.roleBindings]) {
      expect(o.metadata.labels).toBeUndefined();
      expect(o.metadata.annotations).toBeUndefined();
    }
  });

  it('stores admin, edit and view with their aggregation rule and aggregated rules', () => {
    const roles = bootstrapClusterRoles();
    const view = byName(roles, 'view');
    const edit = byName(roles, 'edit');
    const admin = byName(roles, 'admin');
    expect(view?.aggregationRule).toEqual({ clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }] });
    expect(edit?.metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults', 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' });
    expect(view?.rules).toEqual(byName(roles, 'system:aggregate-to-view')?.rules);
    const editRules = [...(byName(roles, 'system:aggregate-to-edit')?.rules as unknown[]), ...(view?.rules as unknown[])];
    expect(edit?.rules).toEqual(editRules);
    expect(admin?.rules).toEqual([...editRules, ...(byName(roles, 'system:aggregate-to-admin')?.rules as unknown[])]);
  });

  it('builds objects as the apiserver stores them', () => {
    expect(byName(bootstrapClusterRoles(), 'system:kube-dns')).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name: 'system:kube-dns',
        labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
        annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
      },
      rules: [{ verbs: ['list', 'watch'], apiGroups: [''], resources: ['endpoints', 'services'] }],
    });
    const bindings = bootstrapClusterRoleBindings();
    expect(byName(bindings, 'system:node')).not.toHaveProperty('subjects');
    expect(byName(bindings, 'system:controller:job-controller')?.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'job-controller', namespace: 'kube-system' },
    ]);
    expect(byName(bindings, 'kubeadm:cluster-admins')).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'kubeadm:cluster-admins' },
      subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'kubeadm:cluster-admins' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    });
    expect(byName(bootstrapClusterRoles(), 'system:coredns')?.rules).toEqual([
      { verbs: ['list', 'watch'], apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'] },
      { verbs: ['list', 'watch'], apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'] },
    ]);
  });

  it('returns fresh objects on every call', () => {
    const a = bootstrapClusterRoles();
    (a[0]?.rules as { verbs: string[] }[])[0]?.verbs.push('mutated');
    expect(JSON.stringify(bootstrapClusterRoles())).not.toContain('mutated');
  });
});
