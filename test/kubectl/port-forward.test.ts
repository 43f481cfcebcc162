// `kubectl port-forward` end to end, the real kubectl v1.32.4 and ours against one daemon: the
// WebSocket tunnel (SPDY/3.1+portforward.k8s.io) and the plain SPDY/3.1 upgrade through the
// apiserver's pods/portforward to the node's kubelet, whose sandbox network answers on the
// container's port. Each command runs as a child process on a local port chosen at run time; the
// test waits for its `Forwarding from` lines, talks HTTP through it with node's http, then stops
// it with SIGINT. Expected texts are kubectl 1.32's (client-go portforward.go, kubectl's
// cmd/portforward) and containerd 1.7's (sandbox_portforward_linux.go) wording.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, REAL_KUBECTL, useCluster } from '../support/cluster.js';

const c = useCluster();
const ROOT = resolve(import.meta.dirname, '../..');

const MANIFEST = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: nginx, image: nginx, ports: [{name: http, containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: site, port: 8000, targetPort: http}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: front}
spec:
  replicas: 1
  selector: {matchLabels: {app: front}}
  template:
    metadata: {labels: {app: front}}
    spec:
      containers: [{name: nginx, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers: [{name: box, image: busybox, command: [sleep, '3600']}]
---
apiVersion: v1
kind: Pod
metadata: {name: pend}
spec:
  containers: [{name: pend, image: nosuch/image:1}]
`;

/** nginx's default index.html (1.21+), 615 bytes. */
const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

type Which = 'real' | 'ours';

interface Forward {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number>;
  /** SIGINT, then the exit code. */
  stop(): Promise<number>;
}

function startForward(which: Which, args: string[], env: NodeJS.ProcessEnv = {}): Forward {
  const [cmd, pre] = which === 'real' ? [REAL_KUBECTL, []] : [process.execPath, [join(ROOT, 'bin/kubectl')]];
  const child = spawn(cmd, [...pre, 'port-forward', ...args], { env: { ...c.env, ...env }, cwd: c.home, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number>((res) => child.on('close', (code, signal) => res(code ?? (signal ? -1 : 0))));
  const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
  void exited.then(() => clearTimeout(kill));
  return { child, stdout: () => out, stderr: () => err, exited, stop: () => (child.kill('SIGINT'), exited) };
}

async function until(check: () => boolean, what: () => string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port free on both 127.0.0.1 and ::1 right now. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((res, rej) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => res(p));
      });
      s.on('error', rej);
    });
    const free6 = await new Promise<boolean>((res) => {
      const s = createServer().listen({ port, host: '::1', ipv6Only: true }, () => s.close(() => res(true)));
      s.on('error', () => res(false));
    });
    if (free6) return port;
  }
}

interface Got { status: number; headers: IncomingHttpHeaders; body: string }

function get(port: number, opts: { host?: string; path?: string; agent?: Agent } = {}): Promise<Got> {
  return new Promise((res, rej) => {
    const req = request({ host: opts.host ?? '127.0.0.1', port, path: opts.path ?? '/', agent: opts.agent ?? false, headers: { 'User-Agent': 'pf-test/1.0' } }, (r) => {
      let body = '';
      r.setEncoding('utf8');
      r.on('data', (d) => (body += d));
      r.on('end', () => res({ status: r.statusCode ?? 0, headers: r.headers, body }));
    });
    req.on('error', rej);
    req.end();
  });
}

const forwarding = (port: number, remote: number) => `Forwarding from 127.0.0.1:${port} -> ${remote}\nForwarding from [::1]:${port} -> ${remote}\n`;

/** nginx's access log line for a GET through port-forward: the client is localhost in the pod's namespace. */
const ACCESS = (path: string, status: number, bytes: number) =>
  new RegExp(`^127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\] "GET ${path} HTTP/1\\.1" ${status} ${bytes} "-" "pf-test/1\\.0" "-"$`);

const accessLines = async (pod: string) => (await c.kubectl(['logs', pod])).stdout.split('\n').filter((l) => l.includes('pf-test/1.0'));

describe.skipIf(!hasRealKubectl)('kubectl port-forward', () => {
  beforeAll(async () => {
    expect((await c.kubectl(['apply', '-f', '-'], { stdin: MANIFEST })).code).toBe(0);
    expect((await c.kubectl(['create', 'role', 'get-pods', '--verb=get,list', '--resource=pods'])).code).toBe(0);
    expect((await c.kubectl(['create', 'rolebinding', 'bob', '--role=get-pods', '--user=bob'])).code).toBe(0);
    expect((await c.kubectl(['wait', '--for=condition=Ready', 'pod/web', 'pod/box', '--timeout=60s'])).code).toBe(0);
    expect((await c.kubectl(['rollout', 'status', 'deploy/front', '--timeout=60s'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'pend', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.reason}'], (r) => /ErrImagePull|ImagePullBackOff/.test(r), 40_000);
  }, 120_000);

  // The real kubectl first, then ours: both the WebSocket tunnel and, with
  // KUBECTL_PORT_FORWARD_WEBSOCKETS=false, the plain SPDY upgrade.
  describe.each<[Which, string]>([['real', 'true'], ['real', 'false'], ['ours', 'true'], ['ours', 'false']])('%s kubectl (websockets %s)', (which, ws) => {
    const env = { KUBECTL_PORT_FORWARD_WEBSOCKETS: ws };

    it('forwards a local port to nginx in the pod: its welcome page, its access log line from 127.0.0.1', async () => {
      const port = await freePort();
      const pf = startForward(which, ['pod/web', `${port}:80`], env);
      await until(() => pf.stdout().split('\n').length > 2, () => pf.stdout() + pf.stderr());
      expect(pf.stdout()).toBe(forwarding(port, 80));
      const before = (await accessLines('web')).length;
      const one = await get(port);
      expect(one.status).toBe(200);
      expect(one.body).toBe(NGINX_PAGE);
      expect(one.headers).toMatchObject({ 'content-type': 'text/html', 'content-length': '615', connection: 'close', 'accept-ranges': 'bytes' });
      expect(one.headers.server).toMatch(/^nginx\/\d+\.\d+\.\d+$/);
      // Over IPv6 and on a kept-alive connection: two requests, one forwarded connection.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const two = await get(port, { host: '::1', agent });
      const three = await get(port, { host: '::1', path: '/nope', agent });
      agent.destroy();
      expect([two.status, two.headers.connection, three.status]).toEqual([200, 'keep-alive', 404]);
      await until(() => (pf.stdout().match(/Handling connection/g) ?? []).length === 2, () => pf.stdout());
      expect(pf.stdout()).toBe(forwarding(port, 80) + `Handling connection for ${port}\n`.repeat(2));
      const lines = (await accessLines('web')).slice(before);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(ACCESS('/', 200, 615));
      expect(lines[1]).toMatch(ACCESS('/', 200, 615));
      expect(lines[2]).toMatch(ACCESS('/nope', 404, 153));
      expect(await pf.stop()).toBe(0);
      expect(pf.stderr()).toBe('');
    }, 60_000);

    it('logs the tunnel\'s upgrade at -v=4 (the WebSocket dialer only)', async () => {
      const port = await freePort();
      const pf = startForward(which, ['pod/web', `${port}:80`, '-v=4'], env);
      await until(() => pf.stdout().split('\n').length > 2, () => pf.stdout() + pf.stderr());
      expect(await pf.stop()).toBe(0);
      // On SIGINT the tunnel's reader may or may not see the close before the process ends, so
      // tunneling_connection.go:67's V4 "NextReader() error" line is racy in the real kubectl.
      const lines = pf.stderr().split('\n').filter(Boolean).map((l) => l.replace(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /, ''))
        .filter((l) => !/^tunneling_connection\.go:67\] [^:]+:tunneling connection NextReader\(\) error: /.test(l));
      expect(lines).toEqual(ws === 'true' ? ['tunneling_dialer.go:75] Before WebSocket Upgrade Connection...', 'tunneling_dialer.go:85] negotiated protocol: portforward.k8s.io'] : []);
    }, 60_000);

    it('maps a Service port name to the target port, and a workload to its pod; `:N` takes a random port', async () => {
      const port = await freePort();
      const svc = startForward(which, ['svc/web', `${port}:site`], env);
      const deploy = startForward(which, ['deploy/front', ':80'], env);
      await until(() => svc.stdout().includes('[::1]') && deploy.stdout().includes('[::1]'), () => svc.stdout() + svc.stderr() + deploy.stdout() + deploy.stderr());
      expect(svc.stdout()).toBe(forwarding(port, 80));
      const random = Number(/127\.0\.0\.1:(\d+)/.exec(deploy.stdout())?.[1]);
      expect(deploy.stdout()).toBe(forwarding(random, 80));
      expect((await get(port)).body).toBe(NGINX_PAGE);
      expect((await get(random)).body).toBe(NGINX_PAGE);
      expect(await svc.stop()).toBe(0);
      expect(await deploy.stop()).toBe(0);
    }, 60_000);

    it('reports a port nothing listens on as containerd does, on the error stream, and ends', async () => {
      const port = await freePort();
      const pf = startForward(which, ['box', `${port}:8080`], env);
      await until(() => pf.stdout().includes('[::1]'), () => pf.stdout() + pf.stderr());
      await expect(get(port)).rejects.toThrow();
      expect(await pf.exited).toBe(1);
      expect(pf.stdout()).toBe(forwarding(port, 8080) + `Handling connection for ${port}\n`);
      const id = '([0-9a-f]{64})';
      const want = `^E\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} +\\d+ portforward\\.go:424\\] "Unhandled Error" err="an error occurred forwarding ${port} -> 8080: ` +
        `error forwarding port 8080 to pod ${id}, uid : failed to execute portforward in network namespace \\\\"/var/run/netns/cni-[0-9a-f]{8}\\\\": ` +
        `failed to connect to localhost:8080 inside namespace \\\\"\\1\\\\", IPv4: dial tcp4 127\\.0\\.0\\.1:8080: connect: connection refused ` +
        `IPv6 dial tcp6 \\[::1\\]:8080: connect: connection refused "\\nerror: lost connection to pod\\n$`;
      expect(pf.stderr()).toMatch(new RegExp(want));
    }, 60_000);
  });

  /** Runs a port-forward that ends by itself; ours must print what the real one prints. */
  async function both(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const real = startForward('real', args);
    const ours = startForward('ours', args);
    const [rc, oc] = await Promise.all([real.exited, ours.exited]);
    expect({ code: oc, stdout: ours.stdout(), stderr: ours.stderr() }).toEqual({ code: rc, stdout: real.stdout(), stderr: real.stderr() });
    return { code: rc, stdout: real.stdout(), stderr: real.stderr() };
  }

  it.each<[string[], string]>([
    [['pend', '18080:80'], 'error: unable to forward port because pod is not running. Current status=Pending\n'],
    [['pod/web'], "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n"],
    [['pod/nope', '80'], 'Error from server (NotFound): pods "nope" not found\n'],
    [['svc/web', '18080:nope'], "error: Service 'web' does not have a named port 'nope'\n"],
    [['svc/web', '18080:9999'], 'error: Service web does not have a service port 9999\n'],
    [['pod/web', '18080:nope'], "error: Pod 'web' does not have a named port 'nope'\n"],
    [['pod/web', 'abc:80'], 'error: error parsing local port \'abc\': strconv.ParseUint: parsing "abc": invalid syntax\n'],
    [['pod/web', '80:0'], 'error: remote port must be > 0\n'],
    [['--address', '1.2.3.x', 'pod/web', '80'], 'error: 1.2.3.x is not a valid IP\n'],
    [['--pod-running-timeout=0', 'pod/web', '80'], "error: --pod-running-timeout must be higher than zero\nSee 'kubectl port-forward -h' for help and examples\n"],
    [['configmap/kube-root-ca.crt', '80'], 'error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n'],
    // The WebSocket (GET: get pods/portforward) is refused, then the SPDY upgrade (POST: create pods/portforward).
    [['--as', 'bob', 'pod/web', '18080:80'], 'error: error upgrading connection: pods "web" is forbidden: User "bob" cannot create resource "pods/portforward" in API group "" in the namespace "default"\n'],
  ])('fails before forwarding: %j', async (args, stderr) => {
    expect(await both(args)).toEqual({ code: 1, stdout: '', stderr });
  }, 30_000);

  it('fails when every listener fails (the port is taken), with the same words', async () => {
    const port = await freePort();
    const holder = startForward('real', ['pod/web', `${port}:80`]);
    await until(() => holder.stdout().includes('[::1]'), () => holder.stdout() + holder.stderr());
    const r = await both(['pod/web', `${port}:80`]);
    expect(r.stderr).toBe(`Unable to listen on port ${port}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${port}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${port}: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{${port} 80}]\n`);
    expect(await holder.stop()).toBe(0);
  }, 60_000);
});
