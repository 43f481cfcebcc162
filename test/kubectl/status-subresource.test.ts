// Writes through /status, the real kubectl and ours against one live cluster: what each resource's
// status strategy takes from the request (a pod's labels, a node's or a service's metadata) and
// what it keeps (a pod's ownerReferences, a deployment's labels, all of a custom resource but its
// status, every spec), in the patch's response and in what a later get reads.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names:
    plural: widgets
    singular: widget
    kind: Widget
  versions:
    - name: v1
      served: true
      storage: true
      subresources:
        status: {}
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size:
                  type: integer
            status:
              type: object
              properties:
                ready:
                  type: boolean
`;
const CR = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labels:\n    app: w\n  annotations:\n    a: "1"\nspec:\n  size: 1\n';

const META = '{.metadata.labels}{"|"}{.metadata.annotations}{"|"}{.metadata.ownerReferences}{"|"}{.metadata.generation}';
const patch = (target: string[], body: object, out: string): string[] => ['patch', ...target, '--subresource=status', '--type=merge', '-p', JSON.stringify(body), '-o', `jsonpath=${out}`];
const OWNER = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '6f1c1a44-0b4e-4d5e-9a39-1f6b2f7c0d11' };
/** An owner that does not exist: only for objects that keep their ownerReferences (else the garbage collector deletes them). */
const CHANGE = { labels: { x: 'y' }, annotations: { a: '2' }, ownerReferences: [OWNER] };
const RELABEL = { labels: { x: 'y' }, annotations: { a: '2' } };

describe.skipIf(!hasRealKubectl)('writes through /status, ours against the real one', () => {
  const c = useCluster();
  let nodeName = '';
  beforeAll(async () => {
    c.file('crd.yaml', CRD);
    c.file('cr.yaml', CR);
    await c.kubectl(['create', '-f', 'crd.yaml']);
    await c.kubectl(['wait', '--for=condition=established', 'crd/widgets.example.com']);
    await c.kubectl(['create', '-f', 'cr.yaml']);
    await c.kubectl(['run', 'web', '--image=nginx', '--labels=app=web']);
    await c.kubectl(['create', 'deployment', 'web', '--image=nginx']);
    await c.kubectl(['create', 'service', 'clusterip', 'web', '--tcp=80:80']);
    nodeName = (await c.kubectl(['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
  }, 90_000);

  const cases = (): Case[] => [
    // a pod's labels and annotations go through; its ownerReferences and spec stay
    {
      args: patch(['pod', 'web'], { metadata: CHANGE, spec: { activeDeadlineSeconds: 5 } }, `${META}{"|"}{.spec.activeDeadlineSeconds}`),
      undo: [['label', 'pod', 'web', 'x-'], ['annotate', 'pod', 'web', 'a-']],
    },
    // a deployment keeps its labels and spec, takes annotations (the undo's annotate bumps generation)
    {
      args: patch(['deployment', 'web'], { metadata: RELABEL, spec: { replicas: 3 } }, '{.metadata.labels}{"|"}{.metadata.annotations}{"|"}{.spec.replicas}'),
      undo: [['annotate', 'deployment', 'web', 'a-']],
    },
    { args: ['patch', 'deployment', 'web', '--subresource=status', '--type=merge', '-p', '{"metadata":{"labels":{"x":"y"}}}'] },
    { args: ['get', 'deployment', 'web', '-o', 'custom-columns=NAME:.metadata.name,LABELS:.metadata.labels,GEN:.metadata.generation'] },
    // a custom resource keeps everything but its status
    { args: patch(['widget', 'w'], { metadata: CHANGE, spec: { size: 2 }, status: { ready: true } }, `${META}{"|"}{.spec}{"|"}{.status}`) },
    { args: ['get', 'widget', 'w', '-o', `jsonpath=${META}{"|"}{.spec}{"|"}{.status}`] },
    // a service takes metadata and status, keeps its spec
    {
      args: patch(['service', 'web'], { metadata: RELABEL, spec: { ports: [{ port: 81 }] }, status: { loadBalancer: { ingress: [{ ip: '192.0.2.10' }] } } }, `${META}{"|"}{.spec.ports[0].port}{"|"}{.status}`),
      undo: [['label', 'service', 'web', 'x-'], ['annotate', 'service', 'web', 'a-']],
    },
  ];
  it.each(cases().map((k) => [k.args.join(' '), k] as const))('%s', async (_name, k) => {
    await expectSame(c, k);
  });

  // What a v1.32 apiserver stores, read by the real kubectl after the cases above.
  it.each([
    [['pod', 'web'], '{.metadata.labels}|{.metadata.ownerReferences}|{.spec.activeDeadlineSeconds}', '{"app":"web"}||'],
    // generation 3: the two annotates that undid each side's patch, not the status writes
    [['deployment', 'web'], '{.metadata.labels}|{.metadata.generation}|{.spec.replicas}', '{"app":"web"}|3|1'],
    [['widget', 'w'], '{.metadata.labels}|{.metadata.annotations}|{.spec}|{.status}', '{"app":"w"}|{"a":"1"}|{"size":1}|{"ready":true}'],
    [['service', 'web'], '{.metadata.labels}|{.spec.ports[0].port}|{.status.loadBalancer.ingress[0].ip}', '{"app":"web"}|80|192.0.2.10'],
  ])('get %j', async (target, path, want) => {
    const r = await c.kubectl(['get', ...target, '-o', `jsonpath=${path}`]);
    expect(r.stdout).toBe(want);
  });

  it('a pod takes labels through /status; a deployment does not', async () => {
    await c.kubectl(['patch', 'pod', 'web', '--subresource=status', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"a"}}}']);
    await c.kubectl(['patch', 'deployment', 'web', '--subresource=status', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"a"}}}']);
    expect((await c.kubectl(['get', 'pod', 'web', '--show-labels', '--no-headers'])).stdout).toMatch(/ app=web,tier=a\n$/);
    expect((await c.kubectl(['get', 'deployment', 'web', '--show-labels', '--no-headers'])).stdout).toMatch(/ app=web\n$/);
  });

  it('a node takes labels through /status and keeps its spec', async () => {
    await expectSame(c, {
      args: patch(['node', nodeName], { metadata: { labels: { x: 'y' } }, spec: { unschedulable: true } }, '{.metadata.labels.x}{"|"}{.spec.unschedulable}'),
      undo: [['label', 'node', nodeName, 'x-']],
    });
  });
});
