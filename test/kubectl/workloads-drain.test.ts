// kubectl drain, ours against the real one, on node01 of a cluster of its own: a DaemonSet pod,
// an unmanaged pod, a StatefulSet pod with an emptyDir and one without, all labelled drain=yes
// (namespace wd, deleted at the end). Every case ends with the node uncordoned and the pods back.
// kubectl lists the filter errors and warnings in Go map order: those lists are compared sorted.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { apply, expectSameWorkload, steps, title, type WorkloadCase } from './workloads-harness.js';

const NS = 'wd';
const NODE = 'node01';
const n = (...args: string[]): string[] => ['-n', NS, ...args];

function statefulSet(name: string, volume: boolean): string {
  const mounts = volume ? ', volumeMounts: [{name: scratch, mountPath: /scratch}]' : '';
  return `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${name}, namespace: ${NS}}
spec:
  serviceName: ${name}
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}, drain: 'yes'}}
    spec:
      terminationGracePeriodSeconds: 1
      nodeSelector: {kubernetes.io/hostname: ${NODE}}
      containers: [{name: c, image: nginx:1.25${mounts}}]${volume ? '\n      volumes: [{name: scratch, emptyDir: {}}]' : ''}
`;
}

const BARE = `apiVersion: v1
kind: Pod
metadata: {name: bare, namespace: ${NS}, labels: {drain: 'yes'}}
spec:
  nodeName: ${NODE}
  terminationGracePeriodSeconds: 1
  containers: [{name: c, image: nginx:1.25}]
`;

const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ${NS}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent, drain: 'yes'}}
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{name: c, image: nginx:1.25}]
`;

const PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: db, namespace: ${NS}}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: db}}
`;

/** The `[a, b]` of filter errors and the `a; b` of warnings, each sorted. */
function sortMapOrdered(text: string): string {
  return text
    .replace(/\[(cannot delete .*?)\](?=, continuing command)/g, (_, inner: string) => `[${inner.split(/, (?=cannot delete )/).sort().join(', ')}]`)
    .replace(/^Warning: (.*)$/gm, (_, inner: string) => `Warning: ${inner.split('; ').sort().join('; ')}`);
}

const uncordon = ['uncordon', NODE];
/** Back to the start: node schedulable, the unmanaged pod re-created, the set pods running. */
const restore: string[][] = [
  uncordon, ['apply', '-f', 'bare.yaml'], n('wait', '--for=condition=Ready', 'pod/bare', '--timeout=60s'),
  n('rollout', 'status', 'sts/db', '--timeout=60s'), n('rollout', 'status', 'sts/cache', '--timeout=60s'),
];
const ALL_FLAGS = ['--ignore-daemonsets', '--force', '--delete-emptydir-data'];

const CASES: WorkloadCase[] = [
  { args: ['drain', NODE], undo: [uncordon], normalize: sortMapOrdered, unordered: true, name: 'drain blocked by a DaemonSet pod, an unmanaged pod and an emptyDir pod' },
  { args: ['drain', NODE], before: [['cordon', NODE]], undo: [uncordon], normalize: sortMapOrdered, unordered: true, name: 'drain of a cordoned node' },
  { args: ['drain', NODE, '--ignore-daemonsets'], undo: [uncordon], normalize: sortMapOrdered, unordered: true },
  { args: ['drain', NODE, '--ignore-daemonsets', '--delete-emptydir-data'], undo: [uncordon] },
  { args: ['drain', NODE, '--ignore-daemonsets', '--force'], undo: [uncordon] },
  { args: ['drain', NODE, '--dry-run=server'], undo: [uncordon], normalize: sortMapOrdered, unordered: true },
  { args: ['drain', NODE, ...ALL_FLAGS, '--dry-run=client'], normalize: sortMapOrdered, unordered: true },
  { args: ['drain', '-l', `kubernetes.io/hostname=${NODE}`, ...ALL_FLAGS, '--pod-selector=drain=yes', '--dry-run=client'], normalize: sortMapOrdered, unordered: true },
  { args: ['drain', NODE, ...ALL_FLAGS, '--pod-selector=drain=yes', '--grace-period=1', '--timeout=90s'], undo: restore, normalize: sortMapOrdered, unordered: true, name: 'drain evicting an unmanaged, an emptyDir and a StatefulSet pod' },
  { args: ['drain', NODE, ...ALL_FLAGS, '--pod-selector=drain=yes', '--disable-eviction'], undo: restore, normalize: sortMapOrdered, unordered: true, name: 'drain deleting the pods (--disable-eviction)' },
  {
    args: ['drain', NODE, '--ignore-daemonsets', '--pod-selector=app=db', '--timeout=7s'],
    before: [n('apply', '-f', 'pdb.yaml'), n('wait', '--for=jsonpath={.status.disruptionsAllowed}=0', 'pdb/db', '--timeout=30s')],
    undo: [n('delete', 'pdb', 'db'), ...restore],
    name: 'drain retrying an eviction a PodDisruptionBudget refuses, until --timeout',
  },
  { args: ['drain'] },
  { args: ['drain', NODE, '-l', 'a=b'] },
  { args: ['drain', 'nope'] },
  { args: ['drain', NODE, '--pod-selector=a=('] },
  { args: ['drain', 'pod/x'] },
];

describe.skipIf(!hasRealKubectl)('kubectl drain, ours against the real one', () => {
  const c = useCluster('drain');
  beforeAll(async () => {
    await steps(c, [['create', 'namespace', NS]]);
    await eventually(c, n('get', 'sa', 'default', '-o', 'name'), (out) => out !== '');
    c.file('bare.yaml', BARE);
    c.file('pdb.yaml', PDB);
    await apply(c, [AGENT, statefulSet('db', false), statefulSet('cache', true), BARE].join('---\n'));
    await steps(c, [...restore.slice(1), n('rollout', 'status', 'ds/agent', '--timeout=60s')]);
  }, 120_000);
  afterAll(async () => {
    await c.kubectl(['delete', 'namespace', NS, '--wait=false']);
  });
  for (const k of CASES) {
    it(title(k), async () => {
      await expectSameWorkload(c, k);
    }, 120_000);
  }
});
