// Stand-ins for the pieces `kubedojo up` drives, so the lifecycle machinery (create, spawn, wait
// for /readyz, stop) is tested before and apart from the real cluster: an openssl-made PKI, a
// layout, creation steps writing admin.conf, and an in-memory Io.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stringify } from 'yaml';
import type { Io } from '../../src/cli/shared/io.js';
import type { CreateSteps } from '../../src/daemon/create.js';
import type { ClusterConfig, ClusterLayout } from '../../src/daemon/layout.js';
import { nodePaths, type ClusterPaths } from '../../src/daemon/paths.js';

/** A CA, an apiserver certificate for 127.0.0.1 and an admin client certificate (EC, fast). */
export function makeFakePki(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-fake-pki-'));
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-days', '1', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=kubernetes', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  for (const [name, subj, ext] of [
    ['apiserver', '/CN=kube-apiserver', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n'],
    ['admin', '/O=kubeadm:cluster-admins/CN=kubernetes-admin', 'extendedKeyUsage=clientAuth\n'],
  ] as const) {
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subj);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-out', `${name}.crt`, '-extfile', `${name}.ext`);
  }
  return dir;
}

export const FAKE_LAYOUT: ClusterLayout = {
  nodes: [
    { name: 'controlplane', role: 'control-plane', capacity: { cpu: '2', memory: '4019916Ki', pods: '110' }, labels: {}, internalIP: '192.168.49.2', podCIDR: '10.244.0.0/24' },
    { name: 'node01', role: 'worker', capacity: { cpu: '2', memory: '4019916Ki', pods: '110' }, labels: {}, internalIP: '192.168.49.3', podCIDR: '10.244.1.0/24' },
    { name: 'node02', role: 'worker', capacity: { cpu: '2', memory: '4019916Ki', pods: '110' }, labels: {}, internalIP: '192.168.49.4', podCIDR: '10.244.2.0/24' },
  ],
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/12',
  dnsDomain: 'cluster.local',
};

function adminConf(pki: string, port: number): string {
  const b64 = (file: string): string => readFileSync(join(pki, file)).toString('base64');
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kubernetes', cluster: { 'certificate-authority-data': b64('ca.crt'), server: `https://127.0.0.1:${port}` } }],
    contexts: [{ name: 'kubernetes-admin@kubernetes', context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }],
    'current-context': 'kubernetes-admin@kubernetes',
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': b64('admin.crt'), 'client-key-data': b64('admin.key') } }],
  });
}

/** Creation steps that copy the fake PKI where kubeadm puts it and record what they were given. */
export function fakeSteps(pki: string, calls: string[] = []): CreateSteps {
  return {
    loadLayout: (file) => { calls.push(`loadLayout ${file ?? '-'}`); return structuredClone(FAKE_LAYOUT); },
    ensureClusterPki: async (paths: ClusterPaths, config: ClusterConfig) => {
      calls.push(`ensureClusterPki ${config.name}`);
      const node = nodePaths(paths, 'controlplane');
      mkdirSync(node.pki, { recursive: true });
      for (const f of ['ca.crt', 'apiserver.crt', 'apiserver.key']) copyFileSync(join(pki, f), join(node.pki, f));
      writeFileSync(join(node.kubernetesDir, 'admin.conf'), adminConf(pki, config.apiserverPort));
    },
    writeNodeFiles: (_paths, config) => { calls.push(`writeNodeFiles ${config.nodes.length}`); },
  };
}

export interface MemIo extends Io {
  out(): string;
  err(): string;
}

export function memIo(env: Record<string, string | undefined>, cwd = process.cwd()): MemIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string | Uint8Array) => { out += s.toString(); return true; } },
    stderr: { write: (s: string | Uint8Array) => { err += s.toString(); return true; } },
    stdin: new PassThrough(),
    env,
    cwd,
    out: () => out,
    err: () => err,
  };
}
