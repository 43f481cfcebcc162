// crictl's streaming commands end to end: our crictl (bin/crictl) against node01's runtime socket
// of a running cluster; Exec, Attach and PortForward answer URLs of the node's streaming server
// (containerd's, on 127.0.0.1 and a port of its own), which runs the session beside the
// container's process. Expected texts are crictl 1.32.0's (cmd/crictl/exec.go, attach.go,
// portforward.go; client-go v0.32 remotecommand and portforward) against containerd 2.0.0
// (internal/cri/server, k8s.io/kubelet/pkg/cri/streaming).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, run, useCluster } from '../support/cluster.js';

const ROOT = resolve(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/crictl.cjs'));

const MANIFEST = `apiVersion: v1
kind: Pod
metadata: {name: box, namespace: cri-stream}
spec:
  nodeName: node01
  containers: [{name: box, image: busybox, command: [sh, -c, 'sleep 3600']}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: cri-stream}
spec:
  nodeName: node01
  containers: [{name: web, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: shell, namespace: cri-stream}
spec:
  nodeName: node01
  restartPolicy: Never
  containers: [{name: shell, image: busybox, command: [sh], stdin: true}]
`;

const OCI = (what: string) =>
  new RegExp(`^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: ${what}: unknown$`);

describe.skipIf(!hasRealKubectl || !built)('crictl exec, attach and port-forward on a node', () => {
  const c = useCluster();
  const nodeRoot = () => join(c.env.KUBEDOJO_HOME!, c.name, 'nodes', 'node01');
  const env = () => ({ ...c.env, KUBEDOJO_NODE_ROOT: nodeRoot() });
  const crictl = (args: string[], stdin?: string) => run(process.execPath, [join(ROOT, 'bin/crictl'), ...args], env(), stdin === undefined ? {} : { stdin });
  const containerId = async (pod: string) =>
    (await c.kubectl(['-n', 'cri-stream', 'get', 'pod', pod, '-o', 'jsonpath={.status.containerStatuses[0].containerID}'])).stdout.replace('containerd://', '');
  /** logrus' fatal line (stderr is no terminal): its message. */
  const fatal = (stderr: string) => JSON.parse(/level=fatal msg=("(?:[^"\\]|\\.)*")/.exec(stderr)?.[1] ?? '""') as string;
  let box = '';

  beforeAll(async () => {
    expect((await c.kubectl(['create', 'namespace', 'cri-stream'])).code).toBe(0);
    await eventually(c, ['-n', 'cri-stream', 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
    const applied = await c.kubectl(['apply', '-f', '-'], { stdin: MANIFEST });
    expect(applied.stderr).toBe('');
    for (const pod of ['box', 'web', 'shell']) {
      await eventually(c, ['-n', 'cri-stream', 'get', 'pod', pod, '-o', 'jsonpath={.status.phase}'], (p) => p === 'Running', 60_000);
    }
    box = await containerId('box');
  }, 120_000);

  it('runs a command and keeps stdout and stderr apart', async () => {
    // crictl exec <id> sh -c 'echo out; echo err >&2'
    expect(await crictl(['exec', box, 'sh', '-c', 'echo out; echo err >&2'])).toEqual({ code: 0, stdout: 'out\n', stderr: 'err\n' });
    expect(await crictl(['exec', box.slice(0, 13), 'hostname'])).toEqual({ code: 0, stdout: 'box\n', stderr: '' });
  });

  it('ends with an aggregate line and exit 1 when the command exits non-zero', async () => {
    expect(await crictl(['exec', box, 'sh', '-c', 'echo partial; exit 3'])).toEqual({
      code: 1, stdout: 'partial\n', stderr: `execing command in container ${box}: command terminated with exit code 3\n`,
    });
  });

  it('feeds stdin with -i', async () => {
    expect(await crictl(['exec', '-i', box, 'sh'], 'X=1\necho "x=$X"\ncat /etc/hostname\n')).toEqual({ code: 0, stdout: 'x=1\nbox\n', stderr: '' });
    expect(await crictl(['exec', '-i', box, 'wc', '-l'], 'a\nb\nc\n')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\s*3\n$/) });
  });

  it('runs in every container a filter selects', async () => {
    expect(await crictl(['exec', '--name', '^box$', 'echo', 'hi'])).toEqual({ code: 0, stdout: `${box}:\nhi\n`, stderr: '' });
  });

  it('reports the runtime\'s failures', async () => {
    const missing = await crictl(['exec', box, 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.replace(`execing command in container ${box}: `, '').trimEnd()).toMatch(OCI('exec: "nope": executable file not found in \\$PATH'));
    expect(await crictl(['exec', 'feedface', 'ls'])).toEqual({
      code: 1, stdout: '', stderr: 'execing command in container feedface: rpc error: code = NotFound desc = failed to find container "feedface" in store: not found\n',
    });
  });

  it('needs a terminal for -it, and -i for -t', async () => {
    expect(await crictl(['exec', '-it', box, 'sh'])).toEqual({ code: 1, stdout: '', stderr: `execing command in container ${box}: input is not a terminal\n` });
    expect(await crictl(['exec', '-t', box, 'sh'])).toEqual({ code: 1, stdout: '', stderr: `execing command in container ${box}: tty=true must be specified with interactive=true\n` });
  });

  it('--transport websocket offers v5.channel.k8s.io, which containerd\'s streaming server refuses', async () => {
    expect(await crictl(['exec', '--transport', 'websocket', box, 'ls'])).toEqual({
      code: 1, stdout: '', stderr: `execing command in container ${box}: unable to upgrade streaming request: websocket: bad handshake (403 Forbidden)\n`,
    });
  });

  it('attaches to a container\'s process: stdin to its shell, its output back, until it exits', async () => {
    const id = await containerId('shell');
    expect(await crictl(['attach', '-i', id], 'echo attached-$((6*7))\nexit 0\n')).toEqual({ code: 0, stdout: 'attached-42\n', stderr: '' });
    await eventually(c, ['-n', 'cri-stream', 'get', 'pod', 'shell', '-o', 'jsonpath={.status.phase}'], (p) => p === 'Succeeded', 30_000);
    const again = await crictl(['attach', id]);
    expect(again.code).toBe(1);
    expect(fatal(again.stderr)).toBe('attaching running container failed: rpc error: code = Unknown desc = container is in CONTAINER_EXITED state');
  });

  /** `crictl port-forward <web pod> :remote`, once it says where it listens. */
  async function portForward(remote: number) {
    const pod = (await crictl(['pods', '--namespace', 'cri-stream', '--name', 'web', '-q'])).stdout.trim();
    const child = spawn(process.execPath, [join(ROOT, 'bin/crictl'), 'port-forward', pod, `:${remote}`], { env: env(), cwd: c.home });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const exited = new Promise<number | null>((r) => child.once('close', r));
    await until(() => new RegExp(`Forwarding from \\[::1\\]:\\d+ -> ${remote}\\n`).test(out)).catch((e: unknown) => {
      child.kill('SIGKILL');
      throw e;
    });
    const port = Number(new RegExp(`^Forwarding from 127\\.0\\.0\\.1:(\\d+) -> ${remote}\\n`).exec(out)?.[1]);
    return { pod, child, out: () => out, err: () => err, exited, port };
  }

  it('forwards a local port to the pod\'s port 80 until interrupted', async () => {
    const { child, out, err, exited, port } = await portForward(80);
    try {
      expect(out()).toBe(`Forwarding from 127.0.0.1:${port} -> 80\nForwarding from [::1]:${port} -> 80\n`);
      expect(await httpGet(port)).toContain('<title>Welcome to nginx!</title>');
      await until(() => out().includes(`Handling connection for ${port}\n`));
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(err()).toBe('');
  });

  it('loses the connection when nothing listens on the pod\'s port', async () => {
    const { pod, child, err: stderr, exited, port } = await portForward(81);
    try {
      await expect(httpGet(port)).rejects.toThrow();
      expect(await exited).toBe(1);
      const netns = `/var/run/netns/cni-${pod.slice(0, 8)}`;
      const dial = (v: string, a: string) => `dial ${v} ${a}:81: connect: connection refused`;
      const why = `error forwarding port 81 to pod ${pod}, uid : failed to execute portforward in network namespace "${netns}": failed to connect to localhost:81 inside namespace "${pod}", IPv4: ${dial('tcp4', '127.0.0.1')} IPv6 ${dial('tcp6', '[::1]')} `;
      const err = stderr();
      expect(err).toContain(`portforward.go:424] "Unhandled Error" err=${JSON.stringify(`an error occurred forwarding ${port} -> 81: ${why}`)}\n`);
      expect(fatal(err)).toBe('port forward: lost connection to pod');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('port-forward refuses what containerd refuses', async () => {
    expect(fatal((await crictl(['port-forward', 'feedface', '8080:80'])).stderr)).toBe('port forward: rpc error: code = NotFound desc = failed to find sandbox "feedface": not found');
    const pod = (await crictl(['pods', '--namespace', 'cri-stream', '--name', 'web', '-q'])).stdout.trim();
    const ws = await crictl(['port-forward', '--transport', 'websocket', pod, '8080:80']);
    expect([ws.code, fatal(ws.stderr)]).toEqual([1, 'port forward: error upgrading connection: unable to upgrade streaming request: websocket: bad handshake (403 Forbidden)']);
  });
});

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function httpGet(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
