// Resource metrics end to end: metrics-server v0.7.2 installed as an addon in kube-system behind
// the v1beta1.metrics.k8s.io APIService, serving NodeMetrics/PodMetrics scraped from the kubelets
// (the usage each image's process has), the real kubectl reading them, and the kubernetes.io
// memory task: stress under its limit shows 162900Ki (the page's figure), over it is OOMKilled
// (exit 137) and backs off into CrashLoopBackOff. Deleting metrics-server makes the API
// unavailable as on a real cluster.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';

const c = useCluster();

const STRESS = `apiVersion: v1
kind: Pod
metadata: {name: memory-demo, namespace: mem-example}
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources: {requests: {memory: 100Mi}, limits: {memory: 200Mi}}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
---
apiVersion: v1
kind: Pod
metadata: {name: memory-demo-2, namespace: mem-example}
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources: {requests: {memory: 50Mi}, limits: {memory: 100Mi}}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: nginx, image: nginx}]
`;

interface Metrics { kind: string; metadata: { name: string; namespace?: string; creationTimestamp: string }; timestamp: string; window: string; usage?: Record<string, string>; containers?: { name: string; usage: Record<string, string> }[] }

async function raw<T>(path: string): Promise<T> {
  const r = await c.kubectl(['get', '--raw', path]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

describe.skipIf(!hasRealKubectl)('metrics.k8s.io and kubectl top', () => {
  beforeAll(async () => {
    expect((await c.kubectl(['create', 'namespace', 'mem-example'])).code).toBe(0);
    await eventually(c, ['get', 'serviceaccount', 'default', '-n', 'mem-example'], () => true);
    expect((await c.kubectl(['apply', '-f', c.file('stress.yaml', STRESS)])).code).toBe(0);
    await eventually(c, ['get', 'apiservice', 'v1beta1.metrics.k8s.io'], (o) => /kube-system\/metrics-server\s+True\s/.test(o), 120_000);
    await eventually(c, ['top', 'pod', 'web'], (o) => /^web\s/m.test(o), 90_000);
  }, 240_000);

  it('runs metrics-server in kube-system as its release manifest does', async () => {
    const pods = await c.kubectl(['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=metrics-server', '-o', 'jsonpath={.items[0].spec.containers[0].image} {.items[0].spec.containers[0].args}']);
    expect(pods.stdout).toBe('registry.k8s.io/metrics-server/metrics-server:v0.7.2 ["--cert-dir=/tmp","--secure-port=10250","--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname","--kubelet-use-node-status-port","--metric-resolution=15s","--kubelet-insecure-tls"]');
    const cond = await c.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[0].type} {.status.conditions[0].status} {.status.conditions[0].reason} {.status.conditions[0].message}']);
    expect(cond.stdout).toBe('Available True Passed all checks passed');
    const logs = await c.kubectl(['logs', '-n', 'kube-system', 'deploy/metrics-server']);
    expect(logs.stdout).toMatch(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} {7}1 serving\.go:374\] Generated self-signed cert \(\/tmp\/apiserver\.crt, \/tmp\/apiserver\.key\)\n/);
  });

  it('lists the group in discovery with its resources', async () => {
    const list = await raw<{ resources: { name: string; kind: string; namespaced: boolean; verbs: string[] }[] }>('/apis/metrics.k8s.io/v1beta1');
    expect(list.resources).toEqual([
      { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
      { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
    ]);
    const r = await c.kubectl(['api-resources', '--api-group=metrics.k8s.io', '--no-headers']);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/))).toEqual([['nodes', 'metrics.k8s.io/v1beta1', 'false', 'NodeMetrics'], ['pods', 'metrics.k8s.io/v1beta1', 'true', 'PodMetrics']]);
  });

  it('serves NodeMetrics as metrics-server does: the sample time, its window, nanocores and Ki', async () => {
    const n = await raw<Metrics>('/apis/metrics.k8s.io/v1beta1/nodes/node01');
    expect(n).toMatchObject({ kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', window: '15s', metadata: { name: 'node01' } });
    expect(n.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(n.usage?.cpu).toMatch(/^\d+n$/);
    expect(n.usage?.memory).toMatch(/^\d+Ki$/);
    const all = await raw<{ kind: string; items: Metrics[] }>('/apis/metrics.k8s.io/v1beta1/nodes');
    expect(all.kind).toBe('NodeMetricsList');
    expect(all.items.map((i) => i.metadata.name)).toEqual(['controlplane', 'node01', 'node02']);
  });

  it('shows stress holding 150M under a 200Mi limit as the kubernetes.io task does (162900Ki)', async () => {
    const m = await raw<Metrics>('/apis/metrics.k8s.io/v1beta1/namespaces/mem-example/pods/memory-demo');
    expect(m.containers?.map((x) => [x.name, x.usage.memory])).toEqual([['memory-demo-ctr', '162900Ki']]);
    const top = await c.kubectl(['top', 'pod', 'memory-demo', '-n', 'mem-example', '--no-headers']);
    expect(top.stdout).toMatch(/^memory-demo {3}\d+m {3}159Mi {3}\n$/);
  });

  it('kills stress over its 100Mi limit: OOMKilled, exit 137, then CrashLoopBackOff', async () => {
    await eventually(c, ['get', 'pod', 'memory-demo-2', '-n', 'mem-example'], (o) => /memory-demo-2\s+0\/1\s+CrashLoopBackOff\s+[1-9]/.test(o), 60_000);
    const last = await c.kubectl(['get', 'pod', 'memory-demo-2', '-n', 'mem-example', '-o', 'jsonpath={.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}']);
    expect(last.stdout).toBe('OOMKilled 137');
    const top = await c.kubectl(['top', 'pod', 'memory-demo-2', '-n', 'mem-example']);
    expect(top.stderr).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "mem-example/memory-demo-2" not found\n');
  });

  it('prints nginx at rest as kubectl top does: 1m and a few Mi, in padded columns', { timeout: 60_000 }, async () => {
    // Its first sample may be a fresh container's (start-up CPU included); the next one is steady.
    const steady = /^NAME {3}CPU\(cores\) {3}MEMORY\(bytes\) {3}\nweb {4}1m {11}[3-4]Mi {13}\n$/;
    expect(await eventually(c, ['top', 'pod', 'web'], (o) => steady.test(o), 40_000)).toMatch(steady);
  });

  it('has no metrics for a pod until it ran 10s before a scrape', async () => {
    expect((await c.kubectl(['run', 'fresh', '--image=nginx'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'fresh'], (o) => /1\/1\s+Running/.test(o), 60_000);
    const r = await c.kubectl(['top', 'pod', 'fresh']);
    expect(r).toEqual({ stdout: '', stderr: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/fresh" not found\n', code: 1 });
    const none = await c.kubectl(['top', 'pod', '-l', 'run=fresh']);
    expect(none).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', code: 1 });
  });

  it('answers for missing objects with metrics-server\'s errors', async () => {
    expect((await c.kubectl(['top', 'node', 'nope'])).stderr).toBe('Error from server (NotFound): node "nope" not found\n');
    expect((await c.kubectl(['top', 'pod', 'nope'])).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await c.kubectl(['top', 'pod', '-n', 'kube-public'])).toEqual({ stdout: '', stderr: 'No resources found in kube-public namespace.\n', code: 0 });
  });

  it('gives the usage to the HPA', async () => {
    expect((await c.kubectl(['create', 'deployment', 'api', '--image=nginx'])).code).toBe(0);
    expect((await c.kubectl(['set', 'resources', 'deployment', 'api', '--requests=cpu=100m'])).code).toBe(0);
    expect((await c.kubectl(['autoscale', 'deployment', 'api', '--cpu-percent=50', '--max=3'])).code).toBe(0);
    await eventually(c, ['get', 'hpa', 'api'], (o) => /cpu: 1%\/50%/.test(o), 120_000);
  }, 150_000);

  it('becomes unavailable without metrics-server, and absent without its APIService', async () => {
    expect((await c.kubectl(['delete', 'deployment', '-n', 'kube-system', 'metrics-server'])).code).toBe(0);
    await eventually(c, ['get', 'apiservice', 'v1beta1.metrics.k8s.io'], (o) => /kube-system\/metrics-server\s+False \(MissingEndpoints\)\s/.test(o), 60_000);
    expect(await c.kubectl(['top', 'node'])).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', code: 1 });
    const raw503 = await c.kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes']);
    expect(raw503.stderr).toBe('Error from server (ServiceUnavailable): the server is currently unable to handle the request\n');
    expect((await c.kubectl(['delete', 'apiservice', 'v1beta1.metrics.k8s.io'])).code).toBe(0);
    await eventually(c, ['get', '--raw', '/apis'], (o) => !o.includes('metrics.k8s.io'), 10_000);
    expect(await c.kubectl(['top', 'pod', '-A'])).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', code: 1 });
  }, 90_000);
});
