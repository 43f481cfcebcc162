// Whom our kubectl trusts, against the real one on one cluster: the kubeconfig's CA, another CA,
// none (then the system's roots, as Go finds them: SSL_CERT_FILE, SSL_CERT_DIR), --tls-server-name
// (DNS name or IP address) and the names the server's certificate holds. Each case runs ours twice:
// as the harness does (node bin/kubectl) and as a shell does (bin/kubectl, whose node starts with
// --use-openssl-ca and without NODE_EXTRA_CA_CERTS and SSL_CERT_FILE; see src/client/startup-env.ts).
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasRealKubectl, run, useCluster, type RunResult } from '../support/cluster.js';

const ROOT = resolve(import.meta.dirname, '../..');
const cl = useCluster('tlstrust');
const norm = (r: RunResult): RunResult => ({ ...r, stdout: r.stdout.replace(/\b\d+[smhd]\b/g, 'AGE'), stderr: r.stderr.replace(/^E\d{4} [\d:.]+ +\d+ /gm, 'E ') });

describe.skipIf(!hasRealKubectl)('kubectl TLS trust, ours vs real (skipped: no /usr/bin/kubectl)', () => {
  let files: { noca: string; ca: string; otherCa: string; empty: string; dir: string };
  beforeAll(() => {
    const config = readFileSync(join(cl.home, '.kube/config'), 'utf8');
    const ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(config)![1]!, 'base64').toString();
    const dir = join(cl.home, 'certdir');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cluster.pem'), ca);
    files = {
      noca: cl.file('noca.conf', config.replace(/\n\s+certificate-authority-data: \S+/, '')),
      ca: cl.file('ca.pem', ca),
      otherCa: join(cl.home, `.kubedojo/${cl.name}/nodes/controlplane/etc/kubernetes/pki/etcd/ca.crt`),
      empty: cl.file('empty.pem', ''),
      dir,
    };
  });

  const cases: [string, () => { env?: NodeJS.ProcessEnv; args: string[] }][] = [
    ["the kubeconfig's CA", () => ({ args: [] })],
    ['another CA', () => ({ args: [`--certificate-authority=${files.otherCa}`] })],
    ['no CA: system roots without the cluster CA', () => ({ env: { KUBECONFIG: files.noca, SSL_CERT_FILE: files.empty, SSL_CERT_DIR: '/nonexistent' }, args: [] })],
    ['no CA: SSL_CERT_FILE holds the cluster CA', () => ({ env: { KUBECONFIG: files.noca, SSL_CERT_FILE: files.ca }, args: [] })],
    ['no CA: SSL_CERT_DIR holds the cluster CA', () => ({ env: { KUBECONFIG: files.noca, SSL_CERT_FILE: files.empty, SSL_CERT_DIR: files.dir }, args: [] })],
    ['no CA: NODE_EXTRA_CA_CERTS is not for Go', () => ({ env: { KUBECONFIG: files.noca, NODE_EXTRA_CA_CERTS: files.ca, SSL_CERT_FILE: files.empty, SSL_CERT_DIR: '/nonexistent' }, args: [] })],
    ['no CA, --insecure-skip-tls-verify', () => ({ env: { KUBECONFIG: files.noca }, args: ['--insecure-skip-tls-verify'] })],
    ['--tls-server-name the certificate lacks', () => ({ args: ['--tls-server-name=foo.example'] })],
    ['--tls-server-name an IP the certificate lacks', () => ({ args: ['--tls-server-name=10.1.2.3'] })],
    ['--tls-server-name it holds', () => ({ args: ['--tls-server-name=kubernetes.default.svc'] })],
    ['--tls-server-name an IP it holds', () => ({ args: ['--tls-server-name=10.96.0.1'] })],
    ['--server by a name it holds', () => ({ args: [`--server=${serverUrl().replace('127.0.0.1', 'localhost')}`] })],
    // no scheme is plain HTTP without credentials; the TLS port answers it as net/http does
    ['--server without a scheme', () => ({ args: [`--server=${serverUrl().replace('https://', '')}`] })],
    ['--server with http://', () => ({ args: [`--server=${serverUrl().replace('https://', 'http://')}`] })],
  ];
  const serverUrl = (): string => /server: (\S+)/.exec(readFileSync(join(cl.home, '.kube/config'), 'utf8'))![1]!;

  it.each(cases)('%s', async (_name, make) => {
    const { env = {}, args } = make();
    const argv = ['get', 'ns', 'default', ...args];
    const real = norm(await cl.kubectl(argv, { env }));
    const viaNode = norm(await cl.ourKubectl(argv, { env }));
    const viaShell = norm(await run(join(ROOT, 'bin/kubectl'), argv, { ...cl.env, ...env }));
    expect(viaNode).toEqual(real);
    expect(viaShell).toEqual(real);
  });

  it('a DELETE over plain HTTP to the TLS port: the server closes, the client reads EOF', async () => {
    const argv = ['delete', 'pod', 'x', '--dry-run=server', `--server=${serverUrl().replace('https://', 'http://')}`];
    const real = norm(await cl.kubectl(argv));
    expect(real.stderr).toBe('Unable to connect to the server: EOF\n');
    expect(norm(await cl.ourKubectl(argv))).toEqual(real);
  });
});
