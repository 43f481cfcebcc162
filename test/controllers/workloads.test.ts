// Controllers, scheduler and kubelets together through a real daemon and the real kubectl: a Job
// runs to completion, a StatefulSet starts its pods in order, drain moves pods off a node (leaving
// DaemonSet pods), deleting a Deployment cascades, and a node whose kubelet stops goes NotReady
// and loses its pods after their toleration.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';

const c = useCluster();
const nodeRoot = (node: string) => join(c.env.KUBEDOJO_HOME!, c.name, 'nodes', node);
const jsonpath = async (args: string[]) => (await c.kubectl([...args])).stdout;

describe.skipIf(!hasRealKubectl)('workloads on a running cluster', () => {
  it('runs a Job to completion', async () => {
    expect((await c.kubectl(['create', 'job', 'hello', '--image=busybox', '--', 'sh', '-c', 'echo hello from the job'])).code).toBe(0);
    const wait = await c.kubectl(['wait', '--for=condition=complete', 'job/hello', '--timeout=30s']);
    expect(wait).toMatchObject({ code: 0, stdout: 'job.batch/hello condition met\n' });
    expect(await jsonpath(['get', 'job', 'hello', '-o', 'jsonpath={.status.succeeded}'])).toBe('1');
    const pod = await jsonpath(['get', 'pods', '-l', 'job-name=hello', '-o', 'jsonpath={.items[0].status.phase}']);
    expect(pod).toBe('Succeeded');
  });

  it('starts StatefulSet pods one at a time, in order', async () => {
    const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 3
  selector: {matchLabels: {app: sts}}
  template:
    metadata: {labels: {app: sts}}
    spec:
      containers:
      - name: nginx
        image: nginx
        readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 1, periodSeconds: 1}
`;
    expect((await c.kubectl(['apply', '-f', '-'], { stdin: sts })).code).toBe(0);
    await eventually(c, ['get', 'statefulset', 'web', '-o', 'jsonpath={.status.readyReplicas}'], (o) => o === '3', 40_000);
    const rows = (await jsonpath(['get', 'pods', '-l', 'app=sts', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.metadata.creationTimestamp} {.status.conditions[?(@.type=="Ready")].lastTransitionTime}{"\\n"}{end}']))
      .trim().split('\n').map((l) => l.split(' '));
    expect(rows.map((r) => r[0])).toEqual(['web-0', 'web-1', 'web-2']);
    for (let i = 1; i < rows.length; i++) expect(Date.parse(rows[i]![1]!)).toBeGreaterThanOrEqual(Date.parse(rows[i - 1]![2]!));
  });

  it('drains a node: pods are evicted and recreated elsewhere, DaemonSet pods stay', async () => {
    expect((await c.kubectl(['create', 'deployment', 'api', '--image=nginx', '--replicas=4'])).code).toBe(0);
    await eventually(c, ['get', 'deployment', 'api', '-o', 'jsonpath={.status.availableReplicas}'], (o) => o === '4', 30_000);
    const drain = await c.kubectl(['drain', 'node01', '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=60s']);
    expect(drain.code).toBe(0);
    expect(drain.stdout).toContain('node/node01 cordoned\n');
    expect(drain.stderr).toMatch(/Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-[a-z0-9]{5}/);
    expect(drain.stdout).toContain('node/node01 drained\n');
    await eventually(c, ['get', 'deployment', 'api', '-o', 'jsonpath={.status.availableReplicas}'], (o) => o === '4', 30_000);
    const nodes = await jsonpath(['get', 'pods', '-l', 'app=api', '-o', 'jsonpath={range .items[*]}{.spec.nodeName}{"\\n"}{end}']);
    expect(new Set(nodes.trim().split('\n'))).toEqual(new Set(['node02']));
    const proxy = await jsonpath(['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-proxy', '--field-selector', 'spec.nodeName=node01', '-o', 'name']);
    expect(proxy.trim()).toMatch(/^pod\/kube-proxy-/);
    expect((await c.kubectl(['uncordon', 'node01'])).code).toBe(0);
  });

  it('deletes what a Deployment owns when it is deleted', async () => {
    expect((await c.kubectl(['delete', 'deployment', 'api'])).code).toBe(0);
    await eventually(c, ['get', 'rs,pods', '-l', 'app=api', '-o', 'name'], (o) => o.trim() === '', 30_000);
  });

  it('marks a node whose kubelet stopped NotReady and evicts its pods after their toleration', async () => {
    const kcm = join(nodeRoot('controlplane'), 'etc/kubernetes/manifests/kube-controller-manager.yaml');
    const manifest = readFileSync(kcm, 'utf8');
    writeFileSync(kcm, manifest.replace('- --use-service-account-credentials=true', '- --use-service-account-credentials=true\n    - --node-monitor-grace-period=16s'));
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: brief}
spec:
  nodeName: node02
  tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 2}]
  containers: [{name: c, image: nginx}]
`;
    expect((await c.kubectl(['apply', '-f', '-'], { stdin: pod })).code).toBe(0);
    await eventually(c, ['get', 'pod', 'brief', '-o', 'jsonpath={.status.phase}'], (o) => o === 'Running');
    mkdirSync(join(nodeRoot('node02'), 'run/kubedojo'), { recursive: true });
    writeFileSync(join(nodeRoot('node02'), 'run/kubedojo/kubelet.stopped'), '');
    const ready = await eventually(c, ['get', 'node', 'node02', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status} {.status.conditions[?(@.type=="Ready")].reason}'], (o) => o.startsWith('Unknown'), 45_000);
    expect(ready).toBe('Unknown NodeStatusUnknown');
    expect((await c.kubectl(['get', 'nodes', 'node02', '--no-headers'])).stdout).toMatch(/^node02\s+NotReady\s+<none>/);
    const taints = await jsonpath(['get', 'node', 'node02', '-o', 'jsonpath={range .spec.taints[*]}{.key}:{.effect} {end}']);
    expect(taints.trim()).toBe('node.kubernetes.io/unreachable:NoSchedule node.kubernetes.io/unreachable:NoExecute');
    await eventually(c, ['get', 'pod', 'brief', '-o', 'jsonpath={.metadata.deletionTimestamp}'], (o) => o !== '', 15_000);
    const events = await jsonpath(['get', 'events', '--field-selector', 'involvedObject.name=brief', '-o', 'jsonpath={range .items[*]}{.reason}{"\\n"}{end}']);
    expect(events).toContain('TaintManagerEviction');
  }, 120_000);
});
