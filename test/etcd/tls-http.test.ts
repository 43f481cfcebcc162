// One TLS client port for every client: gRPC (the real etcdctl v3, which offers only h2), the v2
// API (etcdctl v2) and plain HTTPS (curl, which offers h2 and http/1.1 and so gets HTTP/1.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type Running } from '../../src/etcd/serve.js';
import { buildConfig } from '../../src/etcd/config.js';
import { parseFlags } from '../../src/etcd/flags.js';
import { createLogger } from '../../src/etcd/log.js';
import { freePorts } from '../support/ports.js';
import { REAL_ETCDCTL, run } from '../support/etcd-pair.js';

const haveTools = existsSync(REAL_ETCDCTL) && existsSync('/usr/bin/openssl') && existsSync('/usr/bin/curl');

/** A CA, a server certificate for 127.0.0.1/localhost and a client certificate (openssl). */
function makeCerts(dir: string): void {
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=ca', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  for (const [name, ext] of [
    ['server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n'],
    ['client', 'extendedKeyUsage=clientAuth\n'],
  ] as const) {
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-out', `${name}.crt`, '-extfile', `${name}.ext`);
  }
}

describe.skipIf(!haveTools)('TLS client port', () => {
  let dir = '';
  let running: Running;
  let url = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubedojo-tls-'));
    makeCerts(dir);
    const [client, peer] = await freePorts(2);
    url = `https://127.0.0.1:${client}`;
    const tls = ['--cert-file', join(dir, 'server.crt'), '--key-file', join(dir, 'server.key'), '--trusted-ca-file', join(dir, 'ca.crt'), '--client-cert-auth'];
    const parsed = parseFlags(['--data-dir', join(dir, 'data'), '--enable-v2', '--listen-client-urls', url, '--advertise-client-urls', url, '--listen-peer-urls', `http://127.0.0.1:${peer}`, ...tls], {});
    if (parsed.kind !== 'run') throw new Error(parsed.kind);
    running = await serve(buildConfig(parsed.values), createLogger(() => undefined));
  });
  afterAll(async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const f = (name: string): string => join(dir, name);

  it('answers curl over HTTPS (HTTP/1.1), etcdctl v3 (gRPC) and etcdctl v2', async () => {
    const curl = await run('curl', ['-s', '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key'), `${url}/health`]);
    expect(curl.stdout).toBe('{"health":"true"}');
    const v3 = await run(REAL_ETCDCTL, ['--endpoints', url, '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key'), 'put', 'a', '1'], { ETCDCTL_API: '3' });
    expect(v3.stdout).toBe('OK\n');
    const v2 = await run(REAL_ETCDCTL, ['--endpoints', url, '--ca-file', f('ca.crt'), '--cert-file', f('client.crt'), '--key-file', f('client.key'), 'set', '/k', 'v'], { ETCDCTL_API: '2' });
    expect(v2.stdout).toBe('v\n');
  });
});
