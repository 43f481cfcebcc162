// kube-scheduler through a real daemon and the real kubectl: spreading over the workers (never the
// tainted control plane), cordon, taints and tolerations, node affinity, anti-affinity, and
// upstream's FailedScheduling message when nothing fits.
import { describe, expect, it } from 'vitest';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';

const c = useCluster();

const nodesOf = async (selector: string): Promise<string[]> => {
  const out = await c.kubectl(['get', 'pods', '-l', selector, '-o', 'jsonpath={range .items[*]}{.spec.nodeName}{"\\n"}{end}']);
  return out.stdout.split('\n').filter(Boolean).sort();
};

const apply = async (yaml: string) => {
  const r = await c.kubectl(['apply', '-f', '-'], { stdin: yaml });
  expect(r.stderr).toBe('');
};

const podYaml = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  containers:
  - name: c
    image: nginx
${spec}`;

describe.skipIf(!hasRealKubectl)('kube-scheduler through the daemon', () => {
  it('binds a deployment across the workers, not the control plane', async () => {
    expect((await c.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=4'])).code).toBe(0);
    await eventually(c, ['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.spec.nodeName}{"\\n"}{end}'], (o) => o.split('\n').filter(Boolean).length === 4);
    const nodes = await nodesOf('app=web');
    expect(new Set(nodes)).toEqual(new Set(['node01', 'node02']));
    const events = await eventually(c, ['get', 'events', '-o', 'jsonpath={range .items[?(@.reason=="Scheduled")]}{.message}{"\\n"}{end}'], (o) => o.split('\n').filter(Boolean).length >= 4);
    expect(events).toMatch(/^Successfully assigned default\/web-[a-z0-9]+-[a-z0-9]{5} to node0[12]$/m);
  });

  it('keeps off a cordoned node and reports why nothing fits', async () => {
    expect((await c.kubectl(['cordon', 'node01'])).stdout).toBe('node/node01 cordoned\n');
    expect((await c.kubectl(['cordon', 'node02'])).stdout).toBe('node/node02 cordoned\n');
    await apply(podYaml('stuck', ''));
    const msg = await eventually(c, ['get', 'events', '--field-selector', 'involvedObject.name=stuck,reason=FailedScheduling', '-o', 'jsonpath={.items[0].message}'], (o) => o !== '');
    expect(msg).toBe('0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
    const cond = await c.kubectl(['get', 'pod', 'stuck', '-o', 'jsonpath={.status.conditions[?(@.type=="PodScheduled")].reason}']);
    expect(cond.stdout).toBe('Unschedulable');
    expect((await c.kubectl(['uncordon', 'node02'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'stuck', '-o', 'jsonpath={.spec.nodeName}'], (o) => o === 'node02');
    expect((await c.kubectl(['uncordon', 'node01'])).code).toBe(0);
  });

  it('honours taints with tolerations, and node affinity', async () => {
    expect((await c.kubectl(['taint', 'node', 'node01', 'gpu=yes:NoSchedule'])).stdout).toBe('node/node01 tainted\n');
    await apply(podYaml('tolerant', `  tolerations: [{key: gpu, operator: Equal, value: "yes", effect: NoSchedule}]
  nodeSelector: {kubernetes.io/hostname: node01}`));
    await apply(podYaml('intolerant', `  nodeSelector: {kubernetes.io/hostname: node01}`));
    await eventually(c, ['get', 'pod', 'tolerant', '-o', 'jsonpath={.spec.nodeName}'], (o) => o === 'node01');
    const msg = await eventually(c, ['get', 'events', '--field-selector', 'involvedObject.name=intolerant,reason=FailedScheduling', '-o', 'jsonpath={.items[0].message}'], (o) => o !== '');
    expect(msg).toBe("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {gpu: yes}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    expect((await c.kubectl(['taint', 'node', 'node01', 'gpu-'])).stdout).toBe('node/node01 untainted\n');
    await apply(podYaml('affine', `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node02]}]`));
    await eventually(c, ['get', 'pod', 'affine', '-o', 'jsonpath={.spec.nodeName}'], (o) => o === 'node02');
  });

  it('spreads pods with required anti-affinity, one per node', async () => {
    await apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: spread}
spec:
  replicas: 3
  selector: {matchLabels: {app: spread}}
  template:
    metadata: {labels: {app: spread}}
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: {matchLabels: {app: spread}}
            topologyKey: kubernetes.io/hostname
      containers: [{name: c, image: nginx}]
`);
    await eventually(c, ['get', 'events', '-o', 'jsonpath={range .items[?(@.reason=="FailedScheduling")]}{.involvedObject.name}{"\\n"}{end}'], (o) => /spread-/.test(o));
    const placed = (await nodesOf('app=spread')).filter(Boolean);
    expect(placed).toEqual(['node01', 'node02']);
  });

  it('leaves new pods Pending while its static pod manifest is gone', async () => {
    const file = join(c.env.KUBEDOJO_HOME!, c.name, 'nodes/controlplane/etc/kubernetes/manifests/kube-scheduler.yaml');
    const aside = join(c.home, 'kube-scheduler.yaml');
    renameSync(file, aside);
    try {
      await eventually(c, ['get', 'componentstatuses'], (o) => /scheduler\s+Unhealthy/.test(o));
      await apply(podYaml('waiting', ''));
      await new Promise((r) => setTimeout(r, 1500));
      expect(await c.kubectl(['get', 'pod', 'waiting', '-o', 'jsonpath={.status.phase} {.spec.nodeName}'])).toMatchObject({ stdout: 'Pending ' });
      expect((await c.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=waiting', '-o', 'name'])).stdout).toBe('');
    } finally {
      renameSync(aside, file);
    }
    await eventually(c, ['get', 'pod', 'waiting', '-o', 'jsonpath={.spec.nodeName}'], (o) => o !== '');
  });
});
