// The pod network end to end: the real kubectl execs busybox's wget, nslookup and nc and nginx's
// curl inside pods of a real daemon; names resolve through the cluster DNS, connections reach an
// nginx pod through its Service (kube-proxy's rules), and nginx logs each request.
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { webApp } from '../support/manifests.js';
import { eventually, hasRealKubectl, run, useCluster } from '../support/cluster.js';

const c = useCluster();

const MANIFEST = `${webApp()}---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec:
  selector: {app: nothing}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: box, image: busybox, command: [sh, -c, 'sleep 3600']}]
`;

const INDEX_START = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>';

describe.skipIf(!hasRealKubectl)('pod network', () => {
  let svcIP = '';
  let emptyIP = '';

  beforeAll(async () => {
    const f = c.file('net.yaml', MANIFEST);
    expect((await c.kubectl(['apply', '-f', f])).code).toBe(0);
    await eventually(c, ['get', 'pods', '-A', '-o', 'wide'], (o) => (o.match(/Running/g) ?? []).length >= 1 && /client\s+1\/1\s+Running/.test(o) && /web-\S+\s+1\/1\s+Running/.test(o), 90_000);
    await eventually(c, ['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-dns'], (o) => /1\/1\s+Running/.test(o), 90_000);
    svcIP = (await c.kubectl(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}'])).stdout;
    emptyIP = (await c.kubectl(['get', 'svc', 'empty', '-o', 'jsonpath={.spec.clusterIP}'])).stdout;
    await eventually(c, ['get', 'endpointslices', '-l', 'kubernetes.io/service-name=web', '-o', 'jsonpath={.items[*].endpoints[*].conditions.ready}'], (o) => o.includes('true'), 30_000);
  }, 240_000);

  it('writes the pod resolv.conf', async () => {
    const r = await c.kubectl(['exec', 'client', '--', 'cat', '/etc/resolv.conf']);
    expect(r.stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('wget reaches nginx through the Service, which logs the request', async () => {
    const r = await c.kubectl(['exec', 'client', '--', 'wget', '-qO-', 'http://web']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(INDEX_START)).toBe(true);
    expect(Buffer.byteLength(r.stdout)).toBe(615);
    const logs = await eventually(c, ['logs', 'deploy/web'], (o) => o.includes('"GET / HTTP/1.1" 200 615 "-" "Wget" "-"'));
    expect(logs).toMatch(/^10\.244\.\d+\.\d+ - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"$/m);
  });

  it('wget reports 404s, refusals and unknown names as busybox does', async () => {
    const missing = await c.kubectl(['exec', 'client', '--', 'wget', '-qO-', 'http://web/nope']);
    expect([missing.code, missing.stderr]).toEqual([1, 'wget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n']);
    const refused = await c.kubectl(['exec', 'client', '--', 'wget', '-O-', `http://empty`]);
    expect(refused.stderr).toBe(`Connecting to empty (${emptyIP}:80)\nwget: can't connect to remote host (${emptyIP}): Connection refused\ncommand terminated with exit code 1\n`);
    const bad = await c.kubectl(['exec', 'client', '--', 'sh', '-c', 'wget -q -O /tmp/x http://nope; echo rc=$?']);
    expect([bad.stdout, bad.stderr]).toEqual(['rc=1\n', "wget: bad address 'nope'\n"]);
  });

  it('nslookup answers from the cluster DNS', async () => {
    const r = await c.kubectl(['exec', 'client', '--', 'nslookup', 'web']);
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${svcIP}\n\n`);
    const nx = await c.kubectl(['exec', 'client', '--', 'nslookup', 'nope.default.svc.cluster.local']);
    expect(nx.code).toBe(1);
    expect(nx.stdout).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN\n");
  });

  it('nc -zv checks ports', async () => {
    const open = await c.kubectl(['exec', 'client', '--', 'nc', '-zv', 'web', '80']);
    expect([open.code, open.stderr]).toEqual([0, `web (${svcIP}:80) open\n`]);
    const shut = await c.kubectl(['exec', 'client', '--', 'nc', '-zv', 'empty', '80']);
    expect(shut.stderr).toBe(`nc: empty (${emptyIP}:80): Connection refused\ncommand terminated with exit code 1\n`);
  });

  it("works in a container's own sh -c command", async () => {
    const f = c.file('prober.yaml', `apiVersion: v1
kind: Pod
metadata: {name: prober}
spec:
  containers:
  - name: probe
    image: busybox
    command: [sh, -c, 'until wget -qO- http://web.default.svc.cluster.local >/dev/null; do sleep 1; done; echo reached; nc -zv web 80; sleep 3600']
`);
    expect((await c.kubectl(['apply', '-f', f])).code).toBe(0);
    const logs = await eventually(c, ['logs', 'prober'], (o) => o.includes('open'), 60_000);
    expect(logs).toBe(`reached\nweb (${svcIP}:80) open\n`);
  }, 90_000);

  it('curl in the nginx image reaches the Service by its full name', async () => {
    const r = await c.kubectl(['exec', 'deploy/web', '--', 'sh', '-c', 'curl -s web.default.svc.cluster.local']);
    expect(r.stdout.startsWith(INDEX_START)).toBe(true);
    const nope = await c.kubectl(['exec', 'deploy/web', '--', 'curl', '-sS', 'http://nope']);
    expect([nope.stderr]).toEqual(['curl: (6) Could not resolve host: nope\ncommand terminated with exit code 6\n']);
  });

  it('a default-deny NetworkPolicy makes wget time out; an allowing one lets it through', async () => {
    const deny = c.file('deny.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n');
    const allow = c.file('allow.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-from-pods}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{podSelector: {}}], ports: [{port: 80}]}]\n');
    expect((await c.kubectl(['apply', '-f', deny])).code).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    const blocked = await c.kubectl(['exec', 'client', '--', 'wget', '-qO-', '-T', '2', 'http://web']);
    expect([blocked.code, blocked.stdout, blocked.stderr]).toEqual([1, '', 'wget: download timed out\ncommand terminated with exit code 1\n']);
    expect((await c.kubectl(['apply', '-f', allow])).code).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    const open = await c.kubectl(['exec', 'client', '--', 'wget', '-qO-', '-T', '2', 'http://web']);
    expect([open.code, open.stdout.startsWith(INDEX_START)]).toEqual([0, true]);
    expect((await c.kubectl(['delete', '-f', deny, '-f', allow])).code).toBe(0);
  }, 60_000);
  it('honours hostAliases, dnsPolicy None and dnsConfig: /etc/hosts, /etc/resolv.conf and lookups', async () => {
    const f = c.file('names.yaml', `apiVersion: v1
kind: Pod
metadata: {name: names}
spec:
  dnsPolicy: None
  dnsConfig: {nameservers: [1.1.1.1], searches: [corp.example], options: [{name: ndots, value: "2"}, {name: edns0}]}
  hostAliases: [{ip: ${svcIP}, hostnames: [shop.local, shop]}]
  containers: [{name: box, image: busybox, command: [sh, -c, 'sleep 3600']}]
`);
    expect((await c.kubectl(['apply', '-f', f])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'names'], (o) => /1\/1\s+Running/.test(o), 60_000);
    const ip = (await c.kubectl(['get', 'pod', 'names', '-o', 'jsonpath={.status.podIP}'])).stdout;
    const hosts = await c.kubectl(['exec', 'names', '--', 'cat', '/etc/hosts']);
    expect(hosts.stdout).toBe('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n'
      + `${ip}\tnames\n\n# Entries added by HostAliases.\n${svcIP}\tshop.local\tshop\n`);
    expect((await c.kubectl(['exec', 'names', '--', 'cat', '/etc/resolv.conf'])).stdout).toBe('search corp.example\nnameserver 1.1.1.1\noptions ndots:2 edns0\n');
    const page = await c.kubectl(['exec', 'names', '--', 'wget', '-qO-', 'http://shop.local']);
    expect([page.code, page.stderr, page.stdout.startsWith(INDEX_START)]).toEqual([0, '', true]);
    // 1.1.1.1 knows none of the cluster's names.
    const ns = await c.kubectl(['exec', 'names', '--', 'nslookup', 'web']);
    expect([ns.code, ns.stdout]).toEqual([1, "Server:\t\t1.1.1.1\nAddress:\t1.1.1.1:53\n\n** server can't find web.corp.example: NXDOMAIN\n\n** server can't find web: NXDOMAIN\n\n"]);
    // The sandbox carries the same DNS config (crictl inspectp on the pod's node).
    const node = (await c.kubectl(['get', 'pod', 'names', '-o', 'jsonpath={.spec.nodeName}'])).stdout;
    const crictl = (args: string[]) => run(process.execPath, [join(resolve(import.meta.dirname, '../..'), 'bin/crictl'), ...args], { ...c.env, KUBEDOJO_NODE_ROOT: join(c.env.KUBEDOJO_HOME!, c.name, 'nodes', node) });
    const sandbox = (await crictl(['pods', '--name', 'names', '-q'])).stdout.trim().split('\n')[0]!;
    const info = JSON.parse((await crictl(['inspectp', sandbox])).stdout) as { info: { config: { dns_config: unknown } } };
    expect(info.info.config.dns_config).toEqual({ servers: ['1.1.1.1'], searches: ['corp.example'], options: ['ndots:2', 'edns0'] });
    expect((await c.kubectl(['delete', 'pod', 'names', '--now'])).code).toBe(0);
  }, 90_000);
});
