import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterConfig } from '../layout.js';
import { clusterPaths, nodePaths, type ClusterPaths } from '../paths.js';
import { loadCa, loadClusterCa, readCsr, signClientCert } from './ca.js';
import { ensureClusterPki } from './ensure.js';
import { generateKeyPair } from './keys.js';
import { apiserverServiceIP } from './specs.js';

function openssl(...args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const CONFIG: ClusterConfig = {
  name: 'dev', kubernetesVersion: 'v1.32.4', apiserverPort: 6443, etcdClientPort: 2379, etcdPeerPort: 2380,
  createdAt: '2025-01-01T00:00:00Z', podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/12', dnsDomain: 'cluster.local',
  nodes: [
    { name: 'cp', role: 'control-plane', internalIP: '192.168.49.2', capacity: {}, labels: {}, podCIDR: '10.244.0.0/24' },
    { name: 'w', role: 'worker', internalIP: '192.168.49.3', capacity: {}, labels: {}, podCIDR: '10.244.1.0/24' },
  ],
};

let home: string;
let paths: ClusterPaths;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'kubedojo-ca-'));
  paths = clusterPaths(home, 'dev');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(home, name);
  writeFileSync(file, text);
  return file;
}

describe('loadClusterCa + signClientCert', () => {
  it('finds the control-plane CA and signs a client certificate for a public key', async () => {
    await ensureClusterPki(paths, CONFIG);
    const ca = await loadClusterCa(paths);
    expect(ca.certPem).toBe(readFileSync(join(nodePaths(paths, 'cp').pki, 'ca.crt'), 'utf8'));
    const keys = await generateKeyPair();
    const pem = await signClientCert({ ca, commonName: 'jane', organizations: ['dev', 'qa'], days: 30, publicKey: keys.publicKey });
    const cert = write('jane.crt', pem);
    const text = openssl('x509', '-noout', '-text', '-in', cert);
    expect(text).toContain('Subject: O = dev + O = qa, CN = jane\n');
    expect(text).toMatch(/Extended Key Usage: \n\s+TLS Web Client Authentication\n/);
    expect(openssl('verify', '-CAfile', join(nodePaths(paths, 'cp').pki, 'ca.crt'), cert)).toContain(': OK');
    const dates = openssl('x509', '-noout', '-startdate', '-enddate', '-in', cert);
    const [from, to] = [/notBefore=(.*)/, /notAfter=(.*)/].map((re) => Date.parse(re.exec(dates)?.[1] ?? ''));
    expect(Date.now() - (from ?? 0)).toBeGreaterThanOrEqual(4 * 60_000);
    expect(Math.round(((to ?? 0) - Date.now()) / 86_400_000)).toBe(30);
  });

  it('says what to do when the cluster has no CA yet', async () => {
    await expect(loadClusterCa(paths)).rejects.toThrow(/run "kubedojo up" first/);
  });

  it('signs the key of an openssl CSR, with serving usages and SANs on request', async () => {
    await ensureClusterPki(paths, CONFIG);
    const ca = await loadClusterCa(paths, 'cp');
    const key = join(home, 'kubelet.key');
    const csrPem = openssl('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-subj', '/O=system:nodes/CN=system:node:w', '-addext', 'subjectAltName=DNS:w,IP:192.168.49.3');
    const info = await readCsr(csrPem);
    expect(info.commonName).toBe('system:node:w');
    expect(info.organizations).toEqual(['system:nodes']);
    expect(info.altNames).toEqual({ dnsNames: ['w'], ips: ['192.168.49.3'] });
    const pem = await signClientCert({
      ca, commonName: info.commonName, organizations: info.organizations, csr: csrPem,
      usages: ['serverAuth'], altNames: info.altNames,
    });
    const cert = write('kubelet.crt', pem);
    const text = openssl('x509', '-noout', '-text', '-in', cert);
    expect(text).toContain('DNS:w, IP Address:192.168.49.3');
    expect(text).toMatch(/TLS Web Server Authentication\n/);
    const pub = (args: string[]): string => openssl('pkey', ...args, '-pubout');
    expect(openssl('x509', '-noout', '-pubkey', '-in', cert)).toBe(pub(['-in', key]));
  });

  it('rejects a CSR whose signature does not verify', async () => {
    const good = openssl('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(home, 'k.key'), '-subj', '/CN=mallory');
    const der = Buffer.from(good.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
    const at = der.indexOf(Buffer.from('mallory'));
    der.write('mallorx', at);
    const bad = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    await expect(readCsr(bad)).rejects.toThrow(/does not verify/);
  });

  it('signs with an RSA CA brought from elsewhere (a kubeadm default CA)', async () => {
    const dir = join(home, 'rsa');
    execFileSync('mkdir', ['-p', dir]);
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.crt'),
      '-subj', '/CN=kubernetes', '-days', '10');
    const ca = await loadCa(dir, 'ca');
    const keys = await generateKeyPair();
    const cert = write('rsa-signed.crt', await signClientCert({ ca, commonName: 'bob', publicKey: keys.publicKey }));
    expect(openssl('x509', '-noout', '-text', '-in', cert)).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(openssl('verify', '-CAfile', join(dir, 'ca.crt'), cert)).toContain(': OK');
  });
});

describe('apiserverServiceIP', () => {
  it.each([
    ['10.96.0.0/12', '10.96.0.1'],
    ['10.96.5.7/12', '10.96.0.1'],
    ['172.20.0.0/16', '172.20.0.1'],
    ['10.0.0.0/24,fd00::/108', '10.0.0.1'],
  ])('%s → %s', (subnet, ip) => {
    expect(apiserverServiceIP(subnet)).toBe(ip);
  });

  it.each(['fd00::/108', '10.96.0.0', '300.0.0.0/8'])('rejects %s', (subnet) => {
    expect(() => apiserverServiceIP(subnet)).toThrow(/not an IPv4 CIDR/);
  });
});
