import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterConfig, NodeSpec } from '../layout.js';
import { clusterPaths, nodePaths, type ClusterPaths } from '../paths.js';
import { ensureClusterPki } from './ensure.js';

function node(name: string, role: NodeSpec['role'], internalIP: string): NodeSpec {
  return { name, role, internalIP, capacity: {}, labels: {}, podCIDR: '10.244.0.0/24' };
}

function testConfig(apiserverPort = 6443): ClusterConfig {
  return {
    name: 'dev', kubernetesVersion: 'v1.32.4', apiserverPort, etcdClientPort: 2379, etcdPeerPort: 2380,
    createdAt: '2025-01-01T00:00:00Z', podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/12',
    dnsDomain: 'cluster.local',
    nodes: [
      node('dev-control-plane', 'control-plane', '192.168.49.2'),
      node('dev-worker', 'worker', '192.168.49.3'),
      node('dev-worker2', 'worker', '192.168.49.4'),
    ],
  };
}

function openssl(...args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function certText(path: string): string {
  return openssl('x509', '-noout', '-text', '-in', path);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile()).sort();
}

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

let home: string;
let paths: ClusterPaths;
let cp: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'kubedojo-pki-'));
  paths = clusterPaths(home, 'dev');
  cp = nodePaths(paths, 'dev-control-plane').pki;
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const KUBEADM_PKI = [
  'apiserver-etcd-client.crt', 'apiserver-etcd-client.key', 'apiserver-kubelet-client.crt',
  'apiserver-kubelet-client.key', 'apiserver.crt', 'apiserver.key', 'ca.crt', 'ca.key',
  'etcd/ca.crt', 'etcd/ca.key', 'etcd/healthcheck-client.crt', 'etcd/healthcheck-client.key',
  'etcd/peer.crt', 'etcd/peer.key', 'etcd/server.crt', 'etcd/server.key', 'front-proxy-ca.crt',
  'front-proxy-ca.key', 'front-proxy-client.crt', 'front-proxy-client.key', 'sa.key', 'sa.pub',
];

describe('ensureClusterPki', () => {
  it('writes exactly kubeadm\'s files, on a fresh home well within the up budget', async () => {
    const started = performance.now();
    await ensureClusterPki(paths, testConfig());
    const elapsed = performance.now() - started;
    console.log(`ensureClusterPki (3 nodes, 20 keys): ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(2500);
    expect(listFiles(cp)).toEqual(KUBEADM_PKI);
    const k8s = nodePaths(paths, 'dev-control-plane').kubernetesDir;
    expect(listFiles(k8s).filter((f) => !f.startsWith('pki/'))).toEqual([
      'admin.conf', 'controller-manager.conf', 'kubelet.conf', 'scheduler.conf', 'super-admin.conf',
    ]);
    for (const w of ['dev-worker', 'dev-worker2']) {
      expect(listFiles(nodePaths(paths, w).kubernetesDir)).toEqual(['kubelet.conf', 'pki/ca.crt']);
      expect(readFileSync(join(nodePaths(paths, w).pki, 'ca.crt'), 'utf8')).toBe(readFileSync(join(cp, 'ca.crt'), 'utf8'));
    }
  });

  it('sets kubeadm\'s modes: keys and kubeconfigs 0600, certs 0644, dirs 0755', async () => {
    await ensureClusterPki(paths, testConfig());
    for (const f of KUBEADM_PKI) expect([f, mode(join(cp, f))]).toEqual([f, f.endsWith('.key') ? 0o600 : 0o644]);
    const np = nodePaths(paths, 'dev-control-plane');
    for (const dir of [np.root, join(np.root, 'etc'), np.kubernetesDir, np.pki, np.etcdPki]) expect(mode(dir)).toBe(0o755);
    for (const f of readdirSync(np.kubernetesDir).filter((x) => x.endsWith('.conf'))) {
      expect(mode(join(np.kubernetesDir, f))).toBe(0o600);
    }
  });

  it('gives each certificate kubeadm\'s subject, SANs and usages', async () => {
    await ensureClusterPki(paths, testConfig());
    const ca = certText(join(cp, 'ca.crt'));
    expect(ca).toContain('Subject: CN = kubernetes\n');
    expect(ca).toMatch(/Key Usage: critical\n\s+Digital Signature, Key Encipherment, Certificate Sign/);
    expect(ca).toMatch(/Basic Constraints: critical\n\s+CA:TRUE/);
    expect(ca).toContain('ecdsa-with-SHA256');
    const api = certText(join(cp, 'apiserver.crt'));
    expect(api).toContain('Subject: CN = kube-apiserver\n');
    expect(api).toContain('DNS:dev-control-plane, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, '
      + 'DNS:kubernetes.default.svc.cluster.local, DNS:localhost, IP Address:10.96.0.1, IP Address:192.168.49.2, IP Address:127.0.0.1');
    expect(api).toMatch(/Extended Key Usage: \n\s+TLS Web Server Authentication\n/);
    expect(api).toMatch(/Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);
    expect(api).toMatch(/Basic Constraints: critical\n\s+CA:FALSE/);
    expect(certText(join(cp, 'apiserver-kubelet-client.crt')))
      .toMatch(/Subject: O = kubeadm:cluster-admins, CN = kube-apiserver-kubelet-client\n[\s\S]*TLS Web Client Authentication\n/);
    expect(certText(join(cp, 'apiserver-etcd-client.crt'))).toMatch(/Issuer: CN = etcd-ca\n[\s\S]*Subject: CN = kube-apiserver-etcd-client\n/);
    expect(certText(join(cp, 'front-proxy-client.crt'))).toMatch(/Issuer: CN = front-proxy-ca\n[\s\S]*Subject: CN = front-proxy-client\n/);
    expect(certText(join(cp, 'etcd/healthcheck-client.crt'))).toContain('Subject: CN = kube-etcd-healthcheck-client\n');
    for (const f of ['etcd/server.crt', 'etcd/peer.crt']) {
      const text = certText(join(cp, f));
      expect(text).toContain('Subject: CN = dev-control-plane\n');
      expect(text).toContain('DNS:dev-control-plane, DNS:localhost, IP Address:192.168.49.2, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
      expect(text).toMatch(/TLS Web Server Authentication, TLS Web Client Authentication\n/);
    }
    expect(openssl('pkey', '-pubin', '-in', join(cp, 'sa.pub'), '-noout', '-text')).toContain('prime256v1');
    expect(readFileSync(join(cp, 'sa.key'), 'utf8')).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
  });

  it('chains every certificate to its CA, valid 1 year (CAs 10 years)', async () => {
    await ensureClusterPki(paths, testConfig());
    const chains: [string, string[]][] = [
      ['ca.crt', ['apiserver.crt', 'apiserver-kubelet-client.crt']],
      ['front-proxy-ca.crt', ['front-proxy-client.crt']],
      ['etcd/ca.crt', ['apiserver-etcd-client.crt', 'etcd/server.crt', 'etcd/peer.crt', 'etcd/healthcheck-client.crt']],
    ];
    for (const [ca, leaves] of chains) {
      for (const leaf of leaves) expect(openssl('verify', '-CAfile', join(cp, ca), join(cp, leaf))).toContain(': OK');
    }
    expect(() => openssl('verify', '-CAfile', join(cp, 'ca.crt'), join(cp, 'etcd/server.crt'))).toThrow();
    const days = (f: string): number => {
      const text = openssl('x509', '-noout', '-startdate', '-enddate', '-in', join(cp, f));
      const [start, end] = [/notBefore=(.*)/, /notAfter=(.*)/].map((re) => Date.parse(re.exec(text)?.[1] ?? ''));
      return Math.round(((end ?? 0) - (start ?? 0)) / 86_400_000);
    };
    expect(days('ca.crt')).toBe(3650);
    expect(days('apiserver.crt')).toBe(365);
  });

  it('keeps existing files and regenerates only a removed pair', async () => {
    await ensureClusterPki(paths, testConfig());
    const k8s = nodePaths(paths, 'dev-control-plane').kubernetesDir;
    const snapshot = (): Map<string, string> =>
      new Map(listFiles(k8s).map((f) => [f, readFileSync(join(k8s, f), 'utf8')]));
    const before = snapshot();
    await ensureClusterPki(paths, testConfig());
    expect(snapshot()).toEqual(before);
    unlinkSync(join(cp, 'apiserver.crt'));
    unlinkSync(join(cp, 'apiserver.key'));
    await ensureClusterPki(paths, testConfig());
    const after = snapshot();
    for (const [f, text] of before) {
      if (f.startsWith('pki/apiserver.')) expect(after.get(f)).not.toBe(text);
      else expect(after.get(f)).toBe(text);
    }
    expect(openssl('verify', '-CAfile', join(cp, 'ca.crt'), join(cp, 'apiserver.crt'))).toContain(': OK');
  });

  it('refuses a certificate without its key', async () => {
    await ensureClusterPki(paths, testConfig());
    unlinkSync(join(cp, 'front-proxy-client.key'));
    await expect(ensureClusterPki(paths, testConfig())).rejects.toThrow(/front-proxy-client\.key" is missing/);
  });

  it('shares the CAs and sa key with a second control-plane node', async () => {
    const config = testConfig();
    config.nodes.push(node('dev-control-plane2', 'control-plane', '192.168.49.5'));
    await ensureClusterPki(paths, config);
    const cp2 = nodePaths(paths, 'dev-control-plane2').pki;
    expect(listFiles(cp2)).toEqual(KUBEADM_PKI);
    for (const f of ['ca.key', 'etcd/ca.crt', 'front-proxy-ca.crt', 'sa.key', 'sa.pub']) {
      expect(readFileSync(join(cp2, f), 'utf8')).toBe(readFileSync(join(cp, f), 'utf8'));
    }
    expect(mode(join(cp2, 'ca.key'))).toBe(0o600);
    expect(certText(join(cp2, 'etcd/server.crt'))).toContain('Subject: CN = dev-control-plane2\n');
    expect(openssl('verify', '-CAfile', join(cp, 'ca.crt'), join(cp2, 'apiserver.crt'))).toContain(': OK');
  });
});

describe('kubeconfigs', () => {
  function kubectl(conf: string, ...args: string[]): string {
    return execFileSync('kubectl', ['--kubeconfig', conf, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  function clientCert(conf: string): string {
    const file = join(home, 'client.crt');
    const data = kubectl(conf, 'config', 'view', '--raw', '-o', 'jsonpath={.users[0].user.client-certificate-data}');
    writeFileSync(file, Buffer.from(data, 'base64'));
    return file;
  }

  it('writes admin.conf as kubeadm does, readable by the real kubectl', async () => {
    await ensureClusterPki(paths, testConfig(16443));
    const conf = join(nodePaths(paths, 'dev-control-plane').kubernetesDir, 'admin.conf');
    const jsonpath = '{.current-context} {.clusters[0].name} {.clusters[0].cluster.server} {.contexts[0].context.user}';
    expect(kubectl(conf, 'config', 'view', '--raw', '-o', `jsonpath=${jsonpath}`))
      .toBe('kubernetes-admin@kubernetes kubernetes https://127.0.0.1:16443 kubernetes-admin');
    expect(kubectl(conf, 'config', 'view', '--raw')).toBe(readFileSync(conf, 'utf8'));
    const ca = kubectl(conf, 'config', 'view', '--raw', '-o', 'jsonpath={.clusters[0].cluster.certificate-authority-data}');
    expect(Buffer.from(ca, 'base64').toString()).toBe(readFileSync(join(cp, 'ca.crt'), 'utf8'));
    const cert = clientCert(conf);
    expect(certText(cert)).toMatch(/Subject: O = kubeadm:cluster-admins, CN = kubernetes-admin\n[\s\S]*TLS Web Client Authentication/);
    expect(openssl('verify', '-CAfile', join(cp, 'ca.crt'), cert)).toContain(': OK');
  });

  it('names each component\'s user and groups as kubeadm does', async () => {
    await ensureClusterPki(paths, testConfig());
    const subjects: [string, string, string][] = [
      ['dev-control-plane', 'super-admin.conf', 'O = system:masters, CN = kubernetes-super-admin'],
      ['dev-control-plane', 'controller-manager.conf', 'CN = system:kube-controller-manager'],
      ['dev-control-plane', 'scheduler.conf', 'CN = system:kube-scheduler'],
      ['dev-control-plane', 'kubelet.conf', 'O = system:nodes, CN = system:node:dev-control-plane'],
      ['dev-worker2', 'kubelet.conf', 'O = system:nodes, CN = system:node:dev-worker2'],
    ];
    for (const [n, file, subject] of subjects) {
      const conf = join(nodePaths(paths, n).kubernetesDir, file);
      const user = /CN = (.*)$/.exec(subject)?.[1];
      expect(kubectl(conf, 'config', 'current-context')).toBe(`${user}@kubernetes\n`);
      expect(certText(clientCert(conf))).toContain(`Subject: ${subject}\n`);
    }
  });

  it('lets the real kubectl complete a TLS handshake with the apiserver certificate', async () => {
    const https = await import('node:https');
    const config = testConfig();
    await ensureClusterPki(paths, config);
    const server = https.createServer({
      cert: readFileSync(join(cp, 'apiserver.crt')), key: readFileSync(join(cp, 'apiserver.key')),
      ca: readFileSync(join(cp, 'ca.crt')), requestCert: true, rejectUnauthorized: true,
    }, (req, res) => {
      const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
      res.end(`ok ${peer.subject.CN} ${String(peer.subject.O)}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as import('node:net').AddressInfo).port;
      const conf = join(home, 'admin.conf');
      const text = readFileSync(join(nodePaths(paths, 'dev-control-plane').kubernetesDir, 'admin.conf'), 'utf8');
      writeFileSync(conf, text.replace(':6443', `:${port}`));
      const out = await new Promise<string>((resolve, reject) => {
        import('node:child_process').then(({ execFile }) => execFile('kubectl', ['--kubeconfig', conf, 'get', '--raw', '/healthz'],
          (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout))));
      });
      expect(out).toBe('ok kubernetes-admin kubeadm:cluster-admins');
    } finally {
      server.close();
    }
  });
});
