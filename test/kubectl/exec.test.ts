// `kubectl exec` and `kubectl attach`: ours against the real kubectl on one live cluster — the
// session itself (output, stdin, exit codes), the pod and container choice, and every refusal.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';
import { runOurs } from './in-process.js';

const c = useCluster();

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {MODE: fast}
---
apiVersion: v1
kind: Secret
metadata: {name: sec}
stringData: {PASSWORD: s3cret}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  volumes: [{name: shared, emptyDir: {}}]
  containers:
  - name: main
    image: busybox
    command: [sh, -c, 'echo hello > /shared/file; sleep 3600']
    env:
    - {name: PASSWORD, valueFrom: {secretKeyRef: {name: sec, key: PASSWORD}}}
    envFrom: [{configMapRef: {name: cfg}}]
    volumeMounts: [{name: shared, mountPath: /shared}]
  - name: sidecar
    image: busybox
    command: [sh, -c, 'sleep 3600']
    volumeMounts: [{name: shared, mountPath: /data}]
---
apiVersion: v1
kind: Pod
metadata: {name: solo, annotations: {kubectl.kubernetes.io/default-container: second}}
spec:
  containers:
  - {name: first, image: busybox, command: [sleep, '3600']}
  - {name: second, image: busybox, command: [sleep, '3600']}
---
apiVersion: v1
kind: Pod
metadata: {name: pend}
spec:
  containers: [{name: pend, image: nosuch/image:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: unsched}
spec:
  nodeSelector: {nowhere: 'true'}
  containers: [{name: app, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  restartPolicy: Never
  containers: [{name: app, image: busybox, command: [sh, -c, 'echo bye']}]
---
apiVersion: v1
kind: Service
metadata: {name: websvc}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

const CASES: Case[] = [
  { args: ['exec', 'web', '--', 'env'] },
  { args: ['exec', 'web', '-c', 'main', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'] },
  { args: ['exec', '-i', 'web', '-c', 'main', '--', 'sh'], stdin: 'X=1\necho "x=$X"\ncd /tmp\npwd\nexit 4\n' },
  { args: ['exec', '-i', 'web', '-c', 'main', '--', 'sh', '-c', 'tr a-z A-Z'], stdin: 'shout\n' },
  { args: ['exec', 'web', '-c', 'sidecar', '--', 'cat', '/data/file'] },
  { args: ['exec', '-q', 'web', '--', 'hostname'] },
  { args: ['exec', '-it', 'web', '-c', 'main', '--', 'echo', 'no tty'] },
  { args: ['exec', '-t', 'web', '-c', 'main', '--', 'echo', 'tty without stdin'] },
  { args: ['exec', '-q', '-it', 'web', '-c', 'main', '--', 'true'] },
  { args: ['exec', 'solo', '--', 'hostname'] },
  { args: ['exec', 'svc/websvc', '--', 'printenv', 'MODE'] },
  { args: ['exec', 'pod/web', '-c', 'main', '--', 'sh', '-c', 'exit 0'] },
  { args: ['exec', 'pend', '--', 'ls'] },
  { args: ['exec', 'unsched', '--', 'ls'] },
  { args: ['exec', 'done', '--', 'ls'] },
  { args: ['exec', 'web', '-c', 'nope', '--', 'ls'] },
  { args: ['exec', 'nosuch', '--', 'ls'] },
  { args: ['exec', 'deploy/nosuch', '--', 'ls'] },
  { args: ['exec', 'cm/cfg', '--', 'ls'] },
  { args: ['exec', 'svc/kubernetes', '--', 'ls'] },
  { args: ['exec', 'web'] },
  { args: ['exec'] },
  { args: ['exec', 'web', 'ls'] },
  { args: ['exec', 'web', '--pod-running-timeout=0', '--', 'ls'] },
  // -f: the file's object as it is (not fetched), a workload's or Service's by its selector
  { args: ['exec', '-f', '-', '--', 'hostname'], stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: solo}\nspec:\n  containers: [{name: solo, image: busybox}]\n' },
  { args: ['exec', '-f', '-', '--', 'printenv', 'MODE'], stdin: 'apiVersion: v1\nkind: Service\nmetadata: {name: websvc}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n' },
  { args: ['exec', '-f', '-', '--', 'ls'], stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n' },
  { args: ['exec', '-n', 'kube-system', '-f', '-', '--', 'ls'], stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: default}\n' },
  { args: ['exec', 'web', '-f', '-', '--', 'ls'], stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n' },
  { args: ['exec', '-f', '/nonexistent.yaml', '--', 'ls'] },
  { args: ['--as=bob', 'exec', 'web', '-c', 'main', '--', 'ls'] },
  { args: ['--as=carol', 'exec', 'web', '-c', 'main', '--', 'echo', 'carol may'] },
  { args: ['attach', 'done'] },
  { args: ['attach'] },
  { args: ['attach', 'a', 'b', 'c'] },
  { args: ['attach', 'web', '-c', 'nope'] },
  { args: ['attach', 'nosuch'] },
  { args: ['attach', 'web', '--pod-running-timeout=0'] },
];

describe.skipIf(!hasRealKubectl)('kubectl exec and attach: ours and the real one', () => {
  beforeAll(async () => {
    expect((await c.kubectl(['apply', '-f', '-'], { stdin: MANIFEST })).code).toBe(0);
    for (const [role, resource] of [['get-pods', 'pods'], ['get-exec', 'pods,pods/exec']]) {
      expect((await c.kubectl(['create', 'role', role!, '--verb=get', `--resource=${resource!}`])).code).toBe(0);
    }
    expect((await c.kubectl(['create', 'rolebinding', 'bob', '--role=get-pods', '--user=bob'])).code).toBe(0);
    expect((await c.kubectl(['create', 'rolebinding', 'carol', '--role=get-exec', '--user=carol'])).code).toBe(0);
    for (const p of ['web', 'solo']) expect((await c.kubectl(['wait', '--for=condition=Ready', `pod/${p}`, '--timeout=60s'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'done', '-o', 'jsonpath={.status.phase}'], (p) => p === 'Succeeded', 40_000);
    await eventually(c, ['get', 'pod', 'pend', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.reason}'], (r) => /ErrImagePull|ImagePullBackOff/.test(r), 40_000);
  }, 120_000);

  it.each(CASES.map((k) => [k.args.join(' '), k] as const))('%s', async (_name, k) => {
    await expectSame(c, k);
  });

  it('words a missing executable the same (the exec ids differ)', async () => {
    const args = ['exec', 'web', '-c', 'main', '--', 'foo'];
    const ids = (s: string) => s.replace(/"[0-9a-f]{64}"/g, '"<id>"');
    const real = await c.kubectl(args);
    const ours = await runOurs(args, c.env);
    expect({ ...ours, stderr: ids(ours.stderr) }).toEqual({ ...real, stderr: ids(real.stderr) });
    expect(real.stderr).toContain('exec: "foo": executable file not found in $PATH: unknown');
  });

  it('attaches to what a container writes from then on', async () => {
    const script = 'sleep 3; for i in 1 2; do echo tick $i; echo warn $i >&2; sleep 1; done';
    for (const name of ['tick-real', 'tick-ours']) {
      expect((await c.kubectl(['run', name, '--image=busybox', '--restart=Never', '--', 'sh', '-c', script])).code).toBe(0);
    }
    for (const name of ['tick-real', 'tick-ours']) await eventually(c, ['get', 'pod', name, '-o', 'jsonpath={.status.phase}'], (p) => p === 'Running');
    const [real, ours] = await Promise.all([c.kubectl(['attach', 'tick-real']), runOurs(['attach', 'tick-ours'], c.env)]);
    expect(real).toEqual({ code: 0, stdout: 'tick 1\ntick 2\n', stderr: "If you don't see a command prompt, try pressing enter.\nwarn 1\nwarn 2\n" });
    expect(ours).toEqual(real);
  });
});
