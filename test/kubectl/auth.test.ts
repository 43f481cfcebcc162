// kubectl auth can-i / whoami (and top, which fails the same way without metrics-server): ours
// against the real kubectl on one live cluster.
import { describe, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const SA = 'system:serviceaccount:default:default';

const CASES: Case[] = [
  { args: ['auth', 'can-i', 'get', 'pods'] },
  // Validate's warnings: a cluster-scoped resource (not with -A), a verb unknown to its kind of check
  { args: ['auth', 'can-i', 'get', 'nodes'] },
  { args: ['auth', 'can-i', 'create', 'clusterroles'] },
  { args: ['auth', 'can-i', 'get', 'nodes', '-A'] },
  { args: ['auth', 'can-i', 'post', '/api'] },
  { args: ['auth', 'can-i', 'frob', 'nodes'] },
  { args: ['auth', 'can-i', 'get', 'pods', '--no-headers'] },
  { args: ['auth', 'can-i', '--list', '-A'] },
  { args: ['auth', 'can-i', 'get', '/api', '--subresource=x'] },
  { args: ['auth', 'can-i', 'create', 'deploy', '--as=bob'] },
  { args: ['auth', 'can-i', 'get', 'foos'] },
  // `*` and RBAC's users/groups go to the server without a warning; types are matched lower-cased
  { args: ['auth', 'can-i', '*', '*', '-A'] },
  { args: ['auth', 'can-i', 'impersonate', 'users/bob'] },
  { args: ['auth', 'can-i', 'get', 'Pods', '--as=bob'] },
  { args: ['auth', 'can-i', 'get', 'FOOS'] },
  { args: ['auth', 'can-i', 'get', 'foos.bar.io', '--as=bob'] },
  { args: ['auth', 'can-i', 'list', 'pods', '--subresource=log', '-n', 'kube-system', `--as=${SA}`] },
  { args: ['auth', 'can-i', 'get', 'pods/web', '-A'] },
  { args: ['auth', 'can-i', 'get', '/healthz', '--as=bob'] },
  { args: ['auth', 'can-i', 'get', '/logs', `--as=${SA}`] },
  { args: ['auth', 'can-i', 'frob', 'pods'] },
  { args: ['auth', 'can-i', 'get', 'pods', '-q', '--as=bob'] },
  { args: ['auth', 'can-i', 'get'] },
  { args: ['auth', 'can-i', '--list', '--as=bob'] },
  { args: ['auth', 'can-i', '--list', `--as=${SA}`, '-n', 'kube-system'] },
  { args: ['auth', 'can-i', '--list', '--as=system:kube-scheduler', '--no-headers'] },
  { args: ['auth', 'can-i', '--list', 'pods'] },
  { args: ['auth', 'whoami'] },
  { args: ['auth', 'whoami', '-o', 'yaml'] },
  { args: ['auth', 'whoami', '-o', 'json', '--as=jane', '--as-group=devs'] },
  { args: ['auth', 'whoami', '-o', 'wide'] },
  { args: ['auth'] },
  // No metrics-server on a kubeadm cluster: top fails as the real one does.
  { args: ['top', 'nodes'] },
  { args: ['top', 'pod', '-A'] },
  { args: ['top', 'pod', 'x', '--containers'] },
  { args: ['top'] },
];

describe.skipIf(!hasRealKubectl)('kubectl auth, ours against the real one', () => {
  const c = useCluster();
  for (const k of CASES) {
    it(k.args.join(' '), async () => {
      await expectSame(c, k);
    });
  }
});
