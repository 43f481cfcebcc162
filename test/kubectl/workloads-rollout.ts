// rollout cases for the workload differential test, all in namespace `wr`: a settled deployment
// with two revisions (web), one stuck mid-rollout on an image that cannot be pulled (stuck), one
// past its progress deadline (late), a daemon set and a stateful set with two revisions each.
import type { TestCluster } from '../support/cluster.js';
import { eventually } from '../support/cluster.js';
import { apply, steps, type WorkloadCase } from './workloads-harness.js';

export const NS = 'wr';
const n = (...args: string[]): string[] => ['-n', NS, ...args];

function deployment(name: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${NS}, labels: {app: ${name}}}
spec:
  replicas: 2${extra}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{name: nginx, image: nginx:1.25}]
`;
}

const WORKLOADS = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ${NS}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{name: c, image: nginx:1.25}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ${NS}}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{name: c, image: nginx:1.25}]
---
apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: ${NS}, labels: {app: solo}}
spec:
  terminationGracePeriodSeconds: 1
  containers: [{name: c, image: nginx:1.25}]
`;

export async function setupRollout(c: TestCluster): Promise<void> {
  await steps(c, [['create', 'namespace', NS]]);
  await eventually(c, n('get', 'sa', 'default', '-o', 'name'), (out) => out !== '');
  await apply(c, [deployment('web'), deployment('stuck'), deployment('late', '\n  progressDeadlineSeconds: 2'), WORKLOADS].join('---\n'));
  await steps(c, [
    n('rollout', 'status', 'deploy/web', '--timeout=60s'), n('rollout', 'status', 'ds/agent', '--timeout=60s'), n('rollout', 'status', 'sts/db', '--timeout=60s'),
    n('rollout', 'status', 'deploy/stuck', '--timeout=60s'), n('rollout', 'status', 'deploy/late', '--timeout=60s'),
    n('annotate', 'deploy/web', 'kubernetes.io/change-cause=image 1.26'),
    n('set', 'image', 'deploy/web', 'nginx=nginx:1.26'), n('set', 'image', 'ds/agent', 'c=nginx:1.26'), n('set', 'image', 'sts/db', 'c=nginx:1.26'),
    n('set', 'image', 'deploy/stuck', 'nginx=nginx:no-such-tag'), n('set', 'image', 'deploy/late', 'nginx=nginx:no-such-tag'),
    n('rollout', 'status', 'deploy/web', '--timeout=60s'), n('rollout', 'status', 'ds/agent', '--timeout=60s'), n('rollout', 'status', 'sts/db', '--timeout=60s'),
  ]);
  await eventually(c, n('get', 'deploy', 'stuck', '-o', 'jsonpath={.status.updatedReplicas}'), (out) => out === '1', 30_000);
  await eventually(c, n('get', 'deploy', 'late', '-o', 'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}'), (out) => out === 'ProgressDeadlineExceeded', 30_000);
}

/** The rollout over and the status saying so: both sides then see the same revisions. */
const settled = (kind: string, name: string): string[][] => [
  n('rollout', 'status', `${kind}/${name}`, '--timeout=60s'),
  ...(kind === 'deploy' ? [n('wait', '--for=jsonpath={.status.conditions[?(@.type=="Progressing")].reason}=NewReplicaSetAvailable', `deploy/${name}`, '--timeout=60s')] : []),
];
const resume = [n('rollout', 'resume', 'deploy/web'), ...settled('deploy', 'web')];
const pause = [n('rollout', 'pause', 'deploy/web')];

/** Cases that change nothing: status, history, dry runs, errors. */
export const ROLLOUT_READS: WorkloadCase[] = [
  { args: n('rollout', 'status', 'deploy/web') },
  { args: n('rollout', 'status', 'deployment', 'web', '--watch=false') },
  { args: n('rollout', 'status', 'deploy/stuck', '--watch=false'), name: 'rollout status mid-rollout --watch=false' },
  { args: n('rollout', 'status', 'deploy/stuck', '--timeout=1s'), name: 'rollout status mid-rollout --timeout=1s' },
  { args: n('rollout', 'status', 'deploy/late'), name: 'rollout status past the progress deadline' },
  { args: n('rollout', 'status', 'deploy', '--watch=false') },
  { args: n('rollout', 'status', 'ds/agent') },
  { args: n('rollout', 'status', 'sts/db', '-w=false') },
  { args: n('rollout', 'status', 'deploy/web', '--revision=2') },
  { args: n('rollout', 'status', 'deploy/web', '--revision=1') },
  { args: n('rollout', 'status', 'deploy/web', '--revision=-1') },
  { args: n('rollout', 'status', 'deploy', '-l', 'app=none') },
  { args: n('rollout', 'status', 'pod/solo') },
  { args: n('rollout', 'status') },
  { args: n('rollout', 'status', 'deploy/nope') },
  { args: ['-n', 'nope', 'rollout', 'status', 'deploy/nope'] },
  { args: n('rollout', 'history', 'deploy/web') },
  { args: n('rollout', 'history', 'deploy/web', '--revision=1') },
  { args: n('rollout', 'history', 'deploy/web', '--revision=2') },
  { args: n('rollout', 'history', 'deploy/web', '--revision=9') },
  { args: n('rollout', 'history', 'deploy/web', '-o', 'name') },
  { args: n('rollout', 'history', 'deploy/web', '--revision=1', '-o', 'yaml') },
  { args: n('rollout', 'history', 'ds/agent') },
  { args: n('rollout', 'history', 'ds/agent', '--revision=2') },
  { args: n('rollout', 'history', 'sts/db', '-o', 'json', '--revision=1') },
  { args: n('rollout', 'history', 'pod/solo') },
  { args: n('rollout', 'history', 'svc/nope') },
  { args: n('rollout', 'history', 'deploy', '-l', 'app=web') },
  { args: n('rollout', 'undo', 'deploy/web', '--dry-run=client') },
  { args: n('rollout', 'undo', 'deploy/web', '--to-revision=2'), name: 'rollout undo to the current revision (skipped)' },
  { args: n('rollout', 'undo', 'deploy/web', '--to-revision=9') },
  { args: n('rollout', 'undo', 'deploy/web', '--to-revision=-1') },
  { args: n('rollout', 'undo', 'ds/agent', '--dry-run=client') },
  { args: n('rollout', 'undo', 'sts/db', '--to-revision=1', '--dry-run=client') },
  { args: n('rollout', 'undo', 'ds/agent', '--to-revision=7') },
  { args: n('rollout', 'undo', 'pod/solo') },
  { args: n('rollout', 'undo') },
  { args: n('rollout', 'pause', 'ds/agent') },
  { args: n('rollout', 'resume', 'deploy/web') },
  { args: n('rollout', 'restart', 'pod/solo') },
  { args: n('rollout', 'restart', 'deploy', '-l', 'app=none') },
];

/** Cases that change the workloads, each undone. */
export const ROLLOUT_WRITES: WorkloadCase[] = [
  { args: n('rollout', 'undo', 'deploy/web'), undo: [...settled('deploy', 'web'), n('rollout', 'undo', 'deploy/web'), ...settled('deploy', 'web')] },
  { args: n('rollout', 'undo', 'deploy/web', '--dry-run=server') },
  { args: n('rollout', 'undo', 'ds/agent'), undo: [...settled('ds', 'agent'), n('rollout', 'undo', 'ds/agent'), ...settled('ds', 'agent')] },
  { args: n('rollout', 'undo', 'sts/db'), undo: [...settled('sts', 'db'), n('rollout', 'undo', 'sts/db'), ...settled('sts', 'db')] },
  { args: n('rollout', 'pause', 'deploy/web'), undo: resume },
  { args: n('rollout', 'pause', 'deploy/web', '-o', 'name'), undo: resume },
  { args: n('rollout', 'pause', 'deploy/web'), before: pause, undo: resume, name: 'rollout pause when already paused' },
  { args: n('rollout', 'resume', 'deploy/web'), before: pause, undo: resume },
  { args: n('rollout', 'undo', 'deploy/web'), before: pause, undo: resume, name: 'rollout undo of a paused deployment' },
  { args: n('rollout', 'restart', 'deploy/web'), before: pause, undo: resume, name: 'rollout restart of a paused deployment' },
  { args: n('rollout', 'restart', 'deploy/web'), undo: settled('deploy', 'web'), gapMs: 1100 },
  { args: n('rollout', 'restart', 'ds/agent', 'sts/db', 'deploy/nope'), undo: [...settled('ds', 'agent'), ...settled('sts', 'db')], gapMs: 1100 },
  { args: n('rollout', 'restart', 'deploy/web', '-o', 'name'), undo: settled('deploy', 'web'), gapMs: 1100 },
];
