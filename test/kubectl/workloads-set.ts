// set, expose and autoscale cases for the workload differential test, in namespace `ws`: a
// deployment with two containers and an init container, a config map and a secret of one key
// each, a service, a labelled pod; manifests for --local -f.
import type { TestCluster } from '../support/cluster.js';
import { eventually } from '../support/cluster.js';
import { apply, steps, type WorkloadCase } from './workloads-harness.js';

export const NS = 'ws';
const n = (...args: string[]): string[] => ['-n', NS, ...args];

const OBJECTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${NS}, labels: {app: web, tier: front}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 1
      initContainers: [{name: init, image: busybox, command: [sh, -c, 'true']}]
      containers:
      - {name: nginx, image: nginx:1.25, ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}], env: [{name: KEEP, value: 'yes'}]}
      - {name: sidecar, image: busybox, command: [sleep, '3600']}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: one, namespace: ${NS}}
data: {k.x: v}
---
apiVersion: v1
kind: Secret
metadata: {name: s, namespace: ${NS}}
stringData: {pw: hunter2}
---
apiVersion: v1
kind: Service
metadata: {name: s1, namespace: ${NS}, labels: {app: s1}}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: pod1, namespace: ${NS}, labels: {app: p, tier: x}}
spec:
  terminationGracePeriodSeconds: 1
  containers: [{name: c, image: nginx:1.25, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: bare, namespace: ${NS}}
spec:
  terminationGracePeriodSeconds: 1
  containers: [{name: c, image: nginx:1.25}]
`;

export const DEPLOY_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: local
spec:
  replicas: 2
  selector:
    matchLabels:
      app: local
  template:
    metadata:
      labels:
        app: local
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        resources:
          limits:
            cpu: 1000m
`;

export const SERVICE_YAML = `apiVersion: v1
kind: Service
metadata:
  name: local
  namespace: elsewhere
spec:
  selector: {a: b}
  ports: [{port: 80}]
`;

/** References of every kind for set env --list --resolve --local: subscripts and resource fields. */
export const ENV_POD_YAML = `apiVersion: v1
kind: Pod
metadata: {name: envpod, labels: {a: b, c: d}, annotations: {x: '1'}}
spec:
  containers:
  - name: c
    image: nginx
    resources: {requests: {cpu: 250m, memory: 100M, hugepages-2Mi: 4Mi}, limits: {cpu: '1.5', ephemeral-storage: 1Gi}}
    env:
    - {name: L1, valueFrom: {fieldRef: {fieldPath: "metadata.labels['a']"}}}
    - {name: L2, valueFrom: {fieldRef: {fieldPath: "metadata.labels['-bad']"}}}
    - {name: L3, valueFrom: {fieldRef: {fieldPath: "metadata.annotations['X']"}}}
    - {name: L4, valueFrom: {fieldRef: {fieldPath: "metadata.name['x']"}}}
    - {name: L5, valueFrom: {fieldRef: {fieldPath: "['x']"}}}
    - {name: L6, valueFrom: {fieldRef: {fieldPath: "metadata.labels['a/b/c']"}}}
    - {name: R1, valueFrom: {resourceFieldRef: {resource: requests.cpu}}}
    - {name: R2, valueFrom: {resourceFieldRef: {resource: requests.cpu, divisor: 1m}}}
    - {name: R3, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
    - {name: R4, valueFrom: {resourceFieldRef: {resource: requests.memory, divisor: 1Mi}}}
    - {name: R5, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
    - {name: R6, valueFrom: {resourceFieldRef: {resource: limits.ephemeral-storage, divisor: 1Ki}}}
    - {name: R7, valueFrom: {resourceFieldRef: {resource: requests.hugepages-2Mi, divisor: 1Mi}}}
    - {name: R8, valueFrom: {resourceFieldRef: {resource: requests.gpu}}}
`;

export async function setupSet(c: TestCluster): Promise<void> {
  await steps(c, [['create', 'namespace', NS]]);
  await eventually(c, n('get', 'sa', 'default', '-o', 'name'), (out) => out !== '');
  await apply(c, OBJECTS);
  c.file('deploy.yaml', DEPLOY_YAML);
  c.file('svc.yaml', SERVICE_YAML);
  c.file('envpod.yaml', ENV_POD_YAML);
  await steps(c, [n('rollout', 'status', 'deploy/web', '--timeout=60s')]);
}

const noResources = JSON.stringify(['containers/0', 'containers/1', 'initContainers/0'].map((c) => ({ op: 'replace', path: `/spec/template/spec/${c}/resources`, value: {} })));
/** Waits until the deployment's rollout is over and its status says so, so both sides see the same status. */
const settle = n('wait', '--for=jsonpath={.status.conditions[?(@.type=="Progressing")].reason}=NewReplicaSetAvailable', 'deploy/web', '--timeout=60s');
const rolled = n('rollout', 'status', 'deploy/web', '--timeout=60s');
const image = (v: string): string[][] => [n('set', 'image', 'deploy/web', `nginx=${v}`), n('rollout', 'status', 'deploy/web', '--timeout=60s'), settle];

export const SET_CASES: WorkloadCase[] = [
  { args: n('set', 'image', 'deploy/web', 'nginx=nginx:1.26'), undo: image('nginx:1.25') },
  { args: n('set', 'image', 'deployment', 'web', 'nginx=nginx:1.26', 'sidecar=busybox:1.36', '-o', 'name'), undo: [n('set', 'image', 'deploy/web', 'nginx=nginx:1.25', 'sidecar=busybox'), rolled, settle] },
  { args: n('set', 'image', 'deploy/web', '*=busybox:1.36', '--dry-run=server') },
  { args: n('set', 'image', 'deploy/web', 'init=busybox:1.36', '--dry-run=client') },
  { args: n('set', 'image', 'deploy', 'nginx=nginx:1.26', '--all', '--dry-run=server', '-o', 'yaml') },
  { args: n('set', 'image', 'deploy', '-l', 'app=web', 'nginx=nginx:1.26', '--dry-run=server', '-o', 'json') },
  { args: n('set', 'image', 'deploy/web', 'nginx=nginx:1.25'), name: 'set image to the image it has (no change)' },
  { args: n('set', 'image', 'deploy/web', 'a=b', 'c=d'), unordered: true, name: 'set image of two unknown containers (reported in Go map order)' },
  { args: n('set', 'image', 'deploy/web') },
  { args: n('set', 'image', 'nginx=x') },
  { args: n('set', 'image', 'deploy/web', '*=a', 'b=c') },
  { args: n('set', 'image', 'deploy', 'nginx=x') },
  { args: n('set', 'image', 'svc/s1', 'a=b') },
  { args: n('set', 'image', 'deploy/web', 'nginx=x', 'deploy/y') },
  { args: n('set', 'image', 'deploy/web', 'nginx-') },
  { args: n('set', 'image', 'deploy/nope', 'nginx=x') },
  { args: n('set', 'image', 'deploy/web', 'nginx=x', '--local') },
  { args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'nginx=nginx:1.26', '-o', 'yaml'] },
  { args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'nginx=nginx:1.26', '-o', 'json'] },
  { args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'nginx=nginx:1.26'] },
  { args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'nginx=x', '--dry-run=server'] },
  { args: ['set', 'image', '--local', '-f', 'svc.yaml', 'a=b'] },
  { args: n('set', 'env', 'deploy/web', 'A=1', 'KEEP-'), undo: [n('set', 'env', 'deploy/web', 'A-', 'KEEP=yes'), rolled, settle] },
  { args: n('set', 'env', 'deploy/web', '-c', 'nginx', '-e', 'B=2', '--dry-run=server', '-o', 'yaml') },
  { args: n('set', 'env', 'deploy/web', '--from=configmap/one', '-c', 'sidecar'), undo: [n('set', 'env', 'deploy/web', 'K_X-'), rolled, settle] },
  { args: n('set', 'env', 'deploy/web', '--from=secret/s', '--prefix=S_', '--keys=pw', '--dry-run=server') },
  { args: n('set', 'env', 'deploy/web', '--list') },
  { args: n('set', 'env', 'deploy/web', '--list', '--resolve'), before: [n('set', 'env', 'deploy/web', '--from=secret/s', '-c', 'nginx')], undo: [n('set', 'env', 'deploy/web', 'PW-'), rolled, settle] },
  { args: n('set', 'env', 'deploy/web', 'KEEP=no', '--overwrite=false') },
  { args: n('set', 'env', 'deploy/web', 'KEEP=yes', '--overwrite=false', '-c', 'nginx') },
  { args: n('set', 'env', 'deploy/web', '-c', 'nope', 'X=1') },
  { args: n('set', 'env', 'deploy/web', '-c', 'side*', 'X=1', '--dry-run=client', '-o', 'yaml') },
  { args: n('set', 'env', 'deploy/web', '--keys=C') },
  { args: n('set', 'env', 'deploy/web', 'X=1', 'deploy/zz') },
  { args: n('set', 'env', 'deploy/web', '1X=2') },
  { args: n('set', 'env', 'deploy/web', 'X=1', 'X-') },
  { args: n('set', 'env', 'deploy/web', '--from=svc/s1') },
  { args: n('set', 'env', 'deploy/web', '--list', '-o', 'yaml') },
  { args: n('set', 'env') },
  { args: n('set', 'env', 'svc/s1', 'A=1') },
  { args: n('set', 'env', 'deploy/web', '-'), stdin: 'FROM_STDIN=1 # comment\n# nothing\nOTHER=2\n', undo: [n('set', 'env', 'deploy/web', 'FROM_STDIN-', 'OTHER-'), rolled, settle] },
  { args: ['set', 'env', '--local', '-f', 'deploy.yaml', 'STORAGE_DIR=/local', '-o', 'yaml'] },
  { args: ['set', 'env', '--local', '-f', 'envpod.yaml', '--list', '--resolve'] },
  { args: n('set', 'resources', 'deploy/web', '--limits=cpu=200m,memory=512Mi', '--requests=cpu=0.1'), undo: [n('patch', 'deploy/web', '--type=json', '-p', noResources), rolled, settle] },
  { args: n('set', 'resources', 'deploy/web', '-c', 'nginx', '--limits=cpu=1000m', '--dry-run=server', '-o', 'json') },
  { args: n('set', 'resources', 'deploy/web', '-c', 'nope', '--limits=cpu=1') },
  { args: n('set', 'resources', 'deploy/web') },
  { args: n('set', 'resources', 'deploy/web', '--limits=cpu=abc') },
  { args: n('set', 'resources', 'deploy/web', '--limits=cpu') },
  { args: ['set', 'resources', '--local', '-f', 'deploy.yaml', '--requests=memory=1024Mi', '-o', 'yaml'] },
  { args: n('set', 'serviceaccount', 'deploy/web', 'default'), undo: [rolled, settle] },
  { args: n('set', 'sa', 'deploy/web', 'robot', '--dry-run=server', '-o', 'yaml') },
  { args: n('set', 'sa', 'deploy/web') },
  { args: n('set', 'sa') },
  { args: ['set', 'sa', '--local', '-f', 'deploy.yaml', 'robot', '-o', 'yaml'] },
  { args: n('set', 'selector', 'svc/s1', 'app=web,tier=front'), undo: [n('set', 'selector', 'svc/s1', 'app=web')] },
  { args: n('set', 'selector', 'svc/s1', 'app in (a)') },
  { args: n('set', 'selector', 'deploy/web', 'app=web') },
  { args: n('set', 'selector', 'svc/s1', 'app=x', '--resource-version=1') },
  { args: n('set', 'selector', 'svc/s1', 'a!=b') },
  { args: n('set', 'selector', 'svc/s1', 'app=q', '--dry-run=client', '-o', 'name') },
  { args: ['set', 'selector', '--local', '-f', 'svc.yaml', 'app=web', '-o', 'yaml'] },
];

export const EXPOSE_CASES: WorkloadCase[] = [
  { args: n('expose', 'deploy/web', '--port=8080', '--target-port=80', '--name=web-svc'), undo: [n('delete', 'svc', 'web-svc')] },
  { args: n('expose', 'deploy/web', '--name=multi', '--dry-run=client', '-o', 'yaml'), name: 'expose with ports and protocols read from the deployment' },
  { args: n('expose', 'deploy', 'web', '--port=80', '--dry-run=client', '-o', 'yaml') },
  { args: n('expose', 'deploy/web', '--port=80', '--target-port=8080', '--name=web2', '--type=NodePort', '--protocol=UDP', '-l', 'a=b,c=d', '--external-ip=1.2.3.4', '--session-affinity=ClientIP', '--dry-run=client', '-o', 'json') },
  { args: n('expose', 'deploy/web', '--port=80', '--type=LoadBalancer', '--load-balancer-ip=1.1.1.1', '--cluster-ip=None', '--dry-run=client', '-o', 'yaml') },
  { args: n('expose', 'deploy/web', '--port=80,443', '--selector=app=web', '--dry-run=client', '-o', 'yaml') },
  { args: n('expose', 'pod/pod1', '--dry-run=client', '-o', 'yaml') },
  { args: n('expose', 'pod/pod1', '--name=p2', '--dry-run=server') },
  { args: n('expose', 'svc/s1', '--name=s2', '--dry-run=client', '-o', 'yaml') },
  { args: n('expose', 'deploy/web', '--port=80', '--overrides={"spec":{"type":"NodePort"}}', '--dry-run=client', '-o', 'yaml') },
  { args: n('expose', 'pod/bare', '--port=1') },
  { args: n('expose', 'svc/s1') },
  { args: ['expose', 'node', 'node01'] },
  { args: n('expose', 'cm/one', '--port=1') },
  { args: n('expose', 'deploy') },
  { args: n('expose') },
  { args: n('expose', 'deploy/web', '--port=80', '--session-affinity=bad') },
  { args: n('expose', 'deploy/web', '--port=abc') },
  { args: n('expose', 'deploy/web', '--port=80', '--selector=x') },
  { args: n('expose', 'deploy/nope', '--port=80') },
  { args: n('expose', 'svc/s1', '--port=80'), name: 'expose a service under its own name (already exists)' },
];

export const AUTOSCALE_CASES: WorkloadCase[] = [
  { args: n('autoscale', 'deploy/web', '--max=5'), undo: [n('delete', 'hpa', 'web')] },
  { args: n('autoscale', 'deploy', 'web', '--min=2', '--max=5', '--cpu-percent=80', '--name=hpa1', '-o', 'yaml'), undo: [n('delete', 'hpa', 'hpa1')] },
  { args: n('autoscale', 'deploy/web', '--max=5'), before: [n('autoscale', 'deploy/web', '--max=3')], undo: [n('delete', 'hpa', 'web')], name: 'autoscale when the HPA exists' },
  { args: n('autoscale', 'deploy/web', '--max=5', '--dry-run=client', '-o', 'yaml') },
  { args: n('autoscale', 'deploy/web', '--min=2', '--max=5', '--cpu-percent=80', '--name=hpa1', '--dry-run=client', '-o', 'json') },
  { args: n('autoscale', 'deploy/web', '--max=5', '--dry-run=server') },
  { args: n('autoscale', 'deploy/web', '--max=3', '--dry-run=client') },
  { args: n('autoscale', 'pod/pod1', '--max=2') },
  { args: n('autoscale', 'svc/s1', '--max=2') },
  { args: n('autoscale', 'deploy/nope', '--max=2') },
  { args: n('autoscale', 'deploy/web') },
  { args: n('autoscale', 'deploy/web', '--max=1', '--min=3') },
  { args: n('autoscale', 'deploy/web', '--max=0') },
  { args: n('autoscale', 'deploy', '--max=3') },
  { args: n('autoscale', '--max=3') },
];
