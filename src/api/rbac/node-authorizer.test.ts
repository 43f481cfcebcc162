import { describe, expect, it } from 'vitest';
import { nodeAuthorize } from './node-authorizer.js';
import type { AuthorizerAttributes } from './types.js';

const node = { name: 'system:node:node01', groups: ['system:nodes', 'system:authenticated'] };
const attrs = (over: Partial<AuthorizerAttributes>): AuthorizerAttributes => ({
  user: node, verb: 'get', namespace: '', apiGroup: '', resource: '', subresource: '', name: '', resourceRequest: true, path: '', ...over,
});

describe('Node authorizer', () => {
  it.each([
    ['its own lease', { verb: 'update', apiGroup: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease', name: 'node01' }, true],
    ['creating a lease', { verb: 'create', apiGroup: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease' }, true],
    ["another node's lease", { verb: 'update', apiGroup: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease', name: 'node02' }, false],
    ['a lease elsewhere', { verb: 'get', apiGroup: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-system', name: 'node01' }, false],
    ['listing leases', { verb: 'list', apiGroup: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease' }, false],
    ['node status', { verb: 'patch', resource: 'nodes', subresource: 'status', name: 'node01' }, true],
    ['watching pods', { verb: 'watch', resource: 'pods' }, true],
    ['pod status', { verb: 'update', resource: 'pods', subresource: 'status', namespace: 'default', name: 'web' }, true],
    ['a secret (graph-checked upstream)', { verb: 'get', resource: 'secrets', namespace: 'default', name: 's' }, false],
    ['deleting a deployment', { verb: 'delete', apiGroup: 'apps', resource: 'deployments', namespace: 'default', name: 'web' }, false],
  ])('%s', (_what, over, allowed) => {
    expect(nodeAuthorize(attrs(over))?.allowed ?? false).toBe(allowed);
  });

  it('has no opinion about other users', () => {
    expect(nodeAuthorize(attrs({ user: { name: 'alice', groups: [] }, verb: 'watch', resource: 'pods' }))).toBeUndefined();
  });

  it('follows the graph: what pods bound to the node reference', () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' },
      spec: {
        nodeName: 'node01', serviceAccountName: 'app',
        containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'cfg' } }], env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'p' } } }] }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }, { name: 'tok', projected: { sources: [{ configMap: { name: 'kube-root-ca.crt' } }] } }],
      },
    };
    const claims: Record<string, unknown> = { 'default/data': { metadata: { name: 'data', namespace: 'default' }, spec: { volumeName: 'pv-data' } } };
    const rbac = {
      roles: () => [], roleBindings: () => [], clusterRoles: () => [], clusterRoleBindings: () => [], podsOnNode: (n: string) => (n === 'node01' ? [pod] : []),
      persistentVolumeClaim: (ns: string, name: string) => claims[`${ns}/${name}`] as never,
    };
    const ask = (over: Partial<AuthorizerAttributes>, user = node) => nodeAuthorize(attrs({ user, namespace: 'default', ...over }), rbac)?.allowed ?? false;
    expect(ask({ resource: 'configmaps', name: 'cfg' })).toBe(true);
    expect(ask({ resource: 'configmaps', name: 'kube-root-ca.crt' })).toBe(true);
    expect(ask({ resource: 'secrets', name: 'db' })).toBe(true);
    expect(ask({ resource: 'persistentvolumeclaims', name: 'data' })).toBe(true);
    expect(ask({ resource: 'persistentvolumes', name: 'pv-data', namespace: '' })).toBe(true);
    expect(ask({ resource: 'persistentvolumes', name: 'pv-other', namespace: '' })).toBe(false);
    expect(ask({ verb: 'create', resource: 'serviceaccounts', subresource: 'token', name: 'app' })).toBe(true);
    expect(ask({ resource: 'secrets', name: 'other' })).toBe(false);
    expect(ask({ verb: 'list', resource: 'secrets' })).toBe(false);
    expect(ask({ resource: 'secrets', name: 'db', namespace: 'kube-system' })).toBe(false);
    expect(ask({ resource: 'secrets', name: 'db' }, { name: 'system:node:node02', groups: ['system:nodes'] })).toBe(false);
  });
});
