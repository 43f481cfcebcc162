// `kubectl exec` and `kubectl attach` end to end: the real kubectl v1.32.4 against a real daemon,
// through the apiserver's pods/exec and pods/attach (WebSocket v5.channel.k8s.io, with the SPDY
// fallback for refused upgrades) to the node's kubelet, which runs the command beside the
// container's process. The expected texts are what a kubeadm 1.32 cluster on containerd answers
// (kube-apiserver's stream translator, the kubelet's and containerd's wording).
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';

const c = useCluster();

const EXEC_MANIFEST = `apiVersion: v1
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
metadata: {name: web}
spec:
  volumes: [{name: shared, emptyDir: {}}]
  containers:
  - name: main
    image: busybox
    command: [sh, -c, 'echo hello > /shared/file; sleep 3600']
    env:
    - {name: GREETING, value: hi}
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
`;

const OCI = (what: string) => new RegExp(`^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: ${what}: unknown\\n$`);

describe.skipIf(!hasRealKubectl)('kubectl exec (the real kubectl)', () => {
  beforeAll(async () => {
    expect((await c.kubectl(['apply', '-f', '-'], { stdin: EXEC_MANIFEST })).code).toBe(0);
    expect((await c.kubectl(['create', 'role', 'get-pods', '--verb=get', '--resource=pods'])).code).toBe(0);
    expect((await c.kubectl(['create', 'rolebinding', 'bob', '--role=get-pods', '--user=bob'])).code).toBe(0);
    expect((await c.kubectl(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'done', '-o', 'jsonpath={.status.phase}'], (p) => p === 'Succeeded', 40_000);
    await eventually(c, ['get', 'pod', 'pend', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.reason}'], (r) => /ErrImagePull|ImagePullBackOff/.test(r), 40_000);
  }, 120_000);

  it('gives the command the container environment: configMap and secret values too', async () => {
    expect(await c.kubectl(['exec', 'web', '--', 'env'])).toEqual({
      code: 0,
      stdout: 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=web\nMODE=fast\nGREETING=hi\nPASSWORD=s3cret\nHOME=/root\n',
      stderr: 'Defaulted container "main" out of: main, sidecar\n',
    });
  });

  it('keeps stdout and stderr apart and passes the exit code through', async () => {
    expect(await c.kubectl(['exec', 'web', '-c', 'main', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'])).toEqual({
      code: 3, stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 3\n',
    });
  });

  it('feeds stdin to a shell reading its commands (-i), which keeps its state between them', async () => {
    const script = 'X=1\necho "x=$X"\ncd /tmp\npwd\necho piped > f; cat /tmp/f\nexit 4\necho never\n';
    expect(await c.kubectl(['exec', '-i', 'web', '-c', 'main', '--', 'sh'], { stdin: script })).toEqual({
      code: 4, stdout: 'x=1\n/tmp\npiped\n', stderr: 'command terminated with exit code 4\n',
    });
  });

  it('reads, in the sidecar, the emptyDir file the main container wrote', async () => {
    expect(await c.kubectl(['exec', 'web', '-c', 'sidecar', '--', 'cat', '/data/file'])).toEqual({ code: 0, stdout: 'hello\n', stderr: '' });
  });

  it('lets kubectl cp copy out of and into a container (tar through exec)', async () => {
    // kubectl cp hands the remote tar's stderr to its own stdout
    expect(await c.kubectl(['cp', '-c', 'sidecar', 'web:/data/file', 'copied'])).toEqual({ code: 0, stdout: "tar: removing leading '/' from member names\n", stderr: '' });
    expect(readFileSync(join(c.home, 'copied'), 'utf8')).toBe('hello\n');
    c.file('up.txt', 'from here\n');
    expect(await c.kubectl(['cp', 'up.txt', 'web:/tmp/up.txt', '-c', 'main'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await c.kubectl(['exec', 'web', '-c', 'main', '--', 'cat', '/tmp/up.txt'])).stdout).toBe('from here\n');
  });

  it('reports an executable the image lacks as containerd and runc do', async () => {
    const r = await c.kubectl(['exec', 'web', '-c', 'main', '--', 'foo', '-x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(OCI('exec: "foo": executable file not found in \\$PATH'));
    expect((await c.kubectl(['exec', 'web', '-c', 'main', '--', '/bin/bash'])).stderr).toMatch(OCI('exec: "/bin/bash": stat /bin/bash: no such file or directory'));
  });

  it('fails on pods whose container does not run', async () => {
    // kubectl exec pend -- ls   (ErrImagePull: the kubelet finds no running container)
    expect(await c.kubectl(['exec', 'pend', '--', 'ls'])).toEqual({ code: 1, stdout: '', stderr: 'error: Internal error occurred: unable to upgrade connection: container not found ("pend")\n' });
    expect(await c.kubectl(['exec', 'unsched', '--', 'ls'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (BadRequest): pod unsched does not have a host assigned\n' });
    expect(await c.kubectl(['exec', 'done', '--', 'ls'])).toEqual({ code: 1, stdout: '', stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n' });
    expect(await c.kubectl(['exec', 'web', '-c', 'nope', '--', 'ls'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (BadRequest): container nope is not valid for pod web\n' });
  });

  it('needs pods/exec: the refused WebSocket falls back to SPDY, whose POST is a create', async () => {
    expect(await c.kubectl(['--as=bob', 'exec', 'web', '-c', 'main', '--', 'ls'])).toEqual({
      code: 1, stdout: '', stderr: 'Error from server (Forbidden): pods "web" is forbidden: User "bob" cannot create resource "pods/exec" in API group "" in the namespace "default"\n',
    });
  });

  it('attaches to the output the container writes from then on', async () => {
    const run = ['run', 'ticker', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'sleep 3; for i in 1 2; do echo tick $i; echo warn $i >&2; sleep 1; done'];
    expect((await c.kubectl(run)).code).toBe(0);
    await eventually(c, ['get', 'pod', 'ticker', '-o', 'jsonpath={.status.phase}'], (p) => p === 'Running');
    expect(await c.kubectl(['attach', 'ticker'])).toEqual({
      code: 0, stdout: 'tick 1\ntick 2\n', stderr: "If you don't see a command prompt, try pressing enter.\nwarn 1\nwarn 2\n",
    });
    await eventually(c, ['get', 'pod', 'ticker', '-o', 'jsonpath={.status.phase}'], (p) => p === 'Succeeded');
    expect(await c.kubectl(['attach', 'ticker'])).toEqual({ code: 1, stdout: '', stderr: 'error: cannot attach a container in a completed pod; current phase is Succeeded\n' });
  });
});

/** The admin credentials and server of the test cluster's kubeconfig. */
function admin(): { server: string; ca: string; cert: string; key: string } {
  const conf = readFileSync(c.env.KUBECONFIG!, 'utf8');
  const field = (k: string) => Buffer.from(new RegExp(`${k}: (\\S+)`).exec(conf)![1]!, 'base64').toString('utf8');
  return { server: /server: (\S+)/.exec(conf)![1]!, ca: field('certificate-authority-data'), cert: field('client-certificate-data'), key: field('client-key-data') };
}

/** One session over the kubelet's own protocols (what clients before v5 speak), messages as they came. */
function session(path: string, protocol: string): Promise<{ protocol: string; messages: string[] }> {
  const a = admin();
  const ws = new WebSocket(`${a.server.replace(/^https/, 'wss')}${path}`, [protocol], { ca: a.ca, cert: a.cert, key: a.key });
  const messages: string[] = [];
  return new Promise((resolve, reject) => {
    ws.on('message', (d: Buffer, binary) => messages.push(binary ? `${d[0]}:${d.subarray(1).toString()}` : d.toString()));
    ws.on('close', () => resolve({ protocol: ws.protocol, messages }));
    ws.on('error', reject);
  });
}

describe('pods/exec over the kubelet protocols and plain requests', () => {
  beforeAll(async () => {
    expect((await c.kubectl(['apply', '-f', '-'], { stdin: EXEC_MANIFEST })).code).toBe(0);
    expect((await c.kubectl(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s'])).code).toBe(0);
  }, 120_000);

  const exec = (cmd: string) => `/api/v1/namespaces/default/pods/web/exec?container=main&stdout=true&stderr=true&command=sh&command=-c&command=${encodeURIComponent(cmd)}`;

  it('v4.channel.k8s.io: the kubelet Status with the exit code on the error channel', async () => {
    expect(await session(exec('echo out; echo err >&2; exit 3'), 'v4.channel.k8s.io')).toEqual({
      protocol: 'v4.channel.k8s.io',
      messages: ['1:', '1:out\n', '2:err\n', '3:{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c echo out; echo err >&2; exit 3], exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}'],
    });
  });

  it('base64.channel.k8s.io: text frames, the error as a message', async () => {
    const r = await session(exec('echo hi; exit 2'), 'base64.channel.k8s.io');
    expect(r.messages).toEqual(['1', `1${Buffer.from('hi\n').toString('base64')}`, `3${Buffer.from('command terminated with non-zero exit code: error executing command [sh -c echo hi; exit 2], exit code 2').toString('base64')}`]);
  });

  it('a request without an upgrade is refused', async () => {
    const a = admin();
    const res = await new Promise<{ code: number; body: string }>((resolve, reject) => {
      const req = request(`${a.server}${exec('true')}`, { method: 'POST', ca: a.ca, cert: a.cert, key: a.key }, (r) => {
        let body = '';
        r.on('data', (d) => (body += d));
        r.on('end', () => resolve({ code: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.code).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Upgrade request required', reason: 'BadRequest', code: 400 });
  });
});
