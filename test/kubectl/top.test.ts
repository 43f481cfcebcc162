// `kubectl top` differential: the real kubectl and ours against one daemon whose metrics-server
// serves steady usage (every pod past its first scrapes), compared byte for byte — raw, since the
// harness's age normalisation would also swallow CPU cells like `1m` — then through expectSame.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';
import { runOurs } from './in-process.js';

const c = useCluster();

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec: {containers: [{name: nginx, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: cache, namespace: shop, labels: {app: cache}}
spec:
  containers:
  - {name: redis, image: redis}
  - {name: sidecar, image: busybox, command: [sh, -c, 'sleep 1d']}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec:
  containers:
  - name: mysql
    image: mysql:8.0
    env: [{name: MYSQL_ROOT_PASSWORD, value: secret}]
---
apiVersion: v1
kind: Pod
metadata: {name: hog, namespace: shop, labels: {app: hog}}
spec:
  containers:
  - name: stress
    image: polinux/stress
    command: [stress]
    args: [--cpu, "1"]
    resources: {limits: {cpu: 500m}}
`;

const CASES: Case[] = [
  { args: ['top', 'node'] },
  { args: ['top', 'nodes', '--no-headers'] },
  { args: ['top', 'no', '--sort-by=cpu'] },
  { args: ['top', 'node', '--sort-by', 'memory'] },
  { args: ['top', 'node', '--show-capacity'] },
  { args: ['top', 'node', 'node01'] },
  { args: ['top', 'node', '-l', 'node-role.kubernetes.io/control-plane'] },
  { args: ['top', 'node', '-l', 'nope=x'] },
  { args: ['top', 'node', 'nope'] },
  { args: ['top', 'node', 'a', 'b'] },
  { args: ['top', 'node', '--sort-by=name'] },
  { args: ['top', 'node', 'node01', '-l', 'a=b'] },
  { args: ['top', 'pod', '-A'] },
  { args: ['top', 'pods', '-A', '--sort-by=cpu'] },
  { args: ['top', 'po', '-A', '--sort-by=memory'] },
  { args: ['top', 'pod', '-A', '--containers'] },
  { args: ['top', 'pod', '-A', '--containers', '--sort-by=memory'] },
  { args: ['top', 'pod', '-A', '--no-headers'] },
  { args: ['top', 'pod', '-A', '--sum'] },
  { args: ['top', 'pod', '-A', '--no-headers', '--sum'] },
  { args: ['top', 'pod', '-n', 'shop'] },
  { args: ['top', 'pod', '-n', 'shop', '--containers', '--sum'] },
  { args: ['top', 'pod', '-n', 'shop', '-l', 'app=web'] },
  { args: ['top', 'pod', '-n', 'shop', '-l', 'app in (web,cache)', '--sort-by=cpu'] },
  { args: ['top', 'pod', '-n', 'shop', '--field-selector', 'metadata.name=db'] },
  { args: ['top', 'pod', '-n', 'shop', 'cache', '--containers'] },
  { args: ['top', 'pod', 'hog', '-n', 'shop'] },
  { args: ['top', 'pod', '-n', 'kube-system', 'etcd-controlplane'] },
  { args: ['top', 'pod'] },
  { args: ['top', 'pod', '-n', 'nope'] },
  { args: ['top', 'pod', 'nope'] },
  { args: ['top', 'pod', 'x', '-A'] },
  { args: ['top', 'pod', 'cache', '-l', 'a=b', '-n', 'shop'] },
  { args: ['top', 'pod', '--sort-by=x'] },
  { args: ['top', 'pod', 'a', 'b'] },
  { args: ['top', 'pod', '-n', 'shop', '-l', 'app=nothing'] },
  { args: ['top'] },
  { args: ['top', 'pod', '--as=system:serviceaccount:default:default'] },
];

/** What the metrics API looks like through `get` (ages in the APIService table: compared by the harness). */
const GETS: Case[] = [
  { args: ['get', 'apiservices'] },
  { args: ['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'yaml'] },
  { args: ['describe', 'apiservice', 'v1beta1.metrics.k8s.io'] },
  { args: ['get', 'podmetrics', '-n', 'shop'] },
  { args: ['get', 'pods.metrics.k8s.io', '-A', '-l', 'app=web'] },
  { args: ['get', 'nodes.metrics.k8s.io'] },
  { args: ['get', 'nodemetrics', 'node01', '-o', 'name'] },
  // the metrics clientset decodes a failure into metav1.Status: no kind in the -v=4 debug line
  { args: ['top', 'pod', 'nope', '-v=4'] },
  { args: ['top', 'node', 'nope', '-v=4'] },
];

describe.skipIf(!hasRealKubectl)('kubectl top: ours = real', () => {
  beforeAll(async () => {
    expect((await c.kubectl(['create', 'namespace', 'shop'])).code).toBe(0);
    await eventually(c, ['get', 'serviceaccount', 'default', '-n', 'shop'], () => true);
    expect((await c.kubectl(['apply', '-f', c.file('shop.yaml', WORKLOADS)])).code).toBe(0);
    await eventually(c, ['get', 'pods', '-n', 'shop'], (o) => (o.match(/ Running /g) ?? []).length === 6, 120_000);
    // Every pod of the cluster in the metrics, then one more resolution so no pod is in its first-sample window.
    const running = async () => (await c.kubectl(['get', 'pods', '-A', '--no-headers', '--field-selector=status.phase=Running'])).stdout.split('\n').filter(Boolean).length;
    await eventually(c, ['top', 'pod', '-A', '--no-headers'], (o) => o.split('\n').filter(Boolean).length >= 16, 150_000);
    const n = await running();
    await eventually(c, ['top', 'pod', '-A', '--no-headers'], (o) => o.split('\n').filter(Boolean).length === n, 60_000);
    await new Promise((r) => setTimeout(r, 16_000));
  }, 400_000);

  for (const k of CASES) {
    it(`kubectl ${k.args.join(' ')}`, async () => {
      const real = await c.kubectl(k.args);
      const ours = await runOurs(k.args, c.env);
      expect(ours, 'raw output').toEqual(real);
      await expectSame(c, k);
    });
  }

  for (const k of GETS) {
    it(`kubectl ${k.args.join(' ')}`, async () => {
      await expectSame(c, k);
    });
  }
});
