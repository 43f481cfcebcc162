import { describe, expect, it } from 'vitest';
import { createErrors, meta, updateErrors } from '../testing.js';

const RBAC = 'Role.rbac.authorization.k8s.io';
const BINDING = 'RoleBinding.rbac.authorization.k8s.io';
const CLUSTER_BINDING = 'ClusterRoleBinding.rbac.authorization.k8s.io';

describe('RBAC', () => {
  it.each([
    [RBAC, { metadata: meta('pod-reader'), rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] }, []],
    // resourceNames may name objects of several resources (leader-election roles do).
    [RBAC, { metadata: meta('leader'), rules: [{ apiGroups: ['', 'coordination.k8s.io'], resources: ['configmaps', 'leases'], resourceNames: ['lock'], verbs: ['get', 'update'] }] }, []],
    [RBAC, { metadata: meta('pod-reader'), rules: [{ apiGroups: [''], resources: ['pods'] }] }, ['rules[0].verbs: Required value: verbs must contain at least one value']],
    [RBAC, { metadata: meta('pod-reader'), rules: [{ resources: ['pods'], verbs: ['get'] }] }, ['rules[0].apiGroups: Required value: resource rules must supply at least one api group']],
    [RBAC, { metadata: meta('a/b'), rules: [] }, ["metadata.name: Invalid value: \"a/b\": may not contain '/'"]],
    [BINDING, { metadata: meta('rb'), roleRef: { kind: 'Role', name: 'pod-reader' }, subjects: [{ kind: 'User', name: 'jane' }] }, []],
    [BINDING, { metadata: meta('rb'), roleRef: { kind: 'Roles', name: 'pod-reader' } }, ['roleRef.kind: Unsupported value: "Roles": supported values: "Role", "ClusterRole"']],
    [BINDING, { metadata: meta('rb'), roleRef: { kind: 'Role' } }, ['roleRef.name: Required value']],
    [BINDING, { metadata: meta('rb'), roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'Person', name: 'jane' }] }, ['subjects[0].kind: Unsupported value: "Person": supported values: "ServiceAccount", "User", "Group"']],
    [CLUSTER_BINDING, { metadata: { name: 'crb' }, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'bot' }] }, ['subjects[0].namespace: Required value']],
  ])('%s %#', (kind, obj, want) => expect(createErrors(kind, obj)).toEqual(want));

  it('forbids changing roleRef', () => {
    const old = { metadata: meta('rb'), roleRef: { kind: 'ClusterRole', name: 'view' } };
    expect(updateErrors(BINDING, { ...old, roleRef: { kind: 'ClusterRole', name: 'edit' } }, old)).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    ]);
  });
});

describe('networking, policy, autoscaling, storage, scheduling', () => {
  it.each([
    ['NetworkPolicy.networking.k8s.io', { metadata: meta('np'), spec: { podSelector: {}, ingress: [{ from: [{}] }] } }, ['spec.ingress[0].from[0]: Required value: must specify a peer']],
    ['NetworkPolicy.networking.k8s.io', { metadata: meta('np'), spec: { podSelector: {}, ingress: [{ ports: [{ port: 70000 }] }] } }, ['spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['Ingress.networking.k8s.io', { metadata: meta('ing'), spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }, ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    ['Ingress.networking.k8s.io', { metadata: meta('ing'), spec: { rules: [{ http: { paths: [{ path: 'api', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }, ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path']],
    ['Ingress.networking.k8s.io', { metadata: meta('ing'), spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web' } } }] } }] } }, ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required']],
    ['PodDisruptionBudget.policy', { metadata: meta('pdb'), spec: { minAvailable: '150%' } }, ['spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%']],
    ['HorizontalPodAutoscaler.autoscaling', { apiVersion: 'autoscaling/v2', metadata: meta('hpa'), spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 5, maxReplicas: 2 } }, ['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']],
    ['StorageClass.storage.k8s.io', { metadata: { name: 'fast' } }, ['provisioner: Required value']],
    ['PriorityClass.scheduling.k8s.io', { metadata: { name: 'high' }, value: 2000000000 }, ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']],
    ['Lease.coordination.k8s.io', { metadata: meta('l'), spec: { leaseDurationSeconds: 0 } }, ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
  ])('%s %#', (kind, obj, want) => expect(createErrors(kind, obj)).toEqual(want));

  it('keeps PriorityClass value and StorageClass parameters immutable', () => {
    const pc = { metadata: { name: 'high' }, value: 1000 };
    expect(updateErrors('PriorityClass.scheduling.k8s.io', { ...pc, value: 2000 }, pc)).toEqual(['value: Forbidden: may not be changed in an update.']);
    const sc = { metadata: { name: 'fast' }, provisioner: 'kubernetes.io/no-provisioner', parameters: { type: 'ssd' } };
    expect(updateErrors('StorageClass.storage.k8s.io', { ...sc, parameters: { type: 'hdd' } }, sc)).toEqual(['parameters: Forbidden: updates to parameters are forbidden.']);
  });
});
